/**
 * Title features for automatic matching: canonical syllables with the domain's boilerplate
 * phrases cut out (longest first), plus the bigrams inside each remaining run, so that
 * "hội nghị", "tập huấn", "quy chế" weigh as phrases.
 */
import { tokens } from '../domain/canonical.js';
import type { MatchingConfig } from './config.js';

export interface Boilerplate {
  /** Phrases as token sequences, longest first. */
  phrases: string[][];
  /** Phrases that name the level a task is done at, as token sequences (rules/config.yaml levelWords). */
  levelWords: { level: 'province' | 'district' | 'commune'; words: string[] }[];
  /** Clauses asking for the child's own plan, as token sequences (fulfilledByPlan). */
  planMaking: string[][];
  /** Conditions that make a duty a standing instruction (standingConditions). */
  standing: string[][];
}

export function compileBoilerplate(m: Pick<MatchingConfig, 'boilerplate' | 'levelWords' | 'fulfilledByPlan' | 'standingConditions'>): Boilerplate {
  return {
    phrases: m.boilerplate.map(tokens).filter((p) => p.length).sort((a, b) => b.length - a.length),
    levelWords: (['province', 'district', 'commune'] as const).flatMap((level) => m.levelWords[level].map((w) => ({ level, words: tokens(w) }))),
    planMaking: m.fulfilledByPlan.map(tokens).filter((p) => p.length),
    standing: m.standingConditions.map(tokens).filter((p) => p.length),
  };
}

const containsRun = (toks: readonly string[], run: readonly string[]): boolean => {
  for (let i = 0; i + run.length <= toks.length; i++) if (run.every((t, k) => toks[i + k] === t)) return true;
  return false;
};

/** The one level a title names ("… tại quận, huyện" → district), or null when it names none or several. */
export function namedLevel(title: string, bp: Boilerplate): 'province' | 'district' | 'commune' | null {
  const toks = tokens(title);
  const levels = new Set(bp.levelWords.filter((w) => containsRun(toks, w.words)).map((w) => w.level));
  return levels.size === 1 ? [...levels][0]! : null;
}

/** The clauses of a title (parts between ";" or sentence stops), a leading owner ("UBND các huyện:") left out. */
const clausesOf = (title: string): string[] =>
  title
    .replace(/^[^:]{0,80}:\s*/u, '')
    .split(/;|\.(?:\s|$)/u)
    .filter((c) => tokens(c).length);

const asksForPlan = (clause: string, bp: Boilerplate): boolean => {
  const toks = tokens(clause);
  return bp.planMaking.some((p) => containsRun(toks, p));
};

/** Whether every clause of a title asks for the child's own plan ("Xây dựng Kế hoạch thực hiện Luật …"). */
export function onlyPlanMaking(title: string, bp: Boilerplate): boolean {
  const clauses = clausesOf(title);
  return bp.planMaking.length > 0 && clauses.length > 0 && clauses.every((c) => asksForPlan(c, bp));
}

/** Whether a duty is a standing instruction: its title states the condition it is owed on ("nếu có khó khăn, vướng mắc …"). */
export function standingInstruction(title: string, bp: Boilerplate): boolean {
  const toks = tokens(title);
  return bp.standing.some((p) => containsRun(toks, p));
}

/**
 * The title without its clauses that ask for the child's own plan: what a child task must match
 * to carry the rest ("…; chủ động bố trí kinh phí …", "… Hằng năm … báo cáo kết quả …"). The
 * whole title when no clause or every clause asks for a plan.
 */
export function residualTitle(title: string, bp: Boilerplate): string {
  const clauses = clausesOf(title);
  const rest = clauses.filter((c) => !asksForPlan(c, bp));
  return rest.length && rest.length < clauses.length ? rest.join('; ') : title;
}

/** Runs of tokens left after removing boilerplate phrases. */
export function contentRuns(text: string, bp: Boilerplate): string[][] {
  const toks = tokens(text);
  const runs: string[][] = [];
  let run: string[] = [];
  for (let i = 0; i < toks.length; ) {
    const hit = bp.phrases.find((p) => p.every((t, k) => toks[i + k] === t));
    if (hit) {
      if (run.length) runs.push(run);
      run = [];
      i += hit.length;
    } else run.push(toks[i++]!);
  }
  if (run.length) runs.push(run);
  return runs;
}

export function features(text: string, bp: Boilerplate): string[] {
  const out = new Set<string>();
  for (const run of contentRuns(text, bp)) {
    run.forEach((t, i) => {
      out.add(t);
      if (i + 1 < run.length) out.add(`${t} ${run[i + 1]}`);
    });
  }
  return [...out].sort();
}
