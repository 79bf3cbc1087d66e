/**
 * A plan document's text of N paragraphs, for timing the importer (`npm run bench -- --import`)
 * and for the robustness tests: the header of a provincial plan (issuer block, number, place and
 * date, "KẾ HOẠCH", its title, the "Thực hiện …" sentence), then Roman sections of numbered
 * items and lettered tasks, each task with its fields ("- Cơ quan chủ trì: …", "- Thời gian
 * thực hiện: …") and a duty, wrapped over two lines as a PDF copy is, then the closing lines.
 * Deterministic (a seeded PRNG): the same N and seed give the same text. Task keys never repeat.
 */
import { Rng } from './prng.js';

/** Roman numerals the importer reads as section marks (I … XXXIX: at most five letters of I, V, X). */
const ROMANS: string[] = (() => {
  const out: string[] = [];
  const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  for (let n = 1; n < 40; n++) {
    const r = 'X'.repeat(Math.floor(n / 10)) + ones[n % 10];
    if (r.length <= 5) out.push(r);
  }
  return out;
})();
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

const AGENCIES = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Thông tin và Truyền thông', 'Công an tỉnh', 'Ban Dân tộc tỉnh', 'Văn phòng UBND tỉnh', 'UBND các huyện, thị xã, thành phố'];
const ACTS = ['Tổ chức tập huấn', 'Rà soát, đánh giá', 'Tuyên truyền, phổ biến', 'Kiểm tra, đôn đốc việc thực hiện', 'Xây dựng kế hoạch', 'Tổng hợp, báo cáo kết quả'];
const THINGS = ['Luật Thực hiện dân chủ ở cơ sở', 'các văn bản quy định chi tiết', 'quy chế dân chủ tại cơ quan, đơn vị', 'công tác cải cách hành chính', 'các nhiệm vụ được giao'];
const WHEN = ['Quý III năm 2024', 'Thường xuyên', 'Trước ngày 15/11/2024', 'Năm 2024 và các năm tiếp theo', 'Tháng 10 năm 2024'];

const HEADER = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH THANH HÓA',
  'Số: 123/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Thanh Hóa, ngày 15 tháng 7 năm 2024',
  'KẾ HOẠCH',
  'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa',
  'Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, UBND tỉnh ban hành Kế hoạch thực hiện như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các cơ quan, đơn vị.',
];
const CLOSING = ['Trên đây là Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh.', 'Nơi nhận:', '- Như trên;', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];

/** Paragraphs of one task (a lettered item): its title, two fields and a duty wrapped over two lines. */
const PER_TASK = 4;
/** Lettered tasks under a numbered item, numbered items in a section. */
const TASKS_PER_ITEM = 10;
const ITEMS_PER_SECTION = 40;

export interface PlanText {
  text: string;
  /** Paragraphs of the body (headings and tasks' paragraphs), header and closing left out. */
  paragraphs: number;
  tasks: number;
}

/** A plan's text with about `paragraphs` paragraphs in its body (at most ~ 15,000 tasks). */
export function planText(paragraphs: number, seed = 1): PlanText {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const lines: string[] = [...HEADER];
  let count = 0;
  let tasks = 0;
  let section = 1; // ROMANS[0] ("I") is the purpose section of the header
  while (count < paragraphs) {
    if (section >= ROMANS.length) throw new Error(`planText: ${paragraphs} paragraphs is more than ${ROMANS.length - 1} sections hold`);
    lines.push(`${ROMANS[section]}. NHIỆM VỤ CỤ THỂ`);
    count++;
    for (let item = 1; item <= ITEMS_PER_SECTION && count < paragraphs; item++) {
      lines.push(`${item}. ${pick(ACTS)} ${pick(THINGS)}`);
      count++;
      for (let t = 0; t < TASKS_PER_ITEM && count < paragraphs; t++) {
        const lead = pick(AGENCIES);
        lines.push(`${LETTERS[t]}) ${pick(ACTS)} ${pick(THINGS)} năm ${2024 + (t % 3)}`);
        lines.push(`- Cơ quan chủ trì: ${lead}.`);
        lines.push(`- Thời gian thực hiện: ${pick(WHEN)}.`);
        // A duty wrapped as a PDF copy wraps it: the second line continues the first.
        lines.push(`- ${lead} chủ trì, phối hợp với ${pick(AGENCIES)} ${pick(ACTS).toLowerCase()}`, `${pick(THINGS)} trên địa bàn tỉnh.`);
        count += PER_TASK;
        tasks++;
      }
    }
    section++;
  }
  lines.push(...CLOSING);
  return { text: `${lines.join('\n')}\n`, paragraphs: count, tasks };
}
