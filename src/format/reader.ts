/**
 * How the reports people read name things (issue 17): a plan by its document number
 * ("172/KH-UBND"), else by its issuer ("Kế hoạch của Ủy ban nhân dân thị xã Bỉm Sơn"), else by
 * its title — never by its id, which is the YAML's key and means nothing in a letter; a rule by
 * its name in the reader's language. JSON, SARIF and JUnit keep the ids (checking.md).
 */
import type { Report } from '../core/model/finding.js';
import { catalogue, term, type Lang } from './messages.js';

export type PlanNamer = (id: string) => string;

/** A plan's name for a reader: its number, else whose plan it is, else its title. */
export function readerName(p: { number: string | null; issuer: string | null; title: string }, lang: Lang): string {
  if (p.number) return p.number;
  if (p.issuer) return `${term('plan-of', lang)} ${p.issuer}`;
  return `«${p.title}»`;
}

type Named = { id: string; number: string | null; issuer: string | null; title: string };

/** Names plans (a report's, a review's) by id; an id not among them is shown as it is. */
export function planNamer(plans: readonly Named[], lang: Lang): PlanNamer {
  const byId = new Map(plans.map((p) => [p.id, p]));
  return (id) => {
    const p = byId.get(id);
    return p ? readerName(p, lang) : id;
  };
}

const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

/** A list of plans by id (the first of an id), built once per list: a report of 10,000 plans looks plans up, it does not scan. */
export function byIdOf<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  let byId = indexes.get(list) as Map<string, T> | undefined;
  if (!byId) {
    byId = new Map();
    for (const x of list) if (!byId.has(x.id)) byId.set(x.id, x);
    indexes.set(list, byId);
  }
  return byId;
}

/**
 * A plan's heading: its number and title (the title alone without a number). Looked up in an index
 * built once per report's plan list: a report of 10,000 plans asks once per group.
 */
export function planHeading(report: Pick<Report, 'plans'>, id: string): string {
  const p = byIdOf(report.plans).get(id);
  if (!p) return id;
  return p.number ? `${p.number} — ${p.title}` : p.title;
}

/** A rule's name in the reader's language ("Thiếu nhiệm vụ"); its id where the catalogue has none. */
export function ruleName(rule: string, lang: Lang): string {
  return catalogue().rules[rule]?.name?.[lang] ?? rule;
}
