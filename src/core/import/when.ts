/**
 * Deadlines written inside a sentence rather than in a "Thời gian …:" field, as the
 * organisation sections do: "Hằng năm, trước ngày 01/11 hoặc đột xuất, báo cáo …",
 * "báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11",
 * "… trước ngày 15/11/2023 (nếu có)". The phrase is returned as written, qualifiers kept.
 */

const DAY = String.raw`\d{1,2}(?:\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)`;
const BEFORE = new RegExp(String.raw`(?:trước|chậm nhất|không quá)\s+(?:ngày\s+)?${DAY}`, 'gu');
const YEARLY = /(?:Hằng|Hàng|hằng|hàng)\s+năm,?\s*$/u;
const REPORT = /báo cáo\s+[^,;.]{1,20}?\s+gửi\s+$/u;
const QUALIFIER = /^(\s+hoặc đột xuất|\s*\(nếu có\))+/u;

export function deadlineInText(text: string): string | undefined {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(BEFORE)) {
    let start = m.index;
    // Both phrases end where the deadline starts and are short: only the end of the text before it is
    // read (reading all of it at every deadline was quadratic in a long paragraph).
    const from = Math.max(0, start - 64);
    const before = text.slice(from, start);
    const y = YEARLY.exec(before) ?? REPORT.exec(before);
    if (y) start = from + y.index;
    let end = m.index + m[0].length;
    const q = QUALIFIER.exec(text.slice(end));
    if (q) end += q[0].length;
    spans.push({ start, end });
  }
  if (!spans.length) return undefined;
  // Consecutive phrases joined by a comma are one deadline (the half-year and the annual report).
  let { start, end } = spans[0]!;
  for (const s of spans.slice(1)) {
    if (/^,\s*$/u.test(text.slice(end, s.start))) end = s.end;
    else break;
  }
  return text.slice(start, end).trim();
}
