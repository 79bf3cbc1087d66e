/** late-deadline: the child's deadline for a matched task ends after the parent's (checking.md "Deadlines"). */
import type { PairRule } from '../check/types.js';
import { deadlineFindings } from './helpers.js';

export const lateDeadline: PairRule = {
  id: 'late-deadline',
  scope: 'pair',
  defaultSeverity: 'error',
  graded: true,
  check: (ctx) => deadlineFindings(ctx, 'late'),
};
