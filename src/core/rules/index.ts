/** The explicit list of rules: id = file name (kebab-case). Order here is not output order. */
import type { Rule } from '../check/types.js';
import { cannotCheck } from './cannot-check.js';
import { duplicateTaskNumber } from './duplicate-task-number.js';
import { emptyPlan } from './empty-plan.js';
import { invalidWaiver } from './invalid-waiver.js';
import { invisibleKey } from './invisible-key.js';
import { implausibleDate } from './implausible-date.js';
import { issuedBeforeParent } from './issued-before-parent.js';
import { lateDeadline } from './late-deadline.js';
import { misassignedAgency } from './misassigned-agency.js';
import { missingTask } from './missing-task.js';
import { noParent } from './no-parent.js';
import { orderToIndependentBody } from './order-to-independent-body.js';
import { reportingChain } from './reporting-chain.js';
import { suspectLink } from './suspect-link.js';
import { uncertainMatch } from './uncertain-match.js';
import { unknownAgency } from './unknown-agency.js';
import { unreadableDeadline } from './unreadable-deadline.js';
import { weakenedDeadline } from './weakened-deadline.js';
import { wrongLevelAgency } from './wrong-level-agency.js';

export const RULES: readonly Rule[] = [
  missingTask,
  lateDeadline,
  weakenedDeadline,
  misassignedAgency,
  wrongLevelAgency,
  orderToIndependentBody,
  reportingChain,
  duplicateTaskNumber,
  unreadableDeadline,
  unknownAgency,
  uncertainMatch,
  cannotCheck,
  suspectLink,
  issuedBeforeParent,
  implausibleDate,
  invalidWaiver,
  noParent,
  emptyPlan,
  invisibleKey,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
