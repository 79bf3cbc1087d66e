/**
 * invisible-key: a task key holding invisible characters (a zero-width space, a joiner, a
 * byte-order mark, a soft hyphen, a direction mark), usually pasted from a Word document or a
 * web page. Such a key looks like another but is not equal to it: a link or a waiver written
 * with the visible key misses it, and two tasks may look like one key used twice. The key is
 * kept as written (changing it would change what cites it); the finding names the characters.
 */
import type { PlanRule, RawFinding } from '../check/types.js';

/** Format characters (Unicode Cf: ZWSP, ZWJ/ZWNJ, BOM, bidi marks, soft hyphen…) and the invisible separators. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const invisibleKey: PlanRule = {
  id: 'invisible-key',
  scope: 'plan',
  defaultSeverity: 'warning',
  graded: false,
  check({ loaded }) {
    const out: RawFinding[] = [];
    const keys = new Set(loaded.plan.tasks.map((t) => t.key));
    for (const t of loaded.plan.tasks) {
      const found = t.key.match(INVISIBLE);
      if (!found) continue;
      const visible = t.key.replace(INVISIBLE, '');
      out.push({
        severity: 'warning',
        task: t.key,
        parentTask: null,
        field: 'key',
        data: { visible, characters: [...new Set(found.map(codePoint))].join(', '), ...(keys.has(visible) ? { variant: 'twin', twin: visible } : {}) },
      });
    }
    return out;
  },
};
