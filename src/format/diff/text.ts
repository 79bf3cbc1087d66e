/**
 * `kehoach diff --format text`: the parent task on the left, the child's on the right,
 * 100 columns wide, then the row's findings below. Colour only when asked (the command
 * passes a TTY without NO_COLOR); colour codes are added after padding so they never
 * count as columns. Plan text goes through `clean` first (control characters shown escaped).
 */
import type { Lang } from '../messages.js';
import type { DiffReport, DiffRow, Mark, TaskSide } from '../review-types.js';
import { rt } from '../terms.js';
import { addressingLabel, hasResolved, findingLine, marksLabel, matchLabel, ownersLine, coordinateLine, planFacts, showDeadlineText, showResolved } from '../display.js';
import { clean } from '../escape.js';
import { pushAll } from '../lines.js';
import { padEnd, truncate, width, wrap } from '../width.js';

export interface DiffTextOptions {
  color: boolean;
}

export const WIDTH = 100;
const LEFT = 48;
const RIGHT = WIDTH - LEFT - 3;
const SGR = { red: '31', yellow: '33', green: '32', cyan: '36', grey: '90', bold: '1' } as const;
type Style = keyof typeof SGR;
const MARK_STYLE: Record<Mark, Style> = {
  missing: 'red', later: 'red', weakened: 'red', 'other-agency': 'yellow', 'cannot-compare': 'cyan', 'not-carried': 'grey', added: 'cyan', same: 'green',
};

export function formatDiffText(d: DiffReport, opts: DiffTextOptions): string {
  const lang = d.lang;
  const paint = (style: Style, s: string): string => (opts.color ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  const para = (s: string, indent = ''): void => {
    for (const l of wrap(clean(s), WIDTH - indent.length)) out.push(indent + l);
  };
  out.push(paint('bold', rt('diff.title', lang)));
  for (const [role, p] of [['parent', d.parent], ['child', d.child]] as const) {
    para(`${rt(role, lang)}: ${p.name} — ${p.title}`);
    para(planFacts(p, lang).join('; '), '  ');
  }
  for (const row of d.rows) pushAll(out, ['', ...rowBlock(row, d, lang, paint)]);
  if (d.general.length) {
    out.push('', paint('bold', rt('general-findings', lang)));
    for (const f of d.general) para(findingLine(f, lang), '  ');
  }
  const s = d.summary;
  const marks = (Object.keys(s.marks) as Mark[]).filter((m) => s.marks[m] > 0).map((m) => `${marksLabel([m], lang)} ${s.marks[m]}`);
  const fs = s.findings;
  out.push('', '═'.repeat(WIDTH), paint('bold', rt('heading.summary', lang)));
  para(`${rt('marks', lang)}: ${marks.join(', ') || rt('none', lang)}`, '  ');
  para(`${rt('findings', lang)}: ${fs.error} ${rt('error', lang)}, ${fs.warning} ${rt('warning', lang)}, ${fs.info} ${rt('info', lang)}, ${fs.waived} ${rt('waived', lang)}`, '  ');
  return out.join('\n') + '\n';
}

function side(t: TaskSide | null, cols: number, lang: Lang): string[] {
  if (!t) return wrap(rt('no-counterpart', lang), cols);
  const lines = [
    ...wrap(clean(`${t.label} ${t.title}`), cols),
    ...wrap(clean(ownersLine(t, lang)), cols),
    ...wrap(clean(coordinateLine(t, lang)), cols),
    ...wrap(clean(`${rt('deadline', lang)}: ${showDeadlineText(t.deadline, lang)}`), cols),
  ];
  if (hasResolved(t.deadline)) pushAll(lines, wrap(clean(`→ ${showResolved(t.deadline, lang)}`), cols - 2).map((l) => '  ' + l));
  return lines;
}

function rowBlock(row: DiffRow, d: DiffReport, lang: Lang, paint: (s: Style, t: string) => string): string[] {
  const keys = `${row.parent?.label ?? '—'} ▸ ${row.children.map((c) => c.task.label).join(', ') || '—'}`;
  const marks = row.marks.map((m) => paint(MARK_STYLE[m], `[${marksLabel([m], lang)}]`)).join(' ');
  const extra = [
    ...(row.addressing ? [addressingLabel(row.addressing, lang)] : []),
    ...row.children.filter((c) => c.match).map((c) => `${rt('match', lang)} ${c.task.label}: ${matchLabel(c, lang)}`),
  ];
  const plainMarks = row.marks.map((m) => `[${marksLabel([m], lang)}]`).join(' ');
  const head = wrap(clean(keys), WIDTH);
  const last = head.length - 1;
  const out = head.map((l) => paint('bold', l));
  if (width(head[last]!) + 2 + width(plainMarks) <= WIDTH) out[last] += '  ' + marks;
  else out.push(marks);
  if (extra.length) pushAll(out, wrap(clean(extra.join(' · ')), WIDTH - 2).map((l) => '  ' + l));
  out.push('─'.repeat(LEFT + 1) + '┬' + '─'.repeat(RIGHT + 1));
  const left = [paint('grey', padEnd(truncate(clean(d.parent.name), LEFT), LEFT)), ...side(row.parent, LEFT, lang).map((l) => padEnd(l, LEFT))];
  const right: string[] = [truncate(clean(d.child.name), RIGHT)];
  if (!row.children.length) pushAll(right, side(null, RIGHT, lang));
  row.children.forEach((c, i) => {
    if (i > 0) right.push('┄'.repeat(RIGHT));
    pushAll(right, side(c.task, RIGHT, lang));
  });
  right[0] = paint('grey', right[0]!);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    out.push(`${left[i] ?? ' '.repeat(LEFT)} │ ${right[i] ?? ''}`.trimEnd());
  }
  out.push('─'.repeat(LEFT + 1) + '┴' + '─'.repeat(RIGHT + 1));
  for (const f of row.findings) {
    const sev = f.waived ? 'grey' : f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'cyan';
    wrap(clean(findingLine(f, lang)), WIDTH - 4).forEach((l, i) => out.push((i === 0 ? paint(sev, '  ! ') : '    ') + l));
  }
  return out;
}
