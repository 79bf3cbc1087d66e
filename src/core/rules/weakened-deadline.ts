/** weakened-deadline: the parent's deadline has a finite end and the child's has none (late wins over weakened). */
import type { PairRule } from '../check/types.js';
import { deadlineFindings } from './helpers.js';

export const weakenedDeadline: PairRule = {
  id: 'weakened-deadline',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  mark: 'weakened',
  check: (ctx) => deadlineFindings(ctx, 'weakened'),
};
