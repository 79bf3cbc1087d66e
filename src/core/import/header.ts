/**
 * The header of a plan: số hiệu, place and date, title, issuer, and the "Thực hiện …" /
 * "Căn cứ …" sentences that name its parent plan and legal bases. Only what the text states
 * is returned; a blank day ("ngày … tháng 11 năm 2023") gives a month-precise date.
 */
import { foldKey } from '../domain/canonical.js';
import type { RawLine } from './clean.js';
import { isAllCaps } from './markers.js';
import { trailingRunStart, trimEndRun } from './scan.js';

export interface Header {
  number?: string;
  place?: string;
  issued?: string;
  title?: string;
  titleLine?: number;
  /** The administrative unit of the issuing UBND ("tỉnh", "thị xã" …) and its name. */
  issuerUnit?: string;
  issuerName?: string;
  /** The issuer when it is not a UBND (the Prime Minister). */
  issuerOther?: string;
  /** A department under the UBND named in the issuer block ("Sở Nội vụ" under "UBND TỈNH THANH HÓA"). */
  department?: string;
  /** Where the issuer's name came from, for the summary. */
  issuerFrom?: string;
  /** The "Thực hiện …" / "Căn cứ …" sentences, joined. */
  preamble: string;
  preambleLine?: number;
}

export const UNITS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường'] as const;
const UNIT_RE = UNITS.join('|');
// A proper name: capitalised syllables ("Thái Nguyên", "Bỉm Sơn", "Hồ Chí Minh").
const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)*`;

const pad2 = (n: string): string => n.padStart(2, '0');

/** A document number as written, spaces removed: "172 /KH-UBND" → "172/KH-UBND". */
function findNumber(text: string): string | undefined {
  const m = /Số(?:\s*hiệu)?\s*(?::\s*)?(\d{1,6}\s*\/\s*[\p{Lu}\d]+(?:\s*-\s*[\p{Lu}\d]+)*)/u.exec(text);
  return m ? m[1]!.replace(/\s+/g, '') : undefined;
}

/**
 * "Thanh Hóa, ngày 26 tháng 6 năm 2023"; the day may be blank or dotted. Searched in the header
 * lines joined, so a date wrapped over two lines is found too; the place is the run of
 * capitalised words before the comma.
 */
function findPlaceDate(headText: string): { place?: string; issued?: string } {
  // The date is found first, then the place as the run of letters before its comma: a regular
  // expression starting with that run is tried at every letter of a long text, each time to its end.
  const date = /,\s*ngày(?:\s*(\d{1,2}))?[\s….]*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/gu;
  for (const m of headText.matchAll(date)) {
    const from = trailingRunStart(headText.slice(0, m.index), PLACE_CHAR);
    if (from === m.index) continue; // no letters before the comma
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    const words = headText.slice(from, m.index).trim().split(/\s+/);
    let k = words.length;
    while (k > 0 && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(words[k - 1]!)) k--;
    const place = words.slice(k).join(' ');
    const issued = m[1] ? `${m[3]}-${pad2(m[2]!)}-${pad2(m[1])}` : `${m[3]}-${pad2(m[2]!)}`;
    return { ...(place ? { place } : {}), issued };
  }
  // Metadata blocks of legal databases: "Ngày ban hành 26/06/2023".
  const m = /Ngày ban hành\s*(?::\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(headText);
  return m ? { issued: `${m[3]}-${pad2(m[2]!)}-${pad2(m[1]!)}` } : {};
}
const PLACE_CHAR = /^[\p{L}\p{M} ]$/u;

/** "TỈNH THANH HÓA" → "Thanh Hóa": place names are written with each syllable capitalised. */
export function titleCase(caps: string): string {
  return caps
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** Titles longer than this are not looked for in mixed case (a title is a sentence, not a page). */
const MAX_TITLE_WORDS = 300;
const STOP = /^[,.;:]$/;

/**
 * An all-capitals title recased from the same words written in mixed case elsewhere in the text:
 * the first run of as many words whose folded form (foldKey, trailing ",.;:" dropped) is the
 * title's and that is not itself in capitals. Words are folded once and compared one by one, so
 * that the search is linear in the text (it compared every window of the text whole).
 */
function recase(title: string, fullText: string): string {
  if (!isAllCaps(title)) return title;
  const n = title.split(/\s+/).length;
  if (n > MAX_TITLE_WORDS) return sentenceCase(title);
  const want = foldKey(title);
  const wantWords = want.split(' ');
  const words = fullText.replace(/\s+/g, ' ').split(' ');
  const keys = foldedWords(words);
  // The last word of a window is read without its trailing ",.;:", as the whole window is.
  const lastKey = (k: number): string => (/[,.;:]$/.test(words[k]!) ? foldKey(trimEndRun(words[k]!, STOP)) : keys[k]!);
  for (let i = 0; i + n <= words.length; i++) {
    // The folded words of the window, those folded to nothing left out, against the title's.
    let j = 0;
    let t = 0;
    for (; t < n; t++) {
      const key = t === n - 1 ? lastKey(i + t) : keys[i + t]!;
      if (key === '') continue;
      if (j === wantWords.length || key !== wantWords[j]) break;
      j++;
    }
    if (t < n || j !== wantWords.length) continue;
    const clean = trimEndRun(words.slice(i, i + n).join(' '), STOP);
    if (foldKey(clean) === want && !isAllCaps(clean)) return clean.charAt(0).toLocaleUpperCase('vi') + clean.slice(1);
  }
  return sentenceCase(title);
}

/**
 * foldKey of each word (words hold no spaces; the first and the last may be empty). The text is
 * folded at once when that gives one folded word per word, else word by word.
 */
function foldedWords(words: readonly string[]): string[] {
  const lead = words[0] === '' ? 1 : 0;
  const trail = words.length > 1 && words[words.length - 1] === '' ? 1 : 0;
  const folded = foldKey(words.join(' ')).split(' ');
  if (folded.length === words.length - lead - trail && folded[0] !== '') return words.map((_, i) => (i < lead || i >= words.length - trail ? '' : folded[i - lead]!));
  const memo = new Map<string, string>();
  return words.map((w) => {
    let f = memo.get(w);
    if (f === undefined) memo.set(w, (f = foldKey(w)));
    return f;
  });
}

function sentenceCase(caps: string): string {
  const lower = caps.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

const PREAMBLE_START = /^(Căn cứ\s|Thực hiện\s+(Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Công văn|Thông tư|Nghị định|Luật|Chương trình|Hướng dẫn|Văn bản|Thông báo)\b)/u;
// The document type line; a re-flowed copy may carry the title on the same line.
const DOC_TYPE = /^KẾ\s*HOẠCH(?:\s+(?=\p{Lu})|$)/u;

function findTitle(lines: readonly RawLine[], fullText: string): { title?: string; line?: number } {
  const at = lines.findIndex((l) => DOC_TYPE.test(l.text));
  if (at < 0) return {};
  const sameLine = lines[at]!.text.replace(DOC_TYPE, '').trim();
  const parts: string[] = sameLine ? [sameLine] : [];
  for (let i = at + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    // The line right under "KẾ HOẠCH" is the title even when it starts "Thực hiện Luật …" (a title
    // of that form is common); only a sentence that issues the plan or a "Căn cứ" is not.
    const first = i === at + 1 && !sameLine;
    if ((!first && PREAMBLE_START.test(t)) || /^Căn cứ\s/u.test(t) || /^[IVX]+\.\s/u.test(t) || /ban hành Kế hoạch/u.test(t)) break;
    if (parts.length && isAllCaps(parts[parts.length - 1]!) !== isAllCaps(t)) break;
    parts.push(t);
  }
  if (!parts.length) return {};
  const title = recase(parts.join(' ').replace(/\s+/g, ' ').trim(), fullText);
  return { title, line: sameLine ? lines[at]!.line : lines[at + 1]!.line };
}

/** The issuer block at the top ("ỦY BAN NHÂN DÂN" / "TỈNH THANH HÓA"), or the UBND named in the preamble. */
function findIssuer(lines: readonly RawLine[], preamble: string, title: string, fullText: string): Partial<Header> {
  const unitCaps = UNITS.map((u) => u.toUpperCase()).join('|');
  // A department's block names its UBND first, then itself: "UBND TỈNH THANH HÓA" / "SỞ NỘI VỤ".
  const dept = (j: number): Partial<Header> => {
    // Skipping the right-hand column's national motto, which a PDF may put in between.
    while (/^(CỘNG HÒA|CỘNG HOÀ|Độc lập)/u.test(lines[j]?.text ?? '')) j++;
    const t = lines[j]?.text ?? '';
    const m = /^(SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG)\s+\S/u.exec(t);
    if (!m || !isAllCaps(t)) return {};
    const written = recase(t, fullText);
    if (written !== sentenceCase(t)) return { department: written };
    // Not written out in the text: the name after the head word starts with a capital ("Sở Nội vụ").
    const words = written.split(' ');
    const at = m[1]!.split(' ').length;
    if (words[at]) words[at] = words[at]!.charAt(0).toLocaleUpperCase('vi') + words[at]!.slice(1);
    return { department: words.join(' ') };
  };
  // Made once, not at every line of the header (which may be the whole text).
  const oneLine = new RegExp(`^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s+(${unitCaps})\\s+(.+)$`, 'u');
  const unitLine = new RegExp(`^(${unitCaps})\\s+(.+)$`, 'u');
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (/^THỦ TƯỚNG CHÍNH PHỦ$/u.test(t)) return { issuerOther: 'Thủ tướng Chính phủ', issuerFrom: `line ${lines[i]!.line}` };
    const from = `line ${lines[i]!.line}`;
    const one = oneLine.exec(t);
    if (one) return { issuerUnit: one[1]!.toLowerCase(), issuerName: titleCase(one[2]!), issuerFrom: from, ...dept(i + 1) };
    if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(t)) {
      // The unit line follows, possibly after the right-hand column's motto (a two-column PDF header).
      for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
        const next = unitLine.exec(lines[j]!.text);
        if (next && isAllCaps(lines[j]!.text)) {
          return { issuerUnit: next[1]!.toLowerCase(), issuerName: titleCase(next[2]!), issuerFrom: from, ...dept(j + 1) };
        }
      }
    }
  }
  const said = new RegExp(`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\\s+(${UNIT_RE})(?:\\s+(${NAME}))?\\s+ban hành`, 'u').exec(preamble);
  if (!said) return {};
  const unit = said[1]!;
  if (said[2]) return { issuerUnit: unit, issuerName: said[2], issuerFrom: 'the preamble' };
  // "UBND tỉnh ban hành …": the name is in the title or the preamble ("trên địa bàn tỉnh Thái Nguyên"),
  // else the unit named most often in the text ("thành phố Cần Thơ").
  const named = new RegExp(`(?:^|\\s)${unit}\\s+(${NAME})`, 'gu');
  for (const [src, from] of [[title, 'the title'], [preamble, 'the preamble'], [fullText, 'the text']] as const) {
    const counts = new Map<string, number>();
    for (const m of src.matchAll(named)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) return { issuerUnit: unit, issuerName: best[0], issuerFrom: `${unit} ${best[0]} in ${from}` };
  }
  return { issuerUnit: unit, issuerFrom: 'the preamble (no name)' };
}

/**
 * Reads the header from the lines before the first Roman section. `preambleParas` are the
 * joined paragraphs of that region (line breaks already undone).
 */
export function readHeader(lines: readonly RawLine[], preambleParas: readonly { line: number; text: string }[], fullText: string): Header {
  const headText = lines.map((l) => l.text).join(' ');
  const number = findNumber(headText);
  const { title, line: titleLine } = findTitle(lines, fullText);
  // The title paragraph ("Thực hiện Luật … trên địa bàn huyện") is not the preamble, unless the
  // issuing sentence runs on in it ("… thị xã Bỉm Sơn UBND thị xã Bỉm Sơn ban hành Kế hoạch …").
  const pre = preambleParas.filter((p) => /ban hành Kế hoạch/u.test(p.text) || (p.line !== titleLine && PREAMBLE_START.test(p.text)));
  const preamble = pre.map((p) => p.text).join(' ');
  const issuer = findIssuer(lines, preamble, title ?? '', fullText);
  return {
    ...(number ? { number } : {}),
    ...findPlaceDate(headText),
    ...(title ? { title, titleLine: titleLine! } : {}),
    ...issuer,
    preamble,
    ...(pre[0] ? { preambleLine: pre[0].line } : {}),
  };
}
