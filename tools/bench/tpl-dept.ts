/**
 * Department plans (sở, ban, ngành under the province plan): the department's own duties from
 * the province plan are restated by the builder; these are the internal tasks every department
 * plan adds (workplace democracy inside the agency: its Quy chế, its annual staff conference,
 * disclosure, dialogue), each led by the department itself.
 */
import { agency } from './agencies.js';
import { LAW, nm, type Tpl } from './templates.js';

const D = (p = 1): Tpl['at'] => ({ department: p });

export const DEPT: Tpl[] = [
  {
    id: 'dConf', sec: 'II.1', at: D(), deadline: { w: 1 }, kind: 'execution', from: ['conf'], lead: ['self'],
    title: () => `Tổ chức quán triệt, phổ biến ${LAW} cho cán bộ, công chức, viên chức, người lao động của cơ quan`,
  },
  {
    id: 'dWeb', sec: 'II.1', at: D(0.9), deadline: 'cont', kind: 'execution', from: ['media'], implement: ['self'],
    title: () => `Đăng tải ${LAW} trên Trang thông tin điện tử của cơ quan`,
  },
  {
    id: 'dTrain', sec: 'II.1', at: D(), deadline: { o: 2 }, kind: 'execution', from: ['train'], implement: ['self'],
    title: () => 'Cử cán bộ, công chức tham gia các lớp tập huấn chuyên sâu về Luật do cấp trên tổ chức',
  },
  {
    id: 'dQuyche', sec: 'II.2', at: D(), deadline: { w: 2 }, kind: 'completion', from: ['quyche'], lead: ['self'],
    title: () => 'Xây dựng, ban hành Quy chế thực hiện dân chủ trong hoạt động của cơ quan',
  },
  {
    id: 'dMeeting', sec: 'II.2', at: D(), deadline: { w: 3 }, kind: 'execution', lead: ['self'],
    title: () => 'Tổ chức Hội nghị cán bộ, công chức, viên chức năm theo quy định',
  },
  {
    id: 'dDisclose', sec: 'II.2', at: D(), deadline: 'cont', kind: 'execution', implement: ['self'],
    title: () => 'Công khai thông tin về hoạt động của cơ quan theo quy định của Luật',
  },
  {
    id: 'dDialogue', sec: 'II.2', at: D(0.8), deadline: 'per', kind: 'execution', lead: ['self'],
    title: () => 'Tổ chức đối thoại giữa người đứng đầu cơ quan với cán bộ, công chức, viên chức, người lao động',
  },
  {
    id: 'dReview', sec: 'II', at: D(0.8), deadline: { w: 2 }, kind: 'completion', from: ['review'], lead: ['self'],
    title: () => 'Rà soát các văn bản do cơ quan tham mưu ban hành có liên quan đến thực hiện dân chủ ở cơ sở',
  },
  {
    id: 'dUnits', sec: 'II', at: D(0.8), deadline: { w: 5 }, kind: 'execution', from: ['inspect'], lead: ['self'],
    title: () => 'Kiểm tra việc thực hiện dân chủ tại các đơn vị trực thuộc',
  },
  {
    id: 'dFeedback', sec: 'II', at: D(), deadline: 'cont', kind: 'execution', implement: ['self'],
    title: () => 'Tiếp nhận, giải quyết kiến nghị, phản ánh của cán bộ, công chức, viên chức, người lao động về thực hiện dân chủ trong cơ quan',
  },
  {
    id: 'dEthics', sec: 'II', at: D(0.8), deadline: 'cont', kind: 'execution', implement: ['self'],
    title: () => 'Thực hiện quy tắc ứng xử của cán bộ, công chức, viên chức trong thi hành công vụ gắn với thực hiện dân chủ',
  },
  {
    id: 'dDigital', sec: 'II', at: D(0.6), deadline: { w: 6 }, kind: 'execution', implement: ['self'],
    title: () => 'Ứng dụng công nghệ thông tin trong tiếp nhận, xử lý ý kiến, kiến nghị và công khai thông tin',
  },
  {
    id: 'dSelf', sec: 'II', at: D(0.8), deadline: 'per', kind: 'execution', lead: ['self'],
    title: () => 'Tự kiểm tra, đánh giá việc thực hiện dân chủ trong cơ quan',
  },
  {
    id: 'dSum1', sec: 'II', at: D(), deadline: { w: 5 }, kind: 'execution', from: ['sum1'], lead: ['self'],
    title: () => 'Sơ kết 01 năm thực hiện Luật Thực hiện dân chủ ở cơ sở trong cơ quan',
  },
  {
    id: 'dBudget', sec: 'III', at: D(), deadline: 'per', from: ['estimate', 'budget'], implement: ['self'],
    title: () => 'Bố trí kinh phí thực hiện Kế hoạch trong dự toán chi thường xuyên của cơ quan',
  },
  {
    id: 'own', sec: 'IV', at: D(), deadline: 'own', from: ['own', 'sub'], implement: ['self'],
    title: (c) => {
      const to = c.dept === 'home' ? nm('exec', c) : agency('home', c.unit, c.style) ?? 'Sở Nội vụ';
      return `Văn phòng cơ quan tổng hợp, theo dõi, đôn đốc các phòng, đơn vị triển khai thực hiện Kế hoạch. {DL}, báo cáo kết quả thực hiện về ${to}.`;
    },
  },
  {
    id: 'dAward', sec: 'IV', at: D(0.5), deadline: 'per', implement: ['self'],
    title: () => 'Biểu dương, khen thưởng tập thể, cá nhân có thành tích trong thực hiện dân chủ tại cơ quan',
  },
];
