/**
 * The check: for every plan its one-plan rules, for every parent → child edge its pair
 * rules; then severities from config, messages, positions, order and summary. Pure: takes
 * a loaded corpus, returns a report.
 */
import type { Finding, Report, Severity } from '../model/finding.js';
import { parentIds } from '../model/plan.js';
import type { Corpus } from '../load/corpus.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { cmp } from '../graph/derivation.js';
import { RULES } from '../rules/index.js';
import { resolveAgency } from '../text/agencies.js';
import { compareDeadlines } from '../text/deadline-compare.js';
import { addressingMap } from './addressing.js';
import { analysePlan } from './analyse.js';
import type { CheckConfig } from './config.js';
import { compileBoilerplate } from './features.js';
import { matchTasks } from './match.js';
import { ruleMessage, type Lang } from './messages.js';
import type { PairContext, PlanAnalysis, RawFinding, Rule } from './types.js';
import { markWaived } from './waivers.js';

export interface CheckOptions {
  lang: Lang;
  /** Check only these plans (as plans and as children of their parents); all when absent. */
  only?: ReadonlySet<string>;
  /** ISO date waivers' expiry is judged on. */
  today: string;
}

export const planName = (lp: LoadedPlan): string => (lp.plan.number ? `${lp.plan.number} (${lp.plan.id})` : lp.plan.id);

/** Analyses every plan once, parents first so a child can take its parent's date. */
export function analyseCorpus(corpus: Corpus, cfg: CheckConfig, ids: readonly string[] = corpus.order): Map<string, PlanAnalysis> {
  const bp = compileBoilerplate(cfg.matching.boilerplate);
  const out = new Map<string, PlanAnalysis>();
  for (const id of ids) {
    const lp = corpus.plans.get(id)!;
    const parentOn = parentIds(lp.plan).map((p) => out.get(p)?.on).find((d): d is string => Boolean(d)) ?? null;
    out.set(id, analysePlan(lp, bp, parentOn));
  }
  return out;
}

export function pairContext(parentLp: LoadedPlan, childLp: LoadedPlan, parent: PlanAnalysis, child: PlanAnalysis, cfg: CheckConfig): PairContext {
  const { matches, uncertain, links } = matchTasks(parent, child, childLp, cfg.matching);
  const issuer = childLp.plan.issuer ? resolveAgency(childLp.plan.issuer, { level: child.level, on: child.on, jurisdiction: child.jurisdiction }) : null;
  const deadlines = new Map(
    matches.map((m) => [`${m.parentTask}\u0000${m.childTask}`, compareDeadlines(parent.byKey.get(m.parentTask)!.deadline, child.byKey.get(m.childTask)!.deadline)]),
  );
  return { parent, child, parentPlan: parentLp, childPlan: childLp, matches, uncertain, links, addressing: addressingMap(parent, child, issuer), deadlines };
}

function finish(rule: Rule, raw: RawFinding, lp: LoadedPlan, parentLp: LoadedPlan | null, cfg: CheckConfig, lang: Lang): Finding | null {
  const override = cfg.severity[rule.id];
  if (override === 'off') return null;
  const severity: Severity = override ?? raw.severity;
  const taskIndex = raw.task === null ? -1 : lp.plan.tasks.findIndex((t) => t.key === raw.task);
  const tp = taskIndex >= 0 ? lp.positions.tasks[taskIndex] : undefined;
  const pos = (raw.field && tp?.fields[raw.field]) || tp?.at || (raw.field && lp.positions.fields[raw.field]) || lp.positions.at;
  const vars = { ...raw.data, plan: planName(lp), parent: parentLp ? planName(parentLp) : null };
  return {
    rule: rule.id,
    severity,
    plan: lp.plan.id,
    parent: parentLp?.plan.id ?? null,
    task: raw.task,
    parentTask: raw.parentTask,
    message: ruleMessage(rule.id, vars, lang),
    file: lp.file,
    line: pos.line,
    column: pos.column,
    data: raw.data,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** checking.md: sorted by plan, parent, rule, parentTask, task (nulls first), then line. */
export function sortFindings(findings: Finding[]): Finding[] {
  const s = (v: string | null): string => v ?? '';
  return findings.sort(
    (a, b) =>
      cmp(a.plan, b.plan) || cmp(s(a.parent), s(b.parent)) || cmp(a.rule, b.rule) || cmp(s(a.parentTask), s(b.parentTask)) ||
      cmp(s(a.task), s(b.task)) || (a.line ?? 0) - (b.line ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.message, b.message),
  );
}

export function checkCorpus(corpus: Corpus, cfg: CheckConfig, opts: CheckOptions): Report {
  const analyses = analyseCorpus(corpus, cfg);
  const findings: Finding[] = [];
  let unchecked = 0;
  const planRules = RULES.filter((r) => r.scope === 'plan');
  const pairRules = RULES.filter((r) => r.scope === 'pair');
  for (const id of corpus.order) {
    if (opts.only && !opts.only.has(id)) continue;
    const lp = corpus.plans.get(id)!;
    const plan = analyses.get(id)!;
    for (const rule of planRules) {
      if (rule.scope !== 'plan') continue;
      for (const raw of rule.check({ plan, loaded: lp })) {
        const f = finish(rule, raw, lp, null, cfg, opts.lang);
        if (f) findings.push(f);
      }
    }
    for (const parentId of parentIds(lp.plan)) {
      const parentLp = corpus.plans.get(parentId)!;
      const ctx = pairContext(parentLp, lp, analyses.get(parentId)!, plan, cfg);
      unchecked += [...ctx.deadlines.values()].filter((d) => d.verdict === 'unchecked').length;
      for (const rule of pairRules) {
        if (rule.scope !== 'pair') continue;
        for (const raw of rule.check(ctx)) {
          const f = finish(rule, raw, lp, parentLp, cfg, opts.lang);
          if (f) findings.push(f);
        }
      }
    }
  }
  const waiversOf = (id: string) => corpus.plans.get(id)?.plan.waivers ?? [];
  markWaived(findings, waiversOf, opts.today);
  const ruleIds = new Set(RULES.map((r) => r.id));
  const byPlan = new Map<string, Finding[]>();
  for (const f of findings) byPlan.set(f.plan, [...(byPlan.get(f.plan) ?? []), f]);
  for (const rule of RULES) {
    if (rule.scope !== 'report') continue;
    for (const id of corpus.order) {
      if (opts.only && !opts.only.has(id)) continue;
      const lp = corpus.plans.get(id)!;
      if (!lp.plan.waivers?.length) continue;
      for (const raw of rule.check({ loaded: lp, findings: byPlan.get(id) ?? [], today: opts.today, ruleIds })) {
        const f = finish(rule, raw, lp, null, cfg, opts.lang);
        if (f) findings.push(f);
      }
    }
  }
  const all = sortFindings(findings);
  const active = all.filter((f) => !f.waived);
  const count = (s: Severity): number => active.filter((f) => f.severity === s).length;
  unchecked += all.filter((f) => f.rule === 'cannot-check').length;
  return { version: 1, findings: all, summary: { error: count('error'), warning: count('warning'), info: count('info'), waived: all.length - active.length, unchecked } };
}
