/**
 * The imported plan as YAML: fields in the model's order, lists in block style (agency
 * names contain commas), a blank line between tasks, no line folding, so the same plan
 * always gives the same bytes.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { Plan } from '../model/plan.js';
import { order } from './task.js';

const PLAN_ORDER: (keyof Plan)[] = [
  'id', 'number', 'title', 'issuer', 'level', 'jurisdiction', 'place', 'issued', 'basedOn', 'cites', 'source', 'completeness', 'note', 'tasks',
  'waivers',
];

export interface YamlOptions {
  /** The $schema reference for editors, relative to the written file. */
  schemaRef: string;
  /** Comment lines under the schema line (what was imported from where). */
  header: string[];
  /** Comments before tasks, by task key (headings that are not tasks themselves). */
  comments: Map<string, string>;
}

export function planYaml(plan: Plan, opts: YamlOptions): string {
  const ordered: Record<string, unknown> = {};
  for (const k of PLAN_ORDER) if (plan[k] !== undefined) ordered[k] = k === 'tasks' ? plan.tasks.map(order) : plan[k];
  const doc = new Document(ordered);
  const tasks = isMap(doc.contents) ? doc.contents.get('tasks', true) : undefined;
  if (isSeq(tasks)) {
    tasks.items.forEach((node, i) => {
      if (!isMap(node)) return;
      const key = plan.tasks[i]?.key;
      const comment = key ? opts.comments.get(key) : undefined;
      if (i > 0) node.spaceBefore = true;
      if (comment) node.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
    });
  }
  const head = [`# yaml-language-server: $schema=${opts.schemaRef}`, ...opts.header.map((l) => `# ${l}`)].join('\n');
  return `${head}\n${doc.toString({ lineWidth: 0, minContentWidth: 0 })}`;
}
