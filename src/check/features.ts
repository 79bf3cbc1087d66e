/**
 * Title features for automatic matching: canonical syllables with the domain's boilerplate
 * phrases cut out (longest first), plus the bigrams inside each remaining run, so that
 * "hội nghị", "tập huấn", "quy chế" weigh as phrases.
 */
import { tokens } from '../text/canonical.js';

export interface Boilerplate {
  /** Phrases as token sequences, longest first. */
  phrases: string[][];
}

export function compileBoilerplate(phrases: readonly string[]): Boilerplate {
  return { phrases: phrases.map(tokens).filter((p) => p.length).sort((a, b) => b.length - a.length) };
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
