/**
 * Fingerprint of a parent task, stored in an explicit link by `kehoach link`, so that a
 * later change of the parent task (title, agencies, deadline) shows as a suspect link.
 */
import { createHash } from 'node:crypto';
import type { Task } from '../model/plan.js';
import { foldKey } from '../domain/canonical.js';

/** Worked out once per task: every child of a parent compares its links with the same tasks. */
const memo = new WeakMap<Task, string>();

export function taskFingerprint(task: Task): string {
  let fp = memo.get(task);
  if (fp === undefined) memo.set(task, (fp = computeFingerprint(task)));
  return fp;
}

function computeFingerprint(task: Task): string {
  const parts = [
    foldKey(task.title),
    ...[task.lead, task.implement, task.coordinate].map((list) => (list ?? []).map(foldKey).join('|')),
    foldKey(task.deadline ?? ''),
  ];
  return 'sha1:' + createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, 16);
}
