/**
 * Documents cited in the preamble ("Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của
 * UBND tỉnh Thanh Hóa về việc …", "Căn cứ Luật …, Nghị định số 59/2023/NĐ-CP …").
 */
import { foldKey } from '../domain/canonical.js';

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
  const flat = fullText.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(/Luật\s+([\p{L}\p{M} ]+?)(?:\s+năm\s+\d{4})?\s+số\s+(\d+\/\d{4}\/QH\d+)/gu)) {
    out.set(foldKey(m[1]!), m[2]!);
  }
  return out;
}

/** Where one citation ends: a sentence stop, or the next cited document (", Nghị định …", " và Kế hoạch …"). */
const CITATION_END = /[;.](\s|$)|(?:,|\s+và)\s*(?=(?:Nghị định|Quyết định|Kế hoạch|Thông tư|Luật|Nghị quyết|Chỉ thị|Công văn|Chương trình|Hướng dẫn)\s)/u;
const BY = /^\s*(?:ngày\s+[\d/ ]+|ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4})?\s*của\s+(.+?)(?=\s+(?:về việc|về|ban hành|quy định|Quy định)\s|,|$)/iu;
const SUBJECT = /\s(?:về việc|về|ban hành|quy định|Quy định)\s+(.+)$/u;

/** The part of a citation after the document's name and number: its date, issuer and subject. */
function citationTail(body: string, from: number): { rest: string; fields: Pick<CitedDoc, 'issued' | 'by' | 'subject' | 'issuesPlan'> } {
  const tail = body.slice(from);
  const stop = tail.search(CITATION_END);
  const rest = stop >= 0 ? tail.slice(0, stop) : tail;
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
    },
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
    const found: { at: number; doc: CitedDoc }[] = [];
    for (const m of body.matchAll(DOC)) {
      const kind = KINDS.find(([re]) => re.test(m[1]!))?.[1] ?? 'other';
      const tail = citationTail(body, m.index + m[0].length);
      found.push({ at: m.index, doc: { kind, text: (m[0] + tail.rest).trim(), number: m[3]!.replace(/\s+/g, ''), ...tail.fields, via } });
    }
    // A plan cited without a number: "Thực hiện Kế hoạch [ngày D] của UBND tỉnh Thái Nguyên về việc …".
    for (const m of body.matchAll(/(?<![\p{L}])Kế hoạch(?=\s+(?:ngày\s|của\s))/gu)) {
      if (found.some((f) => m.index >= f.at && m.index < f.at + f.doc.text.length)) continue;
      const tail = citationTail(body, m.index + m[0].length);
      if (!tail.fields.by) continue;
      found.push({ at: m.index, doc: { kind: 'plan', text: (m[0] + tail.rest).trim(), ...tail.fields, via } });
    }
    // A plan cited by its subject first: "Thực hiện Kế hoạch triển khai thi hành Luật … của Ủy ban nhân dân tỉnh, …".
    for (const m of body.matchAll(/(?<![\p{L}])Kế hoạch\s+(?!số\s|ngày\s|của\s)(\p{Ll}[^;]{4,200}?)\s+của\s+((?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)[^,;.]*)/gu)) {
      if (found.some((f) => m.index >= f.at && m.index < f.at + f.doc.text.length)) continue;
      found.push({ at: m.index, doc: { kind: 'plan', text: m[0].trim(), by: m[2]!.trim(), subject: m[1]!.trim(), via } });
    }
    // A law cited by name: "Luật Thực hiện dân chủ ở cơ sở năm 2022" (its number may be stated elsewhere).
    for (const m of body.matchAll(/(?<![\p{L}])Luật\s+(\p{Lu}[\p{L}\p{M} ]+?)(?:\s+số\s+(\d+\/\d{4}\/QH\d+))?(?:\s+năm\s+(\d{4}))?(?=[,;.]|\s+(?:ngày|và|của)\s|$)/gu)) {
      if (found.some((f) => m.index > f.at && m.index < f.at + f.doc.text.length)) continue;
      const name = m[1]!.trim();
      const number = m[2] ?? laws.get(foldKey(name));
      found.push({
        at: m.index,
        doc: { kind: 'law', text: m[0].trim(), ...(number ? { number } : {}), ...(m[3] ? { issued: m[3] } : {}), subject: `Luật ${name}`, via },
      });
    }
    out.push(...found.sort((a, b) => a.at - b.at).map((f) => f.doc));
  }
  return out;
}
