/**
 * A synthetic plan → YAML text in the corpus' own style: the schema comment first, block lists
 * (agency names contain commas), plain scalars where YAML reads them back as the same string,
 * single quotes otherwise. Hand-written rather than yaml.stringify: it is several times faster at
 * 80 MB and its output is fixed by this file, not by a library's formatting defaults.
 */
import type { BuiltTask } from './build-tasks.js';
import type { Plan0 } from './build-plan.js';

const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
// Only what the core schema reads as a number is quoted: "2023-06-26" stays plain, as in plans/.
const NUMBERISH = /^(?:[-+]?\d+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A YAML scalar that reads back as exactly `s` (core schema). */
export function scalar(s: string): string {
  const plain =
    s.length > 0 &&
    s.trim() === s &&
    !INDICATORS.has(s[0]!) &&
    !s.includes(': ') &&
    !s.includes(' #') &&
    !s.endsWith(':') &&
    !/[\u0000-\u001f\u007f]/.test(s) &&
    !RESERVED.test(s) &&
    !NUMBERISH.test(s);
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}

function list(out: string[], indent: string, key: string, items: readonly string[] | undefined): void {
  if (!items?.length) return;
  out.push(`${indent}${key}:`);
  for (const x of items) out.push(`${indent}  - ${scalar(x)}`);
}

function field(out: string[], indent: string, key: string, v: string | undefined): void {
  if (v !== undefined) out.push(`${indent}${key}: ${scalar(v)}`);
}

const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The printed title: the deadline quoted where the template says so, sentences capitalised. */
export function titleOf(t: BuiltTask): string {
  const dl = t.deadline?.text ?? 'Hằng năm';
  return upper(t.title.replace(/(^|\. )\{DL\}/g, (_m, pre: string) => pre + upper(dl)).replace(/\{DL\}/g, dl));
}

function task(out: string[], t: BuiltTask): void {
  const i = '    ';
  out.push(`  - key: ${scalar(t.key)}`);
  field(out, i, 'label', t.label);
  field(out, i, 'title', titleOf(t));
  list(out, i, 'lead', t.lead);
  list(out, i, 'implement', t.implement);
  list(out, i, 'coordinate', t.coordinate);
  if (t.request) out.push(`${i}request: true`);
  if (t.duties?.length) {
    out.push(`${i}duties:`);
    for (const d of t.duties) {
      const first = d.owner !== undefined ? `owner: ${scalar(d.owner)}` : `does: ${scalar(d.does)}`;
      out.push(`${i}  - ${first}`);
      if (d.request) out.push(`${i}    request: true`);
      if (d.owner !== undefined) out.push(`${i}    does: ${scalar(d.does)}`);
    }
  }
  field(out, i, 'form', t.form);
  field(out, i, 'details', t.details);
  field(out, i, 'deadline', t.deadline?.text);
  field(out, i, 'deadlineKind', t.deadlineKind);
  list(out, i, 'implements', t.implements);
  field(out, i, 'cascade', t.cascade);
}

/** The whole file. `depth` is the number of directories between the corpus root and the file. */
export function emitPlan(p: Plan0, depth: number, provenance: string): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${'../'.repeat(depth + 1)}schema/plan.schema.json`,
    `# SYNTHETIC (${provenance}): not a real document.`,
    `id: ${p.id}`,
  ];
  const h = p.header;
  field(out, '', 'number', h.number);
  field(out, '', 'title', h.title);
  field(out, '', 'issuer', h.issuer);
  out.push(`level: ${p.level}`);
  field(out, '', 'jurisdiction', h.jurisdiction);
  field(out, '', 'place', h.place);
  field(out, '', 'issued', h.issued);
  if (p.parentId) out.push('basedOn:', `  - ${p.parentId}`);
  else out.push('basedOn:', '  - law: 10/2022/QH15');
  out.push('completeness:', '  status: complete', 'tasks:');
  for (const t of p.tasks) task(out, t);
  return `${out.join('\n')}\n`;
}
