/**
 * The audit's cell status and score (defined in docs/reports.md, "Score"). A cell shows the
 * worst of its row's marks. The score measures how faithfully a child carries its parent's
 * tasks: a done cell earns 1 point, each deviation (late, weakened, other agency) takes 0.5
 * off, a missing cell earns 0; cells that say nothing about the child's diligence (a task
 * not required and not carried, a deadline that cannot be compared) are left out.
 */
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

const DEVIATIONS: readonly Mark[] = ['later', 'weakened', 'other-agency'];
export const DEVIATION_PENALTY = 0.5;

/** Every status a row's marks amount to, worst first ("done" only when nothing else applies). */
export function cellStatuses(marks: readonly Mark[]): CellStatus[] {
  const statuses = new Set(marks.map((m) => STATUS_OF_MARK[m]).filter((s): s is CellStatus => s !== undefined));
  if (statuses.size > 1) statuses.delete('done');
  const out = CELL_STATUSES.filter((s) => statuses.has(s));
  return out.length ? out : ['done'];
}

/** The one status a cell is coloured by: the worst. */
export const cellStatus = (marks: readonly Mark[]): CellStatus => cellStatuses(marks)[0]!;

/** Points of one cell, or null when the cell is not scored. */
export function cellPoints(status: CellStatus, marks: readonly Mark[]): number | null {
  if (status === 'not-carried' || status === 'cannot-compare') return null;
  if (status === 'missing') return 0;
  const deviations = marks.filter((m) => DEVIATIONS.includes(m)).length;
  return Math.max(0, 1 - DEVIATION_PENALTY * deviations);
}

export function score(cells: readonly { status: CellStatus; marks: readonly Mark[] }[]): Pick<ChildSummary, 'scored' | 'points' | 'score'> {
  const pts = cells.map((c) => cellPoints(c.status, c.marks)).filter((p): p is number => p !== null);
  const points = pts.reduce((a, b) => a + b, 0);
  return { scored: pts.length, points, score: pts.length ? Math.round((100 * points) / pts.length) : null };
}
