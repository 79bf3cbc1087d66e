/**
 * The audit's cell status, score and band (defined in docs/reports.md, "Score"). A cell shows
 * the worst of its row's marks. The score measures how faithfully a child carries its parent's
 * tasks: a done cell earns 1 point, each deviation (late, weakened, other agency) takes 0.5 off
 * when its finding is an error (a duty addressed to the child) and 0.25 when a warning (a task
 * the child mirrors of its own accord), a missing cell earns 0; cells that say nothing about the
 * child's diligence (a task not required and not carried, a deadline that cannot be compared)
 * are left out. The band is what the reader sees first, so it answers to the errors as well as
 * to the score: a missing addressed duty is "poor" whatever the score, any other error "fair" at
 * best (issue 17: three errors, one a missing task, scored 67 and showed amber).
 */
import type { Severity } from '../model/finding.js';
import type { Mark } from './types.js';
import type { CellStatus, ChildSummary } from './audit-types.js';
import { CELL_STATUSES } from './audit-types.js';

const STATUS_OF_MARK: Partial<Record<Mark, CellStatus>> = {
  missing: 'missing',
  later: 'late',
  weakened: 'weakened',
  'other-agency': 'other-agency',
  'cannot-compare': 'cannot-compare',
  'not-carried': 'not-carried',
  same: 'done',
};

export const DEVIATIONS: readonly Mark[] = ['later', 'weakened', 'other-agency'];
/** Points a deviation takes off a cell, by its finding's severity. */
export const DEVIATION_PENALTY: Record<Severity, number> = { error: 0.5, warning: 0.25, info: 0 };

/** Every status a row's marks amount to, worst first ("done" only when nothing else applies). */
export function cellStatuses(marks: readonly Mark[]): CellStatus[] {
  const statuses = new Set(marks.map((m) => STATUS_OF_MARK[m]).filter((s): s is CellStatus => s !== undefined));
  if (statuses.size > 1) statuses.delete('done');
  const out = CELL_STATUSES.filter((s) => statuses.has(s));
  return out.length ? out : ['done'];
}

/** The one status a cell is coloured by: the worst. */
export const cellStatus = (marks: readonly Mark[]): CellStatus => cellStatuses(marks)[0]!;

/** Points of one cell, or null when the cell is not scored; `deviations`: the severities of its deviations' active findings. */
export function cellPoints(status: CellStatus, deviations: readonly Severity[]): number | null {
  if (status === 'not-carried' || status === 'cannot-compare') return null;
  if (status === 'missing') return 0;
  return Math.max(0, 1 - deviations.reduce((p, s) => p + DEVIATION_PENALTY[s], 0));
}

export function score(cells: readonly { status: CellStatus; deviations: readonly Severity[] }[]): Pick<ChildSummary, 'scored' | 'points' | 'score'> {
  const pts = cells.map((c) => cellPoints(c.status, c.deviations)).filter((p): p is number => p !== null);
  const points = pts.reduce((a, b) => a + b, 0);
  return { scored: pts.length, points, score: pts.length ? Math.round((100 * points) / pts.length) : null };
}

export type Band = 'good' | 'fair' | 'poor';

/**
 * good (green): score 90 or more and no error; fair (amber): score 60 or more, or an error other
 * than a missing duty; poor (red): a missing addressed duty, or a score under 60. Null when
 * nothing was scored and nothing found.
 */
export function band(s: Pick<ChildSummary, 'score' | 'counts' | 'findings'>): Band | null {
  if (s.counts.missing > 0) return 'poor';
  if (s.score === null) return s.findings.error > 0 ? 'fair' : null;
  const byScore: Band = s.score >= 90 ? 'good' : s.score >= 60 ? 'fair' : 'poor';
  return byScore === 'good' && s.findings.error > 0 ? 'fair' : byScore;
}
