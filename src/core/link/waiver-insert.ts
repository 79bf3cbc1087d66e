/**
 * Adds waivers to a plan's YAML text by appending whole lines (as insert.ts does for links): the
 * rest of the file stays byte-identical. A `waivers:` block list at the top level gets the new
 * items after its last one; a file without one gets the block at its end. The result is parsed
 * again and compared with the expected data; a layout that cannot be edited safely is refused.
 * Used by `kehoach serve` when a reviewer accepts a finding, and when a revised document
 * replaces its earlier version (the waivers of the earlier YAML are carried over). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { Waiver } from '../model/plan.js';

export type WaiverInsert = { ok: true; text: string } | { ok: false; message: string };

const scalar = (v: string): string => stringify(v, { lineWidth: 0 }).trimEnd();

function waiverLines(w: Waiver, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const fields: [string, string | undefined][] = [['rule', w.rule], ['task', w.task], ['parentTask', w.parentTask], ['reason', w.reason], ['expires', w.expires]];
  const present = fields.filter((f): f is [string, string] => f[1] !== undefined);
  return present.map(([k, v], i) => `${pad}${i ? '  ' : '- '}${k}: ${scalar(v)}`);
}

/** Whether the plan already holds this waiver (same rule, tasks and reason). */
export const sameWaiver = (a: Waiver, b: Waiver): boolean =>
  a.rule === b.rule && a.task === b.task && a.parentTask === b.parentTask && (a.reason ?? '').trim() === (b.reason ?? '').trim();

export function insertWaivers(original: string, waivers: readonly Waiver[]): WaiverInsert {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length || !isMap(doc.contents)) return { ok: false, message: 'the file does not parse as a plan' };
  const data = doc.toJS() as { waivers?: Waiver[] };
  const fresh = waivers.filter((w) => !(data.waivers ?? []).some((x) => sameWaiver(x, w)));
  if (!fresh.length) return { ok: true, text: original };
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'waivers');
  let out: string;
  if (pair) {
    const seq = pair.value as Node | null;
    if (!isSeq(seq) || seq.flow || !seq.range || !seq.items.length) return { ok: false, message: 'its waivers is not a block list' };
    const col = lc.linePos(seq.range[0]).col - 1;
    const end = seq.range[1];
    const at = end > 0 && text[end - 1] === '\n' ? end : text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end) + 1;
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    out = text.slice(0, at) + lead + fresh.flatMap((w) => waiverLines(w, col)).map((l) => l + eol).join('') + text.slice(at);
  } else {
    const sep = text.length && !text.endsWith('\n') ? eol : '';
    out = text + sep + ['', 'waivers:', ...fresh.flatMap((w) => waiverLines(w, 2))].map((l) => l + eol).join('');
  }
  const check = parseDocument(out);
  const want = { ...data, waivers: [...(data.waivers ?? []), ...fresh.map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)))] };
  if (check.errors.length || !isDeepStrictEqual(check.toJS(), want)) return { ok: false, message: 'the edited file would not read back as intended; nothing was written' };
  return { ok: true, text: bom + out };
}
