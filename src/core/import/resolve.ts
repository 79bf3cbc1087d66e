/**
 * Which known plan a "Thực hiện …" sentence cites. By number (and date, and issuer when
 * numbers collide: every province has a 172/KH-UBND); where the citation has no number, by
 * issuer and subject. Anything else is reported, never guessed.
 */
import type { Said } from '../load/errors.js';
import type { BasedOn, Citation, Plan } from '../model/plan.js';
import { foldKey, tokens } from '../domain/canonical.js';
import type { CitedDoc } from './refs.js';
import { levelOfIssuer } from '../domain/agencies.js';
import { provinceOfDistrict } from '../domain/districts.js';

export type ParentHow =
  | 'explicit'
  | 'number-and-date'
  | 'number'
  | 'issuer-and-subject'
  | 'ambiguous'
  | 'unresolved'
  | 'legal-bases-only'
  | 'none';

export interface ParentResolution {
  how: ParentHow;
  cited?: string;
  /** The cited number, when the plan was found by issuer and subject and has no number to confirm it. */
  unconfirmedNumber?: string;
  /** The citation's issuer as read, when the text left its name out ("của UBND tỉnh" → "… tỉnh Thái Nguyên"). */
  impliedIssuer?: string;
  id?: string;
  candidates?: string[];
}

const numKey = (n: string): string => foldKey(n).replace(/\s+/g, '').replace(/đ/g, 'd');
const datesAgree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/** "UBND tỉnh Thanh Hóa" and "Ủy ban nhân dân tỉnh Thanh Hóa" are one issuer. */
export function issuerKey(s: string): string {
  return foldKey(s)
    .replace(/^(của\s+)/u, '')
    // "Chủ tịch UBND tỉnh X" signs for the UBND: the same issuer.
    .replace(/^chủ tịch\s+/u, '')
    .replace(/\bubnd\b/gu, 'ủy ban nhân dân')
    .replace(/\bhđnd\b/gu, 'hội đồng nhân dân')
    .replace(/\s+/g, ' ')
    .trim();
}

function byIssuer(doc: CitedDoc, p: Plan): boolean {
  if (!doc.by) return false;
  const by = issuerKey(doc.by);
  if (p.issuer && issuerKey(p.issuer) === by) return true;
  const j = p.jurisdiction ? foldKey(p.jurisdiction.split(',')[0]!) : '';
  return j !== '' && by.endsWith(` ${j}`) && /ủy ban nhân dân|thủ tướng/u.test(by);
}

const BOILER = new Set(['về', 'việc', 'kế', 'hoạch', 'ban', 'hành', 'của', 'các', 'và', 'trên', 'địa', 'bàn']);

/** Share of the candidate's title words that the citation's subject repeats. */
function subjectOverlap(subject: string, title: string): number {
  const want = new Set(tokens(subject).filter((w) => !BOILER.has(w)));
  const have = tokens(title).filter((w) => !BOILER.has(w));
  if (!have.length) return 0;
  return have.filter((w) => want.has(w)).length / have.length;
}

export function resolveCited(doc: CitedDoc, known: readonly Plan[]): ParentResolution {
  const cited = doc.text;
  if (doc.number) {
    let cands = known.filter((p) => p.number && numKey(p.number) === numKey(doc.number!));
    let how: ParentHow = 'number';
    if (doc.issued && cands.some((p) => p.issued)) {
      const dated = cands.filter((p) => p.issued && datesAgree(p.issued, doc.issued!));
      if (dated.length) {
        cands = dated;
        how = 'number-and-date';
      }
    }
    if (cands.length > 1 && doc.by) cands = cands.filter((p) => byIssuer(doc, p));
    if (cands.length === 1) return { how, cited, id: cands[0]!.id };
    if (cands.length > 1) return { how: 'ambiguous', cited, candidates: cands.map((p) => p.id).sort() };
  }
  // No number in the citation, or a number the corpus does not know: issuer and subject.
  // A known plan with another number is another plan, whatever its issuer.
  const same = known.filter((p) => byIssuer(doc, p) && !(doc.number && p.number));
  const scored = same
    .map((p) => ({ id: p.id, score: doc.subject ? subjectOverlap(doc.subject, p.title) : 1 }))
    .filter((s) => s.score >= 0.6)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  if (scored.length === 1 || (scored.length > 1 && scored[0]!.score - scored[1]!.score >= 0.2)) {
    return { how: 'issuer-and-subject', cited, id: scored[0]!.id, ...(doc.number ? { unconfirmedNumber: doc.number } : {}) };
  }
  if (scored.length > 1) return { how: 'ambiguous', cited, candidates: scored.map((s) => s.id) };
  return { how: 'unresolved', cited };
}

const UNNAMED_ISSUER = /^(?:chủ tịch\s+)?(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân)\s+(tỉnh|thành phố|huyện|quận|thị xã)$/u;

/**
 * "của UBND tỉnh" (or "thành phố"), with no name. In a district's plan it is the issuer's own
 * province, which the district gazetteer knows (rules/districts.yaml: "quận Ninh Kiều" is in Cần
 * Thơ), when that province is of the unit named ("thành phố" is a centrally-run city). Failing
 * that, the province the document names elsewhere ("… trên địa bàn huyện Đại Từ, tỉnh Thái
 * Nguyên"), if a known plan's jurisdiction carries it and the document names exactly one such.
 * Else the citation keeps its unnamed issuer, matches no plan and is recorded (never guessed).
 */
export function impliedIssuer(
  by: string,
  fullText: string,
  known: readonly Plan[],
  ownIssuer?: string,
  /** The folded text (foldKey, single spaces), when the caller keeps it: it is folded once per document, not per citation. */
  folded: () => string = () => foldKey(fullText).replace(/\s+/g, ' '),
): { by: string; from?: 'issuer' | 'text' } {
  const m = UNNAMED_ISSUER.exec(foldKey(by).replace(/\s+/g, ' ').trim());
  if (!m) return { by };
  const unit = m[1]!;
  const own = ownIssuer ? provinceOfDistrict(ownIssuer) : null;
  if (own && (unit === 'tỉnh' || unit === 'thành phố') && levelOfIssuer(`Ủy ban nhân dân ${unit} ${own}`) === 'province') {
    return { by: `${by} ${own}`, from: 'issuer' };
  }
  const text = folded();
  const names = new Set<string>();
  for (const p of known) {
    const name = p.jurisdiction?.split(',')[0]?.trim();
    if (name && text.includes(`${unit} ${foldKey(name)}`)) names.add(name);
  }
  return names.size === 1 ? { by: `${by} ${[...names][0]}`, from: 'text' } : { by };
}

export interface BasedOnResult {
  basedOn: BasedOn[];
  /** Cited plans that no known plan matched (the plan's `cites`). */
  cites: Citation[];
  /** Citations that basedOn cannot hold, for the plan's note. */
  notes: string[];
  parent: ParentResolution;
  parentPlan?: Plan;
}

/**
 * The cited documents → basedOn: resolved parent plan ids, legal bases by number, an unknown
 * decision as a legal reference. What cannot be resolved or held is a warning and a note.
 * `parentId` (--parent) replaces whatever parent the text names; legal bases stay.
 */
export function resolveBasedOn(
  cited: readonly CitedDoc[],
  known: readonly Plan[],
  parentId: string | undefined,
  at: number,
  warnings: { line: number; message: string; said: Said }[],
  fullText = '',
  ownIssuer?: string,
): BasedOnResult {
  const basedOn: BasedOn[] = [];
  const parentIds = new Set<string>();
  let foldedText: string | undefined;
  const folded = (): string => (foldedText ??= foldKey(fullText).replace(/\s+/g, ' '));
  const cites: Citation[] = [];
  const notes: string[] = [];
  let parent: ParentResolution = { how: 'none' };
  let parentPlan: Plan | undefined;
  if (parentId) {
    parent = { how: 'explicit', id: parentId };
    basedOn.push(parentId);
    parentIds.add(parentId);
    parentPlan = known.find((p) => p.id === parentId);
  }
  for (const doc of cited) {
    if (doc.kind === 'law') {
      if (doc.number) basedOn.push({ law: doc.number });
      else warnings.push({ line: at, message: `law cited without its number: "${doc.text}"`, said: { key: 'import.law-no-number', vars: { text: doc.text } } });
      continue;
    }
    if (doc.kind === 'decree' && doc.number) basedOn.push({ decree: doc.number });
    if (doc.kind === 'circular' && doc.number) basedOn.push({ circular: doc.number });
    if (doc.kind === 'resolution' || doc.kind === 'other') {
      // A Nghị quyết, Chỉ thị, Công văn … is neither a plan nor a basis kind the model holds.
      notes.push(`Cites "${doc.text}", which basedOn cannot hold (not a plan, law, decree, decision or circular).`);
      warnings.push({ line: at, message: `cites "${doc.text}": kept as a note, not in basedOn`, said: { key: 'import.cites-note', vars: { text: doc.text } } });
      continue;
    }
    if ((doc.kind !== 'plan' && doc.kind !== 'decision') || parentId) continue;
    const implied = doc.by ? impliedIssuer(doc.by, fullText, known, ownIssuer, folded) : undefined;
    const named = implied ? { ...doc, by: implied.by } : doc;
    const found = resolveCited(named, known);
    const r = found.id && implied?.from ? { ...found, impliedIssuer: implied.by } : found;
    if (r.id) {
      if (!parentIds.has(r.id)) {
        basedOn.push(r.id);
        parentIds.add(r.id);
      }
      if (parent.how === 'none' || parent.how === 'unresolved') {
        parent = r;
        parentPlan = known.find((p) => p.id === r.id);
      }
      continue;
    }
    // A decision that issues no plan is a legal basis; one that issues a plan is a parent citation.
    if (doc.kind === 'decision' && doc.number && !doc.issuesPlan) {
      basedOn.push({ decision: doc.number });
      continue;
    }
    notes.push(`Cites "${doc.text}", which is not among the known plans.`);
    cites.push({ text: doc.text, ...(doc.number ? { number: doc.number } : {}), ...(doc.issued ? { issued: doc.issued } : {}), ...(doc.by ? { by: doc.by } : {}) });
    if (parent.how === 'none') parent = r;
    const why = r.how === 'ambiguous' ? `matches several known plans (${r.candidates?.join(', ')})` : 'matches no known plan';
    warnings.push({
      line: at,
      message: `parent "${doc.text}" ${why}: set it with --parent <id>`,
      said: r.how === 'ambiguous' ? { key: 'import.parent-ambiguous', vars: { text: doc.text, candidates: r.candidates?.join(', ') ?? '' } } : { key: 'import.parent-unknown', vars: { text: doc.text } },
    });
  }
  if (parent.how === 'none' && basedOn.length) parent = { how: 'legal-bases-only' };
  if (parent.how === 'none') warnings.push({ line: at, message: 'no "Thực hiện …" or "Căn cứ …" sentence names a parent plan or legal basis', said: { key: 'import.no-parent-sentence' } });
  return { basedOn, cites, notes, parent, ...(parentPlan ? { parentPlan } : {}) };
}
