/**
 * Every deadline text the generator writes, each with the dates it means, so the generator can
 * keep a child within its parent (or break that on purpose) without asking the parser. The forms
 * are the seeds' and domain.md's: quarters (Roman, lower-case, Arabic "Quý 3/2023"), joined
 * quarters, months, years, "trước ngày dd/mm/yyyy", open-ended "… và các năm tiếp theo",
 * continuous, periodic, yearly due days. tests/bench checks each against src/core/domain/deadline.ts.
 */
import { iso, lastDay, pad2 } from './dates.js';

export type DOpt =
  | { cls: 'window'; text: string; end: string; weight: number }
  | { cls: 'open'; text: string; fromStart: string; fromEnd: string; weight: number }
  | { cls: 'continuous'; text: string; weight: number }
  | { cls: 'periodic'; text: string; weight: number }
  /** yearly due day: `due` indexes DUE_DAYS (0 = latest in the year) */
  | { cls: 'yearly'; text: string; due: number; weight: number }
  | { cls: 'unreadable'; text: string; weight: number };

const R = ['', 'I', 'II', 'III', 'IV'] as const;

function windowsOfYear(y: number): DOpt[] {
  const out: DOpt[] = [];
  const w = (text: string, m: number, d: number, weight: number): void => {
    out.push({ cls: 'window', text, end: iso(y, m, d), weight });
  };
  for (let q = 1; q <= 4; q++) {
    const m = q * 3;
    const d = lastDay(y, m);
    w(`Quý ${R[q]} năm ${y}`, m, d, 3);
    w(`quý ${R[q]} năm ${y}`, m, d, 0.4);
    w(`Quý ${q}/${y}`, m, d, 0.4);
    w(`Đến hết Quý ${R[q]} năm ${y}`, m, d, 0.2);
    if (q > 1) {
      w(`Quý ${R[q - 1]} và Quý ${R[q]} năm ${y}`, m, d, 1.5);
      w(`Quý ${R[q - 1]} và quý ${R[q]} năm ${y}`, m, d, 0.6);
      w(`Quý ${R[q - 1]}, ${R[q]} năm ${y}`, m, d, 0.4);
      w(`Quý ${R[q - 1]} hoặc quý ${R[q]} năm ${y}`, m, d, 0.4);
    }
  }
  for (let m = 1; m <= 12; m++) {
    const d = lastDay(y, m);
    w(`Tháng ${m} năm ${y}`, m, d, 1.2);
    w(`tháng ${m}/${y}`, m, d, 0.2);
    w(`dự kiến trong tháng ${m} năm ${y}`, m, d, 0.15);
    w(`Chậm nhất ngày ${d}/${m}/${y}`, m, d, 0.2);
    w(`trước ngày 15/${m}/${y}`, m, 14, 0.25);
    if (m < 12) w(`trước ngày 01/${m + 1}/${y}`, m, d, 0.25);
    if (m < 12) w(`trước ngày 01/${m + 1}/${y} (nếu có)`, m, d, 0.05);
  }
  w(`6 tháng đầu năm ${y}`, 6, 30, 0.3);
  w(`6 tháng cuối năm ${y}`, 12, 31, 0.3);
  w(`Năm ${y}`, 12, 31, 1.5);
  w(`Trong năm ${y}`, 12, 31, 0.4);
  w(`Trong năm ${y} (sau khi có văn bản quy định, hướng dẫn của cấp trên)`, 12, 31, 0.3);
  for (let m = 6; m <= 10; m++) w(`Từ tháng ${m} năm ${y} đến hết năm ${y}`, 12, 31, 0.05);
  return out;
}

function opensOfYear(y: number): DOpt[] {
  const out: DOpt[] = [
    { cls: 'open', text: `Năm ${y} và các năm tiếp theo`, fromStart: iso(y, 1, 1), fromEnd: iso(y, 12, 31), weight: 2 },
    { cls: 'open', text: `Từ năm ${y} trở đi`, fromStart: iso(y, 1, 1), fromEnd: iso(y, 12, 31), weight: 0.3 },
  ];
  for (let q = 1; q <= 4; q++) {
    const [s, e] = [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
    out.push({ cls: 'open', text: `Từ Quý ${R[q]} năm ${y} và các năm tiếp theo`, fromStart: s, fromEnd: e, weight: 1 });
    out.push({ cls: 'open', text: `Quý ${R[q]} năm ${y} và những năm tiếp theo`, fromStart: s, fromEnd: e, weight: 0.6 });
  }
  return out;
}

const cache = new Map<number, { windows: DOpt[]; opens: DOpt[] }>();

/** Windows and open-ended texts for the years y … y+2 (memoised: the catalogue is shared). */
export function catalogue(y: number): { windows: DOpt[]; opens: DOpt[] } {
  let c = cache.get(y);
  if (!c) {
    c = { windows: [y, y + 1, y + 2].flatMap(windowsOfYear), opens: [y, y + 1, y + 2].flatMap(opensOfYear) };
    cache.set(y, c);
  }
  return c;
}

export const CONTINUOUS: DOpt[] = [
  { cls: 'continuous', text: 'Thường xuyên', weight: 5 },
  { cls: 'continuous', text: 'thường xuyên', weight: 1 },
  { cls: 'continuous', text: 'Thường xuyên, liên tục', weight: 0.5 },
  { cls: 'continuous', text: 'Liên tục', weight: 0.3 },
];

export const PERIODIC: DOpt[] = [
  { cls: 'periodic', text: 'Định kỳ và khi có yêu cầu', weight: 4 },
  { cls: 'periodic', text: 'Hằng năm', weight: 1 },
  { cls: 'periodic', text: 'Hàng quý và khi có yêu cầu', weight: 0.5 },
  { cls: 'periodic', text: 'Định kỳ hằng năm và đột xuất', weight: 0.3 },
];

/** Texts the parser must refuse (the `unreadable-deadline` defect), never guessed at. */
export const UNREADABLE = [
  'Sau khi Hội đồng nhân dân thông qua',
  'Ngay sau khi Kế hoạch được ban hành',
  'Kịp thời, theo tiến độ của cấp trên',
  'Tháng 13 năm 2023',
  'Quý V năm 2023',
];

/** Yearly reporting days, latest first: a child reports strictly earlier than its parent asks. */
export const DUE_DAYS: readonly (readonly [month: number, day: number])[] = [
  [12, 20], [12, 15], [12, 10], [12, 5], [12, 1], [11, 25], [11, 20], [11, 15], [11, 10], [11, 5], [11, 1],
  [10, 25], [10, 20], [10, 15], [10, 10], [10, 5], [10, 1], [9, 25], [9, 20], [9, 15], [9, 10], [9, 5], [9, 1],
];

/** The yearly text for due day `idx` in form `form` (0–3); form 3 adds the half-year report. */
export function yearlyText(idx: number, form: number): DOpt {
  const i = Math.max(0, Math.min(DUE_DAYS.length - 1, idx));
  const [m, d] = DUE_DAYS[i]!;
  const texts = [
    `Hằng năm, trước ngày ${pad2(d)}/${m} hoặc đột xuất`,
    `Hàng năm, trước ngày ${pad2(d)} tháng ${m}`,
    `Hằng năm, trước ngày ${pad2(d)} tháng ${m} hoặc đột xuất`,
    `báo cáo 6 tháng gửi trước ngày ${pad2(d)} tháng ${m - 6}, báo cáo năm gửi trước ngày ${pad2(d)} tháng ${m}`,
  ];
  return { cls: 'yearly', text: texts[form % texts.length]!, due: i, weight: 1 };
}
