/**
 * Documents cited in the preamble ("Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của
 * UBND tỉnh Thanh Hóa về việc …", "Căn cứ Luật …, Nghị định số 59/2023/NĐ-CP …").
 */
import { foldKey } from '../domain/canonical.js';
import { pushAll } from './scan.js';

export type DocKind = 'plan' | 'decision' | 'law' | 'decree' | 'circular' | 'resolution' | 'other';

export interface CitedDoc {
  kind: DocKind;
  /** As written: "Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa". */
  text: string;
  number?: string;
  /** YYYY-MM-DD or YYYY. */
  issued?: string;
  /** "UBND tỉnh Thanh Hóa", "Thủ tướng Chính phủ". */
  by?: string;
  /** What the document is about ("về việc …", "ban hành Kế hoạch …", a law's name). */
  subject?: string;
  /** A Quyết định that issues a plan ("… ban hành Kế hoạch …"): a parent citation, not a legal basis. */
  issuesPlan?: boolean;
  /** "Thực hiện" (the parent plan) or "Căn cứ" (a basis). */
  via: 'thuc-hien' | 'can-cu';
  /** The citation ran on past MAX_CITATION characters without a stop: `text` ends there. */
  cut?: true;
}

const KINDS: [RegExp, DocKind][] = [
  [/^Kế hoạch$/u, 'plan'],
  [/^Quyết định$/u, 'decision'],
  [/^Nghị định$/u, 'decree'],
  [/^Thông tư$/u, 'circular'],
  [/^Nghị quyết$/u, 'resolution'],
];

const pad2 = (n: string): string => n.padStart(2, '0');

function dateOf(s: string): string | undefined {
  let m = /ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(s);
  if (m) return `${m[3]}-${pad2(m[2]!)}-${pad2(m[1]!)}`;
  m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(s);
  if (m) return `${m[3]}-${pad2(m[2]!)}-${pad2(m[1]!)}`;
  return undefined;
}

const DOC = /(Kế hoạch|Quyết định|Nghị định|Thông tư|Nghị quyết|Chỉ thị|Công văn|Chương trình|Hướng dẫn)(\s+số)?\s+(\d{1,6}\s*\/\s*[\p{L}\d/]+(?:\s*-\s*[\p{Lu}\d][\p{L}\d]*)*)/gu;

/** Law numbers stated anywhere in the text, by the law's name: "Luật … số 10/2022/QH15". */
export function lawNumbers(fullText: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fullText.includes('Luật')) return out;
  const flat = fullText.replace(/\s+/g, ' ');
  // A law's name is read up to 500 characters: an unbounded lazy run was read to the end of the
  // text from every "Luật" in it (quadratic).
  for (const m of flat.matchAll(/Luật\s+([\p{L}\p{M} ]{1,500}?)(?:\s+năm\s+\d{4})?\s+số\s+(\d+\/\d{4}\/QH\d+)/gu)) {
    out.set(foldKey(m[1]!), m[2]!);
  }
  return out;
}

/** Where one citation ends: a sentence stop, or the next cited document (", Nghị định …", " và Kế hoạch …"). */
const CITATION_END = /[;.](\s|$)|(?:,|\s+và)\s*(?=(?:Nghị định|Quyết định|Kế hoạch|Thông tư|Luật|Nghị quyết|Chỉ thị|Công văn|Chương trình|Hướng dẫn)\s)/u;
const BY = /^\s*(?:ngày\s+[\d/ ]+|ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4})?\s*của\s+(.+?)(?=\s+(?:về việc|về|ban hành|quy định|Quy định)\s|,|$)/iu;
const SUBJECT = /\s(?:về việc|về|ban hành|quy định|Quy định)\s+(.+)$/u;

/**
 * A citation is read up to MAX_CITATION characters: without a stop, each citation ran to the end
 * of the text, and a text citing thousands of documents without one grew quadratically.
 */
export const MAX_CITATION = 1000;

/** At most `max` characters of `s` from `from`, a surrogate pair never cut. */
function upTo(s: string, from: number, max: number): string {
  const end = Math.min(s.length, from + max);
  const c = s.charCodeAt(end - 1);
  return s.slice(from, end < s.length && c >= 0xd800 && c <= 0xdbff ? end - 1 : end);
}

/** The part of a citation after the document's name and number: its date, issuer and subject. */
function citationTail(body: string, from: number): { rest: string; fields: Pick<CitedDoc, 'issued' | 'by' | 'subject' | 'issuesPlan' | 'cut'> } {
  // The end is looked for a little past the longest citation: a stop's look-ahead reads a few words.
  const tail = upTo(body, from, MAX_CITATION + 64);
  const stop = tail.search(CITATION_END);
  const cut = !(stop >= 0 && stop <= MAX_CITATION) && tail.length > MAX_CITATION;
  const rest = stop >= 0 && stop <= MAX_CITATION ? tail.slice(0, stop) : upTo(tail, 0, MAX_CITATION);
  const by = BY.exec(rest);
  const subj = SUBJECT.exec(rest);
  const issued = dateOf(rest.slice(0, 40));
  return {
    rest,
    fields: {
      ...(issued ? { issued } : {}),
      ...(by ? { by: by[1]!.trim() } : {}),
      ...(subj ? { subject: subj[1]!.trim() } : {}),
      // "Quyết định … ban hành Kế hoạch …": the decision issues a plan, which is the parent.
      ...(/\bban hành\s+(?:kèm theo\s+)?Kế hoạch\b/u.test(rest) ? { issuesPlan: true } : {}),
      ...(cut ? { cut: true as const } : {}),
    },
  };
}

interface Found {
  at: number;
  doc: CitedDoc;
}

/**
 * Whether a position falls inside a citation already found, for positions met in increasing
 * order (a regular expression's matches): the citations are swept once, not searched again at
 * each match. `strict`: a citation starting at the position itself does not count.
 */
function coverage(found: readonly Found[], strict: boolean): { inside(x: number): boolean; add(f: Found): void } {
  const sorted = [...found].sort((a, b) => a.at - b.at);
  let next = 0;
  let end = -Infinity;
  const reach = (f: Found): void => {
    end = Math.max(end, f.at + f.doc.text.length);
  };
  return {
    inside: (x) => {
      while (next < sorted.length && (strict ? sorted[next]!.at < x : sorted[next]!.at <= x)) reach(sorted[next++]!);
      return end > x;
    },
    add: reach,
  };
}

/** The documents the preamble cites, in order. */
export function citedDocs(preamble: string, fullText: string): CitedDoc[] {
  const out: CitedDoc[] = [];
  const laws = lawNumbers(fullText);
  // Each "Thực hiện …" / "Căn cứ …" sentence, up to the issuer's own "… ban hành Kế hoạch".
  // ("Luật Thực hiện dân chủ …" is a name, not the start of a sentence.)
  const sentences = preamble.split(/(?=Căn cứ\s|Thực hiện\s+(?:Quyết định|Kế hoạch|Nghị quyết|Nghị định|Chỉ thị|Công văn|Chương trình|Hướng dẫn|Thông tư|Luật)\b)/u);
  for (const sentence of sentences) {
    const via = /^Căn cứ/u.test(sentence) ? 'can-cu' : /^Thực hiện/u.test(sentence) ? 'thuc-hien' : null;
    if (!via) continue;
    // The issuer's own "…, <issuer> ban hành Kế hoạch …" (the last such clause) is not a citation.
    const body = sentence.replace(/^([\s\S]*)(?:,|\.\s)\s*(?:(?!\.\s)[^,])*?\bban hành Kế hoạch[\s\S]*$/u, '$1');
    const found: Found[] = [];
    for (const m of body.matchAll(DOC)) {
      const kind = KINDS.find(([re]) => re.test(m[1]!))?.[1] ?? 'other';
      const tail = citationTail(body, m.index + m[0].length);
      found.push({ at: m.index, doc: { kind, text: (m[0] + tail.rest).trim(), number: m[3]!.replace(/\s+/g, ''), ...tail.fields, via } });
    }
    // A plan cited without a number: "Thực hiện Kế hoạch [ngày D] của UBND tỉnh Thái Nguyên về việc …".
    let seen = coverage(found, false);
    for (const m of body.matchAll(/(?<![\p{L}])Kế hoạch(?=\s+(?:ngày\s|của\s))/gu)) {
      if (seen.inside(m.index)) continue;
      const tail = citationTail(body, m.index + m[0].length);
      if (!tail.fields.by) continue;
      const f: Found = { at: m.index, doc: { kind: 'plan', text: (m[0] + tail.rest).trim(), ...tail.fields, via } };
      found.push(f);
      seen.add(f);
    }
    // A plan cited by its subject first: "Thực hiện Kế hoạch triển khai thi hành Luật … của Ủy ban nhân dân tỉnh, …".
    seen = coverage(found, false);
    for (const m of body.matchAll(/(?<![\p{L}])Kế hoạch\s+(?!số\s|ngày\s|của\s)(\p{Ll}[^;]{4,200}?)\s+của\s+((?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)[^,;.]*)/gu)) {
      if (seen.inside(m.index)) continue;
      const f: Found = { at: m.index, doc: { kind: 'plan', text: m[0].trim(), by: m[2]!.trim(), subject: m[1]!.trim(), via } };
      found.push(f);
      seen.add(f);
    }
    // A law cited by name: "Luật Thực hiện dân chủ ở cơ sở năm 2022" (its number may be stated
    // elsewhere); its name read up to 500 characters, as in lawNumbers.
    seen = coverage(found, true);
    for (const m of body.matchAll(/(?<![\p{L}])Luật\s+(\p{Lu}[\p{L}\p{M} ]{1,500}?)(?:\s+số\s+(\d+\/\d{4}\/QH\d+))?(?:\s+năm\s+(\d{4}))?(?=[,;.]|\s+(?:ngày|và|của)\s|$)/gu)) {
      if (seen.inside(m.index)) continue;
      const name = m[1]!.trim();
      const number = m[2] ?? laws.get(foldKey(name));
      const f: Found = {
        at: m.index,
        doc: { kind: 'law', text: m[0].trim(), ...(number ? { number } : {}), ...(m[3] ? { issued: m[3] } : {}), subject: `Luật ${name}`, via },
      };
      found.push(f);
      seen.add(f);
    }
    pushAll(out, found.sort((a, b) => a.at - b.at).map((f) => f.doc));
  }
  return out;
}
