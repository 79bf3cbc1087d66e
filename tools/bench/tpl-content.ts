/**
 * Section II templates: dissemination and training (II.1), documents to draft (II.2), review,
 * monitoring and local initiatives. Titles follow the seeds' phrasing (QĐ 346's three groups of
 * work as restated by Thái Nguyên, Cần Thơ, Thanh Hóa and Bỉm Sơn).
 */
import { lowerPlaces } from './agencies.js';
import { ALL, audience, LAW, nm, placeOf, staff, type Tpl } from './templates.js';

const TRAIN = 'tổ chức tập huấn chuyên sâu về Luật';

export const CONTENT: Tpl[] = [
  {
    id: 'conf', sec: 'II.1', at: ALL(), deadline: { w: 1 }, kind: 'execution', from: ['conf', 'confLower'],
    title: (c) => `Tổ chức Hội nghị quán triệt, phổ biến ${LAW} ${audience(c)}`,
    lead: ['home'], coordinate: ['justice', 'depts', 'lowerExec', 'vague'], form: 'Trực tiếp hoặc trực tuyến.',
  },
  {
    id: 'confLower', sec: 'II.1', at: { national: 1, province: 1, district: 0.9 }, deadline: { w: 1 }, kind: 'execution', from: ['confLower'],
    title: (c) => `Tổ chức Hội nghị quán triệt, phổ biến ${LAW} tại các ${lowerPlaces(c.unit)}`,
    lead: ['lowerExec'], coordinate: ['home'],
  },
  {
    id: 'media', sec: 'II.1', at: ALL(), deadline: 'cont', kind: 'execution', from: ['media'],
    title: () => `Tổ chức tuyên truyền ${LAW} trên các phương tiện thông tin đại chúng`,
    implement: ['info', 'broadcast', 'press', 'portal', 'lowerBroadcast'], coordinate: ['home', 'lowerExec'],
  },
  {
    id: 'train', sec: 'II.1', at: ALL(), deadline: { o: 2 }, kind: 'execution', from: ['train'],
    title: () => `Tổ chức tập huấn chuyên sâu về ${LAW}`,
    lead: ['home'], coordinate: ['depts', 'lowerExec', 'vague'],
    duties: [
      { does: (c) => `Tổ chức tập huấn chuyên sâu về ${LAW} cho ${staff(c)}.` },
      { owner: 'lowerExec', does: () => `${TRAIN} cho cán bộ cấp xã, người hoạt động không chuyên trách ở cấp xã, thôn, tổ dân phố.` },
      { owner: 'front', request: true, does: () => `${TRAIN} cho cán bộ Mặt trận các cấp, thành viên Ban Thanh tra nhân dân.` },
      { owner: 'union', request: true, does: () => `${TRAIN} cho đoàn viên công đoàn, người lao động.` },
    ],
  },
  {
    id: 'docs', sec: 'II.1', at: { national: 1, province: 1, district: 0.8 }, deadline: { w: 1 }, kind: 'completion', from: ['docs'],
    title: () => 'Biên soạn, phát hành tài liệu tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở',
    lead: ['justice'], coordinate: ['home', 'vague'],
  },
  {
    id: 'radio', sec: 'II.1', at: { district: 0.8, commune: 0.9 }, deadline: 'cont', kind: 'execution', from: ['radio', 'media'],
    title: () => 'Tuyên truyền Luật trên đài truyền thanh cơ sở, bảng tin của thôn, tổ dân phố',
    implement: ['lowerBroadcast', 'broadcast'], coordinate: ['culture'],
  },
  {
    id: 'integrate', sec: 'II.1', at: { province: 0.7, district: 0.8, commune: 0.9 }, deadline: 'per', kind: 'execution', from: ['integrate'],
    title: () => 'Lồng ghép phổ biến Luật trong sinh hoạt của chi bộ, đoàn thể, thôn, tổ dân phố',
    implement: ['lowerExec'], coordinate: ['front'],
  },
  {
    id: 'contest', sec: 'II.1', at: { province: 0.4, district: 0.4, commune: 0.4 }, deadline: { w: 6 }, kind: 'execution', from: ['contest'],
    title: () => 'Tổ chức Hội thi tìm hiểu Luật Thực hiện dân chủ ở cơ sở',
    lead: ['justice'], coordinate: ['culture', 'front', 'vague'],
  },
  {
    id: 'armyPolice', sec: 'II.1', at: { national: 1, province: 0.9, district: 0.6 }, deadline: { w: 3 }, kind: 'execution', from: ['armyPolice'],
    title: () => 'Ban hành văn bản quy định việc thực hiện dân chủ trong nội bộ các cơ quan của Quân đội nhân dân, Công an nhân dân',
    implement: ['army', 'police'], details: () => 'theo quy định của Bộ Quốc phòng và Bộ Công an.',
  },
  {
    id: 'decree', sec: 'II.2', at: { national: 1 }, deadline: { w: 0 }, kind: 'completion', cascade: 'none',
    title: () => 'Xây dựng Nghị định quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
    lead: ['home'], coordinate: ['front', 'union', 'office', 'justice', 'labour'],
  },
  {
    id: 'hamlet', sec: 'II.2', at: { national: 1 }, deadline: { w: 0 }, kind: 'completion', cascade: 'none',
    title: () => 'Xây dựng Nghị định quy định về xây dựng và thực hiện hương ước, quy ước',
    lead: ['culture'], coordinate: ['home', 'justice', 'front'],
  },
  {
    id: 'circular', sec: 'II.2', at: { national: 1 }, deadline: { w: 1 }, kind: 'completion', cascade: 'none',
    title: () => 'Xây dựng Thông tư hướng dẫn chi tiết thi hành Luật Thực hiện dân chủ ở cơ sở',
    lead: ['home'], coordinate: ['justice'],
  },
  {
    id: 'resolution', sec: 'II.2', at: ALL(), deadline: { w: 2 }, kind: 'execution', from: ['resolution'],
    title: (c) => c.unit.level === 'national'
      ? 'Hướng dẫn Hội đồng nhân dân các cấp ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở'
      : `Trình ${nm('council', c)} ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn`,
    lead: ['home'],
    duties: [{ owner: 'lowerExec', does: () => 'tham mưu trình Hội đồng nhân dân cùng cấp quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn.' }],
  },
  {
    id: 'quyche', sec: 'II.2', at: ALL(), deadline: { w: 2 }, kind: 'completion', from: ['quyche'],
    title: () => 'Ban hành Quy chế thực hiện dân chủ ở cơ sở',
    implement: ['depts', 'lowerExec'],
    details: () => 'xây dựng, ban hành Quy chế thực hiện dân chủ ở cơ sở của cơ quan, đơn vị, địa phương mình.',
  },
  {
    id: 'huongUoc', sec: 'II.2', at: { province: 0.8, district: 0.8, commune: 0.9 }, deadline: { w: 5 }, kind: 'completion', from: ['huongUoc'],
    title: () => 'Hướng dẫn rà soát, sửa đổi, bổ sung hương ước, quy ước của thôn, tổ dân phố phù hợp với Luật',
    lead: ['culture'], coordinate: ['justice', 'front'],
  },
  {
    id: 'workplace', sec: 'II.2', at: { national: 1, province: 0.8, district: 0.7 }, deadline: { w: 5 }, kind: 'execution', from: ['workplace'],
    title: () => 'Hướng dẫn thực hiện dân chủ ở cơ sở tại doanh nghiệp và tổ chức có thuê mướn, sử dụng lao động theo hợp đồng lao động',
    lead: ['labour'], coordinate: ['union', 'vague'],
  },
  {
    id: 'review', sec: 'II', at: { national: 1, province: 1, district: 1, commune: 0.7 }, deadline: { w: 2 }, kind: 'completion', from: ['review'],
    title: (c) => c.style.brief
      ? 'Tổ chức rà soát các văn bản quy phạm pháp luật hiện hành liên quan đến thực hiện dân chủ ở cơ sở'
      : 'Tổ chức rà soát các văn bản quy phạm pháp luật hiện hành liên quan đến thực hiện dân chủ ở cơ sở; đề xuất sửa đổi, bổ sung, thay thế, bãi bỏ những quy định không còn phù hợp',
    lead: ['justice'], coordinate: ['home', 'depts'],
    details: (c) => `báo cáo kết quả rà soát về ${nm('home', c)} để tổng hợp.`,
  },
  {
    id: 'monitor', sec: 'II', at: ALL(), deadline: 'per', kind: 'execution', from: ['monitor'],
    title: () => 'Tổ chức theo dõi, kiểm tra và báo cáo kết quả thi hành Luật',
    lead: ['home'], coordinate: ['front', 'union', 'justice'],
  },
  {
    id: 'inspect', sec: 'II', at: { national: 1, province: 0.8, district: 0.8, commune: 0.9 }, deadline: { w: 5 }, kind: 'execution', from: ['inspect'],
    title: () => 'Kiểm tra việc triển khai thực hiện Luật tại các cơ quan, đơn vị, địa phương',
    lead: ['home'], coordinate: ['justice'],
  },
  {
    id: 'sum1', sec: 'II', at: ALL(), deadline: { w: 5 }, kind: 'execution', from: ['sum1'],
    title: () => 'Sơ kết 01 năm triển khai thi hành Luật Thực hiện dân chủ ở cơ sở',
    lead: ['home'], coordinate: ['depts', 'vague'],
  },
  {
    id: 'publicity', sec: 'II', at: { district: 0.8, commune: 0.9 }, deadline: 'cont', kind: 'execution', from: ['publicity'],
    title: () => 'Công khai thông tin, tổ chức để Nhân dân bàn, quyết định và tham gia ý kiến',
    implement: ['lowerExec'],
  },
  {
    id: 'meeting', sec: 'II', at: { commune: 0.9 }, deadline: 'per', kind: 'execution',
    title: () => 'Tổ chức hội nghị thôn, tổ dân phố để Nhân dân bàn và quyết định trực tiếp',
    implement: ['exec'], coordinate: ['front'],
  },
  {
    id: 'feedback', sec: 'II', at: { district: 0.6, commune: 0.8 }, deadline: 'cont', kind: 'execution', from: ['feedback'],
    title: () => 'Tiếp nhận, xử lý phản ánh, kiến nghị của Nhân dân về thực hiện dân chủ ở cơ sở',
    implement: ['office'],
  },
  {
    id: 'board', sec: 'II', at: { district: 0.5, commune: 0.8 }, deadline: { w: 3 }, kind: 'execution', request: true,
    title: (c) => `Đề nghị ${nm('front', c)} kiện toàn Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng`,
    implement: ['front'],
  },
  {
    id: 'model', sec: 'II', at: { province: 0.4, district: 0.4, commune: 0.4 }, deadline: { w: 6 }, kind: 'execution',
    title: (c) => `Xây dựng mô hình điểm về thực hiện dân chủ ở cơ sở trên địa bàn ${placeOf(c)}`,
    lead: ['home'], coordinate: ['front', 'culture'],
  },
  {
    id: 'award', sec: 'II', at: { national: 1, province: 0.5, district: 0.5, commune: 0.5 }, deadline: 'per', kind: 'execution', from: ['award'],
    title: () => 'Khen thưởng tập thể, cá nhân có thành tích tiêu biểu trong thực hiện dân chủ ở cơ sở',
    lead: ['home'], coordinate: ['front'],
  },
  {
    id: 'yearPlan', sec: 'II.1', at: { district: 0.5, commune: 0.5 }, deadline: { w: 3 }, kind: 'completion',
    title: () => 'Xây dựng kế hoạch tuyên truyền, phổ biến Luật năm tiếp theo',
    lead: ['home'],
  },
  {
    id: 'selfcheck', sec: 'II', at: { district: 0.5, commune: 0.6 }, deadline: 'per', kind: 'execution',
    title: () => 'Tự kiểm tra việc thực hiện dân chủ ở cơ sở',
    lead: ['home'],
  },
];
