/**
 * The check: for every plan its one-plan rules, for every parent → child edge its pair
 * rules; then severities from config, messages, positions, order and summary. Pure: takes
 * a loaded corpus, returns a report.
 */
import type { Finding, PlanRef, Report, RuleInfo, Severity } from '../model/finding.js';
import { labelOf, parentIds } from '../model/plan.js';
import type { Corpus } from '../load/corpus.js';
import type { LoadedPlan } from '../load/parse-plan.js';
import { ancestorsOf, cmp } from '../graph/derivation.js';
import { taskPos } from '../load/positions.js';
import { RULES } from '../rules/index.js';
import { resolveAgency } from '../domain/agencies.js';
import { compareDeadlines } from '../domain/deadline-compare.js';
import { addressingMap } from './addressing.js';
import { analysePlan, earliestDeadline, issuedDay, planDates } from './analyse.js';
import type { CheckConfig } from './config.js';
import { compileBoilerplate } from './features.js';
import { matchTasks } from './match.js';
import type { PairContext, PlanAnalysis, RawFinding, Rule } from './types.js';
import { markWaived } from './waivers.js';

export interface CheckOptions {
  /** Check only these plans (as plans and as children of their parents); all when absent. */
  only?: ReadonlySet<string>;
  /** ISO date waivers' expiry is judged on. */
  today: string;
}

export const planName = (lp: LoadedPlan): string => (lp.plan.number ? `${lp.plan.number} (${lp.plan.id})` : lp.plan.id);

/** Analyses every plan once, parents first so a child can take its parent's date. */
export function analyseCorpus(corpus: Corpus, cfg: CheckConfig, ids: readonly string[] = corpus.order): Map<string, PlanAnalysis> {
  const bp = compileBoilerplate(cfg.matching);
  const dates = planDates(ids, (id) => {
    const lp = corpus.plans.get(id)!;
    return { parents: parentIds(lp.plan), issued: issuedDay(lp), earliest: earliestDeadline(lp) };
  });
  return new Map(ids.map((id) => [id, analysePlan(corpus.plans.get(id)!, bp, dates.get(id) ?? null)]));
}

export function pairContext(parentLp: LoadedPlan, childLp: LoadedPlan, parent: PlanAnalysis, child: PlanAnalysis, cfg: CheckConfig): PairContext {
  const { matches, uncertain, links } = matchTasks(parent, child, childLp, cfg.matching);
  const issuer = childLp.plan.issuer ? resolveAgency(childLp.plan.issuer, { level: child.level, on: child.on, jurisdiction: child.jurisdiction }) : null;
  const deadlines = new Map(
    matches.map((m) => [`${m.parentTask}\u0000${m.childTask}`, compareDeadlines(parent.byKey.get(m.parentTask)!.deadline, child.byKey.get(m.childTask)!.deadline)]),
  );
  return { parent, child, parentPlan: parentLp, childPlan: childLp, matches, uncertain, links, addressing: addressingMap(parent, child, issuer), deadlines };
}

/**
 * Where each key is in a plan's task list (the first task of a key, as a scan finds it), made when
 * first asked: a plan of 10,000 tasks with thousands of findings is not scanned once per finding.
 */
type KeyIndex = (key: string) => number;
function keyIndex(lp: LoadedPlan | null): KeyIndex {
  let at: Map<string, number> | undefined;
  return (key) => {
    if (!lp) return -1;
    if (!at) {
      const m = (at = new Map());
      lp.plan.tasks.forEach((t, i) => {
        if (!m.has(t.key)) m.set(t.key, i);
      });
    }
    return at.get(key) ?? -1;
  };
}

/** A task's printed numbering in its plan, or its key when the plan does not hold it. */
function printedLabel(lp: LoadedPlan | null, key: string | null, at: KeyIndex): string | null {
  if (key === null) return null;
  const i = at(key);
  return i >= 0 ? labelOf(lp!.plan.tasks[i]!) : key;
}

/** The plans a report names: every plan read, `checked` when among those checked (all without `only`). */
export function planRefs(corpus: Corpus, only?: ReadonlySet<string> | null): PlanRef[] {
  return corpus.order.map((id) => {
    const p = corpus.plans.get(id)!.plan;
    return { id, number: p.number ?? null, title: p.title, issuer: p.issuer ?? null, parents: parentIds(p), checked: !only || only.has(id) };
  });
}

function finish(rule: Rule, raw: RawFinding, lp: LoadedPlan, parentLp: LoadedPlan | null, cfg: CheckConfig, at: KeyIndex, parentAt: KeyIndex): Finding | null {
  const override = cfg.severity[rule.id];
  if (override === 'off') return null;
  const severity: Severity = override ?? raw.severity;
  const taskIndex = raw.task === null ? -1 : at(raw.task);
  const pos = raw.at || (taskIndex >= 0 ? taskPos(lp.positions, taskIndex, raw.field) : null) || (raw.field && lp.positions.fields[raw.field]) || lp.positions.at;
  return {
    rule: rule.id,
    severity,
    plan: lp.plan.id,
    parent: parentLp?.plan.id ?? null,
    task: raw.task,
    parentTask: raw.parentTask,
    labels: {
      plan: planName(lp),
      parent: parentLp ? planName(parentLp) : null,
      task: taskIndex >= 0 ? labelOf(lp.plan.tasks[taskIndex]!) : raw.task,
      parentTask: printedLabel(parentLp, raw.parentTask, parentAt),
    },
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
      cmp(s(a.task), s(b.task)) || (a.line ?? 0) - (b.line ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(JSON.stringify(a.data), JSON.stringify(b.data)),
  );
}

const PLAN_RULES = RULES.filter((r): r is Extract<Rule, { scope: 'plan' }> => r.scope === 'plan');
const PAIR_RULES = RULES.filter((r): r is Extract<Rule, { scope: 'pair' }> => r.scope === 'pair');
const REPORT_RULES = RULES.filter((r): r is Extract<Rule, { scope: 'report' }> => r.scope === 'report');
const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
const RULE_INFO: RuleInfo[] = [...RULES].sort((a, b) => cmp(a.id, b.id)).map((r) => ({ id: r.id, scope: r.scope, defaultSeverity: r.defaultSeverity, graded: r.graded }));

/** The one-plan rules of a plan, finished (severity, position, message). */
export function planFindings(lp: LoadedPlan, analysis: PlanAnalysis, cfg: CheckConfig): Finding[] {
  const out: Finding[] = [];
  const at = keyIndex(lp);
  const none = keyIndex(null);
  for (const rule of PLAN_RULES) {
    for (const raw of rule.check({ plan: analysis, loaded: lp })) {
      const f = finish(rule, raw, lp, null, cfg, at, none);
      if (f) out.push(f);
    }
  }
  return out;
}

/** The pair rules of one parent → child edge, and how many matched pairs could not be compared. */
export function edgeFindings(parentLp: LoadedPlan, childLp: LoadedPlan, parent: PlanAnalysis, child: PlanAnalysis, cfg: CheckConfig, keep?: (ctx: PairContext) => void): { findings: Finding[]; unchecked: number } {
  const ctx = pairContext(parentLp, childLp, parent, child, cfg);
  keep?.(ctx);
  let unchecked = 0;
  for (const d of ctx.deadlines.values()) if (d.verdict === 'unchecked') unchecked++;
  const findings: Finding[] = [];
  const replaced = new Set<string>();
  const at = keyIndex(childLp);
  const parentAt = keyIndex(parentLp);
  for (const rule of PAIR_RULES) {
    for (const raw of rule.check(ctx)) {
      const f = finish(rule, raw, childLp, parentLp, cfg, at, parentAt);
      if (!f) continue;
      findings.push(f);
      for (const other of rule.supersedes ?? []) replaced.add(`${other}\u0000${f.task}\u0000${f.parentTask}`);
    }
  }
  // One defect, one finding: a finding replaced by another rule's on the same pair of tasks goes.
  const kept = replaced.size ? findings.filter((f) => !replaced.has(`${f.rule}\u0000${f.task}\u0000${f.parentTask}`)) : findings;
  return { findings: kept, unchecked };
}

/**
 * From all findings to the report: waivers marked, the report rules (invalid-waiver) run on
 * the plans that hold waivers, sorted, counted. `loaded` gives the plan with waivers.
 */
export function assemble(findings: Finding[], uncheckedPairs: number, withWaivers: readonly LoadedPlan[], plans: PlanRef[], cfg: CheckConfig, today: string): Report {
  const waivers = new Map(withWaivers.map((lp) => [lp.plan.id, lp.plan.waivers ?? []]));
  markWaived(findings, (id) => waivers.get(id) ?? [], today);
  const byPlan = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPlan.get(f.plan);
    if (list) list.push(f);
    else byPlan.set(f.plan, [f]);
  }
  for (const lp of withWaivers) {
    const at = keyIndex(lp);
    for (const rule of REPORT_RULES) {
      for (const raw of rule.check({ loaded: lp, findings: byPlan.get(lp.plan.id) ?? [], today, ruleIds: RULE_IDS })) {
        const f = finish(rule, raw, lp, null, cfg, at, keyIndex(null));
        if (f) findings.push(f);
      }
    }
  }
  const all = sortFindings(findings);
  const summary = { error: 0, warning: 0, info: 0, waived: 0, unchecked: uncheckedPairs };
  for (const f of all) {
    if (f.waived) summary.waived++;
    else summary[f.severity]++;
    if (f.rule === 'cannot-check') summary.unchecked++;
  }
  return { version: 1, findings: all, summary, rules: RULE_INFO, plans };
}

export interface Checked {
  findings: Finding[];
  /** Matched pairs whose deadlines could not be compared. */
  unchecked: number;
  /** The checked plans that hold waivers (for assemble). */
  waivered: LoadedPlan[];
  /**
   * Each checked plan's share, in the order checked: how many of `findings` (its one-plan rules,
   * then the pair rules of each edge into it, in basedOn's order) and how many unchecked pairs.
   * What the incremental cache keeps per plan (src/app/run/incremental.ts).
   */
  units: [id: string, findings: number, unchecked: number][];
}

/**
 * The check of some plans, parents first, each against the parents it names: the one loop that
 * the one-thread check and every worker of the parallel check run. `done` is told when a plan
 * is checked (a worker lets go of plans no later plan derives from).
 */
export function checkPlans(
  ids: readonly string[],
  plan: (id: string) => LoadedPlan,
  analysis: (id: string) => PlanAnalysis,
  cfg: CheckConfig,
  done?: (id: string) => void,
  keep?: (ctx: PairContext) => void,
): Checked {
  const out: Checked = { findings: [], unchecked: 0, waivered: [], units: [] };
  for (const id of ids) {
    const lp = plan(id);
    const from = out.findings.length;
    let unchecked = 0;
    out.findings.push(...planFindings(lp, analysis(id), cfg));
    for (const parentId of parentIds(lp.plan)) {
      const e = edgeFindings(plan(parentId), lp, analysis(parentId), analysis(id), cfg, keep);
      out.findings.push(...e.findings);
      unchecked += e.unchecked;
    }
    out.unchecked += unchecked;
    out.units.push([id, out.findings.length - from, unchecked]);
    if (lp.plan.waivers?.length) out.waivered.push(lp);
    done?.(id);
  }
  return out;
}

/** What reviews (diff, audit) build on: the report, and the analyses and matched pairs the check made. */
export interface Review {
  report: Report;
  analyses: Map<string, PlanAnalysis>;
  /** Each checked edge's pair context (matches, addressing, deadline comparisons), keyed by edgeKey. */
  contexts: Map<string, PairContext>;
}

export const edgeKey = (parent: string, child: string): string => `${parent}\u0000${child}`;

/** The check of some plans (opts.only) with what it computed on the way, kept for the reviews. */
export function checkForReview(corpus: Corpus, cfg: CheckConfig, opts: CheckOptions): Review {
  const contexts = new Map<string, PairContext>();
  const { report, analyses } = run(corpus, cfg, opts, (ctx) => contexts.set(edgeKey(ctx.parent.id, ctx.child.id), ctx));
  return { report, analyses, contexts };
}

/** The whole check in one thread: every plan (or those in opts.only) and every edge into them. */
export function checkCorpus(corpus: Corpus, cfg: CheckConfig, opts: CheckOptions): Report {
  return run(corpus, cfg, opts).report;
}

function run(corpus: Corpus, cfg: CheckConfig, opts: CheckOptions, keep?: (ctx: PairContext) => void): { report: Report; analyses: Map<string, PlanAnalysis> } {
  // Checking a few plans needs only them and their ancestors (parents to compare, dates to inherit).
  const needed = opts.only ? new Set([...opts.only].flatMap((id) => [id, ...ancestorsOf(corpus.graph, id)])) : null;
  const analyses = analyseCorpus(corpus, cfg, needed ? corpus.order.filter((id) => needed.has(id)) : corpus.order);
  const ids = opts.only ? corpus.order.filter((id) => opts.only!.has(id)) : corpus.order;
  const c = checkPlans(ids, (id) => corpus.plans.get(id)!, (id) => analyses.get(id)!, cfg, undefined, keep);
  return { report: assemble(c.findings, c.unchecked, c.waivered, planRefs(corpus, opts.only), cfg, opts.today), analyses };
}
