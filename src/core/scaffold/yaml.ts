/**
 * The draft as YAML: fields in the model's order, lists in block style (agency names contain
 * commas), a blank line between tasks, no folding. What the draft cannot know (its number and
 * issue date) is a commented placeholder line, never a value.
 */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Plan, Task } from '../model/plan.js';

const PLAN_ORDER: (keyof Plan)[] = ['id', 'number', 'title', 'issuer', 'level', 'jurisdiction', 'place', 'issued', 'basedOn', 'cites', 'source', 'completeness', 'note', 'tasks', 'waivers'];
// The order `kehoach import` writes a task's fields in.
const TASK_ORDER: (keyof Task)[] = [
  'key', 'label', 'title', 'lead', 'implement', 'coordinate', 'request', 'duties', 'form', 'details', 'deadline', 'deadlineKind', 'implements', 'cascade', 'attestedBy', 'note',
];

function ordered<T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k as string] = o[k];
  return out;
}

export interface DraftYamlWords {
  /** Comment lines at the top of the file. */
  header: readonly string[];
  /** Commented placeholder lines written before `level` (the number and the issue date the draft leaves to the drafter). */
  placeholders: readonly string[];
}

export function draftYaml(plan: Plan, words: DraftYamlWords): string {
  const doc = new Document({ ...ordered(plan, PLAN_ORDER), tasks: plan.tasks.map((t) => ordered(t, TASK_ORDER)) });
  if (isMap(doc.contents)) {
    const level = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'level');
    if (level && isScalar(level.key) && words.placeholders.length) level.key.commentBefore = words.placeholders.map((l) => ` ${l}`).join('\n');
    const tasks = doc.contents.get('tasks', true);
    if (isSeq(tasks)) tasks.items.forEach((node, i) => i > 0 && isMap(node) && (node.spaceBefore = true));
  }
  const head = words.header.map((l) => `# ${l}`).join('\n');
  return `${head ? `${head}\n` : ''}${doc.toString({ lineWidth: 0, minContentWidth: 0 })}`;
}
