/**
 * Sections III (funding) and IV (organisation): who aggregates, who reports by when, the
 * requests to the Front and mass organisations ("Đề nghị …"), as in the seeds' closing sections.
 * The reporting duties quote their deadline in the title, as Cần Thơ IV.1–IV.2 do ("{DL}").
 */
import { lowerPlaces } from './agencies.js';
import { LAW, nm, reportsTo, type Tpl } from './templates.js';

export const ORG: Tpl[] = [
  {
    id: 'budget', sec: 'III', at: { national: 1, province: 1, district: 1, commune: 1 }, deadline: 'per', from: ['budget'],
    title: () => 'Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách nhà nước hằng năm',
    implement: ['finance'],
  },
  {
    id: 'estimate', sec: 'III', at: { national: 1, province: 0.6, district: 0.6 }, deadline: 'per', from: ['estimate'],
    title: () => 'Căn cứ nhiệm vụ được giao trong Kế hoạch, lập dự toán kinh phí thực hiện, gửi cơ quan tài chính cùng cấp tổng hợp theo quy định của Luật Ngân sách nhà nước',
    implement: ['depts'],
  },
  {
    id: 'own', sec: 'IV', at: { national: 1, province: 1, district: 1, commune: 1 }, deadline: 'own', from: ['own', 'sub'],
    title: (c) =>
      `${nm('home', c)} tham mưu xây dựng Kế hoạch chi tiết, theo dõi, đôn đốc việc triển khai. {DL}, báo cáo kết quả về ${reportsTo(c)}.`,
    implement: ['home'],
  },
  {
    id: 'sub', sec: 'IV', at: { national: 1, province: 1, district: 1 }, deadline: 'sub', from: ['sub'],
    title: (c) =>
      `${nm('depts', c)}, Ủy ban nhân dân các ${lowerPlaces(c.unit)} xây dựng Kế hoạch chi tiết. {DL}, báo cáo kết quả về ${nm('home', c)}.`,
    implement: ['depts', 'lowerExec'],
  },
  {
    // A commune has no level below: its own officials report to the one who aggregates.
    id: 'subC', sec: 'IV', at: { commune: 1 }, deadline: 'sub', from: ['sub'],
    title: (c) =>
      `${nm('exec', c)} xây dựng Kế hoạch chi tiết; ${nm('justice', c)}, ${nm('finance', c)} thực hiện nhiệm vụ được giao. {DL}, báo cáo kết quả về ${nm('home', c)}.`,
    implement: ['exec', 'justice', 'finance'],
  },
  {
    id: 'front', sec: 'IV', at: { national: 1, province: 1, district: 1, commune: 1 }, deadline: 'none', request: true, from: ['front'],
    title: (c) => {
      const union = c.unit.level === 'commune' ? '' : `, ${nm('union', c)}`;
      return `Đề nghị ${nm('front', c)}${union} xây dựng Kế hoạch triển khai thi hành Luật theo chức năng, nhiệm vụ.`;
    },
    implement: ['front', 'union'],
  },
  {
    id: 'partyMass', sec: 'IV', at: { national: 1, province: 0.7, district: 0.7 }, deadline: 'none', request: true, from: ['partyMass'],
    title: (c) => `Đề nghị ${nm('partyMass', c)} phối hợp theo dõi, đôn đốc, kiểm tra việc triển khai các nội dung tại Kế hoạch này.`,
    implement: ['partyMass'],
  },
  {
    id: 'office', sec: 'IV', at: { national: 1, province: 0.8, district: 0.8, commune: 0.9 }, deadline: 'none', from: ['office'],
    title: () => 'Chuẩn bị cơ sở vật chất, điều kiện tổ chức Hội nghị trực tiếp và trực tuyến.',
    implement: ['office'],
  },
  {
    id: 'pressIV', sec: 'IV', at: { national: 1, province: 0.7, district: 0.7 }, deadline: 'cont', from: ['pressIV'],
    title: () => `Chỉ đạo, hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở đẩy mạnh tuyên truyền ${LAW}.`,
    implement: ['info'],
  },
  {
    id: 'difficulties', sec: 'IV', at: { national: 1, province: 1, district: 1, commune: 1 }, deadline: 'none', request: true, from: ['difficulties'],
    title: (c) =>
      `Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị, địa phương kịp thời báo cáo ${nm('exec', c)} (qua ${nm('home', c)}) để xem xét, giải quyết.`,
    implement: ['depts', 'lowerExec'], fallback: 'vague',
  },
];
