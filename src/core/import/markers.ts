/**
 * The numbering and labels that give a plan its structure: Roman sections, `1.` items,
 * lettered sub-items (`a)` or `a.`, Vietnamese alphabet incl. đ), `-` and `+` bullets,
 * and the field labels of a task ("Cơ quan chủ trì: …").
 */

export type MarkerKind = 'roman' | 'num' | 'letter' | 'dash' | 'plus' | 'none';

export interface Marked {
  kind: MarkerKind;
  /** The number or letter as printed ("II", "3", "đ"); "" for bullets. */
  mark: string;
  /** The text after the marker. */
  rest: string;
}

/**
 * Letters used for sub-items: the Vietnamese alphabet (a, b, c, d, đ, e, g, …), and f, j, w, z
 * too, which Word's own list numbering prints (a, b, c, d, e, f, …) in Vietnamese documents.
 */
export const VI_LETTERS = 'abcdđefghijklmnopqrstuvwxyz';

const ROMAN = /([IVX]{1,5})\s*[.)]\s*(?=[\p{Lu}\d"“*(])/uy;
const NUM = /(\d{1,2})\s*[.)]\s*(?=[\p{Lu}"“(])/uy;
const LETTER = new RegExp(`([${VI_LETTERS}])\\s*[.)]\\s+(?=[\\p{Lu}"“(])`, 'uy');
const DASH = /[-–—•*]\s*/uy;
const PLUS = /\+\s*/uy;

/** The marker at `at` of `text`, other than a dash (the sticky expressions match there only). */
const NUMBERED = [[ROMAN, 'roman'], [NUM, 'num'], [LETTER, 'letter']] as const;
function markerAt(text: string, at: number): Marked | null {
  for (const [re, kind] of NUMBERED) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return { kind, mark: m[1]!, rest: text.slice(at + m[0].length).trim() };
  }
  PLUS.lastIndex = at;
  const m = PLUS.exec(text);
  return m ? { kind: 'plus', mark: '', rest: text.slice(at + m[0].length).trim() } : null;
}

/**
 * The marker a logical line starts with. A `- a)` (markdown list around a letter) is a letter,
 * and so is a `- - a)`: dashes are skipped in a loop (a line of a million dashes is one line).
 */
export function markerOf(text: string): Marked {
  let at = 0;
  let first = -1; // where the text after the first dash starts
  for (;;) {
    const own = markerAt(text, at);
    if (own) return first < 0 || own.kind === 'letter' || own.kind === 'plus' ? own : { kind: 'dash', mark: '', rest: text.slice(first).trim() };
    DASH.lastIndex = at;
    const m = DASH.exec(text);
    if (!m || text.length <= at + m[0].length) break;
    at += m[0].length;
    if (first < 0) first = at;
  }
  return first < 0 ? { kind: 'none', mark: '', rest: text } : { kind: 'dash', mark: '', rest: text.slice(first).trim() };
}

export type FieldName = 'lead' | 'implement' | 'coordinate' | 'form' | 'details' | 'deadline' | 'budget' | 'place' | 'product' | 'remark';

export interface Field {
  name: FieldName;
  /** For deadlines: "Thời gian thực hiện" (execution) or "Thời gian hoàn thành" (completion). */
  kind?: 'execution' | 'completion';
  label: string;
  value: string;
}

// Order matters: longer labels first ("Nội dung thực hiện" before "Nội dung").
const FIELDS: { re: RegExp; name: FieldName; kind?: 'execution' | 'completion' }[] = [
  { re: /^(cơ quan|đơn vị)\s+chủ\s+trì/iu, name: 'lead' },
  { re: /^(cơ quan|đơn vị)\s+(thực hiện|thực hiên|triển khai)/iu, name: 'implement' },
  { re: /^(cơ quan|đơn vị)\s+phối\s+hợp/iu, name: 'coordinate' },
  { re: /^chủ\s+trì\s+thực\s+hiện/iu, name: 'lead' },
  { re: /^phối\s+hợp\s+thực\s+hiện/iu, name: 'coordinate' },
  { re: /^hình\s+thức(\s+thực\s+hiện)?/iu, name: 'form' },
  { re: /^nội\s+dung(\s+thực\s+hiện)?/iu, name: 'details' },
  { re: /^(thời\s+gian|thời\s+hạn)\s+hoàn\s+thành/iu, name: 'deadline', kind: 'completion' },
  { re: /^(thời\s+gian|thời\s+hạn)\s+thực\s+hiện/iu, name: 'deadline', kind: 'execution' },
  { re: /^(thời\s+gian|thời\s+hạn|tiến\s+độ)/iu, name: 'deadline' },
  { re: /^kinh\s+phí(\s+thực\s+hiện)?/iu, name: 'budget' },
  { re: /^địa\s+điểm/iu, name: 'place' },
  // The "Sản phẩm" and "Ghi chú" columns of task tables (table.ts writes them as labels): kept in details.
  { re: /^sản\s+phẩm/iu, name: 'product' },
  { re: /^ghi\s+chú/iu, name: 'remark' },
];

/** "Cơ quan chủ trì: Sở Nội vụ." → a field; a label must be followed by a colon. */
export function fieldOf(text: string): Field | null {
  for (const f of FIELDS) {
    const m = f.re.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    const colon = /^\s*:\s*/.exec(after);
    if (!colon) continue;
    return {
      name: f.name,
      ...(f.kind ? { kind: f.kind } : {}),
      label: m[0],
      value: after.slice(colon[0].length).trim(),
    };
  }
  return null;
}

/** Closing formulas and the distribution list: the body of the plan ends there. */
export function isClosing(text: string): boolean {
  return /^(Trên đây là|Nơi nhận\s*:?|TM\.\s|KT\.\s|Q\.\s*CHỦ TỊCH|CHỦ TỊCH$)/u.test(text);
}

/** An all-capitals line ("KẾ HOẠCH", "ỦY BAN NHÂN DÂN"): a heading that ends its own paragraph. */
export function isAllCaps(text: string): boolean {
  if (LOWER.test(text)) return false;
  // Six letters at least; counted up to six, without collecting every letter of a long text.
  LETTER_G.lastIndex = 0;
  let letters = 0;
  while (letters < 6 && LETTER_G.exec(text)) letters++;
  return letters >= 6;
}
const LOWER = /\p{Ll}/u;
const LETTER_G = /\p{L}/gu;
