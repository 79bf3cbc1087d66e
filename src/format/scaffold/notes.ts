/**
 * The words of a scaffolded draft's remarks and of the reasons a unit cannot be scaffolded
 * (rules/messages.yaml `scaffold.note.*`, `scaffold.problem.*`): shared by `kehoach scaffold`
 * and the workspace page's draft download. Moved here from src/cli/commands/scaffold.ts.
 */
import type { NoteKind } from '../../core/scaffold/draft.js';
import { UNIT_KINDS, type UnitProblem } from '../../core/scaffold/unit.js';
import { term, type Lang } from '../messages.js';
import { rt, type TermKey } from '../terms.js';

/** The words of each remark (rules/messages.yaml `scaffold.note.*`). */
const NOTE_TERMS: Record<NoteKind, TermKey> = {
  optional: 'scaffold.note.optional',
  mirrored: 'scaffold.note.mirrored',
  standing: 'scaffold.note.standing',
  'agencies-unknown': 'scaffold.note.agencies-unknown',
  'owner-unknown': 'scaffold.note.owner-unknown',
  'no-counterpart': 'scaffold.note.no-counterpart',
  ambiguous: 'scaffold.note.ambiguous',
  'unknown-agency': 'scaffold.note.unknown-agency',
  request: 'scaffold.note.request',
  'moved-to-coordinate': 'scaffold.note.moved-to-coordinate',
  'duty-dropped': 'scaffold.note.duty-dropped',
  'deadline-cut': 'scaffold.note.deadline-cut',
  'deadline-unknown': 'scaffold.note.deadline-unknown',
  'deadline-silent': 'scaffold.note.deadline-silent',
  'deadline-unreadable': 'scaffold.note.deadline-unreadable',
  'report-earlier': 'scaffold.note.report-earlier',
  'report-kept': 'scaffold.note.report-kept',
  partial: 'scaffold.note.partial',
  reconstructed: 'scaffold.note.reconstructed',
  fulfilled: 'scaffold.note.fulfilled',
};

const PROBLEM_TERMS: Record<UnitProblem['kind'], TermKey> = {
  'empty-unit': 'scaffold.problem.empty-unit',
  'level-not-below': 'scaffold.problem.level-not-below',
  'no-level-below': 'scaffold.problem.no-level-below',
  'unit-kind': 'scaffold.problem.unit-kind',
  'unit-level': 'scaffold.problem.unit-level',
  'other-province': 'scaffold.problem.other-province',
  'not-a-department': 'scaffold.problem.not-a-department',
};

/** Why the unit cannot have a draft of this parent, in the reader's language. */
export function scaffoldProblemText(p: UnitProblem, lang: Lang): string {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === 'kind') continue;
    vars[k] = Array.isArray(v) ? v.join(', ') : v === null ? '—' : ['level', 'parentLevel', 'actual'].includes(k) ? term(String(v), lang) : String(v);
  }
  if (p.kind === 'unit-kind') vars['kind'] = UNIT_KINDS[p.level as keyof typeof UNIT_KINDS]?.[0] ?? '';
  return rt(PROBLEM_TERMS[p.kind], lang, vars);
}

/** The note writer withNotes takes: each remark in the reader's language. */
export const scaffoldNoteText = (lang: Lang) => (kind: NoteKind, vars: Record<string, string | number>): string =>
  rt(NOTE_TERMS[kind], lang, kind === 'mirrored' ? { ...vars, level: term(String(vars['level']), lang) } : vars);
