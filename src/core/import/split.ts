/**
 * Splitting a written list of agencies into names. The ontology-aware splitter lives in
 * src/core/domain/agencies.ts; the importer takes it as a parameter so that it can be tested
 * with either, and this simple fallback keeps it usable without the ontology.
 */
import { trimEndRun } from './scan.js';

export type AgencySplitter = (text: string) => string[];

// A comma or "và" is a list separator only when an agency name starts after it.
const NEXT_AGENCY =
  /^(Sở|Phòng|phòng|Ủy ban|Uỷ ban|UBND|HĐND|Đài|Báo|Trung tâm|Cổng|Liên đoàn|Ban|Bộ|Công an|Văn phòng|Thanh tra|Hội đồng|Thường trực|các|Các|doanh nghiệp|cơ quan|Cơ quan|đơn vị|người|công chức|đại diện)\s/u;

export const simpleSplit: AgencySplitter = (text) => {
  const out: string[] = [];
  for (const part of text.split(/\s*;\s*/u)) {
    let current = '';
    const pieces = part.split(/(,\s+|\s+và\s+)/u);
    for (let i = 0; i < pieces.length; i += 2) {
      const piece = pieces[i]!;
      const sep = pieces[i - 1];
      if (current && sep && NEXT_AGENCY.test(piece) && !/\($/u.test(current)) {
        out.push(current);
        current = piece;
      } else current = current ? current + (sep ?? ' ') + piece : piece;
    }
    if (current) out.push(current);
  }
  // The punctuation at both ends dropped, the end read from the end (an end-anchored expression is quadratic in a long run).
  return out.map((s) => trimEndRun(s.slice(/^[\s,;:]*/u.exec(s)![0].length), /^[\s,;:.]$/u)).filter((s) => s.length > 0);
};
