/**
 * insertLinks only adds lines: removing the added lines gives back the original bytes,
 * whatever the file's layout (comments, blank lines, quoting, flow lists, block scalars,
 * CRLF, a BOM, no final newline). Layouts it cannot edit by adding lines are refused.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { insertLinks, type LinkInsertion } from '../../src/core/link/insert.js';

const CHILD = readFileSync('tests/fixtures/link/plans/huyen-lien-ket-2023.yaml', 'utf8');
const link = (task: string, fp = 'sha1:0123456789abcdef') => ({ plan: 'tinh-lien-ket-2023', task, fingerprint: fp });
const ALL: LinkInsertion[] = ['II.1.a', 'II.1.b', 'II.1.c'].map((k) => ({ taskKey: k, links: [link(k)] }));

/** The lines of `after` that are not in `before`; dropping them from `after` must give `before` byte for byte. */
function addedLines(before: string, after: string): string[] {
  const b = before.split('\n');
  const kept: string[] = [];
  const added: string[] = [];
  for (const line of after.split('\n')) {
    if (kept.length < b.length && line === b[kept.length]) kept.push(line);
    else added.push(line);
  }
  expect(kept.join('\n'), 'the original lines, unchanged and in order').toBe(before);
  return added;
}

function ok(text: string, ins: LinkInsertion[] = ALL): string {
  const r = insertLinks(text, ins);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
}

describe('insertLinks', () => {
  it('adds only implements lines; the rest of the file is byte-identical', () => {
    const out = ok(CHILD);
    const added = addedLines(CHILD, out);
    expect(added).toHaveLength(12);
    expect(added.every((l) => /^ {4}(implements:|  - plan: |    task: |    fingerprint: )/.test(l))).toBe(true);
  });

  it('puts each link after the task\'s last field, before comments and blank lines that follow', () => {
    const out = ok(CHILD);
    // The fixture indents one list by 0 and one by 2: a tie takes 2, the bundled plans' style.
    expect(out).toContain('    deadlineKind: execution\n    implements:\n      - plan: tinh-lien-ket-2023\n        task: II.1.a\n');
    expect(out).toContain('      Two lines.\n    implements:\n');
    expect(out).toContain('fingerprint: sha1:0123456789abcdef\n    # a comment that belongs to the next task\n');
  });

  it('reads back as the original data plus the links', () => {
    const before = parse(CHILD) as { tasks: Record<string, unknown>[] };
    const after = parse(ok(CHILD)) as { tasks: Record<string, unknown>[] };
    expect(after.tasks.map(({ implements: i, ...rest }) => [rest, i])).toEqual(before.tasks.map((t) => [t, [link(String(t['key']))]]));
  });

  it('keeps CRLF line endings, a BOM, and a file without a final newline', () => {
    const crlf = '\uFEFF' + CHILD.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const out = ok(crlf);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.endsWith('fingerprint: sha1:0123456789abcdef\r\n')).toBe(true);
    addedLines(crlf.slice(1).replace(/\r\n/g, '\n'), out.slice(1).replace(/\r\n/g, '\n'));
  });

  it('appends to an existing block implements list at its indentation', () => {
    const text = 'id: c\ntitle: C\nlevel: district\nbasedOn: [a, b]\ntasks:\n  - key: "1"\n    title: T\n    implements:\n      - {plan: a, task: I}  # written by hand\n    note: x\n';
    const out = ok(text, [{ taskKey: '1', links: [{ plan: 'b', task: '2', fingerprint: 'sha1:ff' }] }]);
    expect(out).toBe(text.replace('# written by hand\n', '# written by hand\n      - plan: b\n        task: "2"\n        fingerprint: sha1:ff\n'));
  });

  it('quotes scalars that plain YAML would read as something else', () => {
    const out = ok('id: c\ntitle: C\nlevel: district\ntasks:\n  - key: k\n    title: T\n', [{ taskKey: 'k', links: [{ plan: 'p', task: '1.10', fingerprint: 'sha1:ab' }] }]);
    expect((parse(out) as { tasks: { implements: unknown }[] }).tasks[0]!.implements).toEqual([{ plan: 'p', task: '1.10', fingerprint: 'sha1:ab' }]);
  });

  it('refuses, writing nothing, where only re-printing could add the link', () => {
    const flowTask = 'id: c\ntitle: C\nlevel: district\ntasks:\n  - {key: k, title: T}\n';
    const flowImplements = 'id: c\ntitle: C\nlevel: district\ntasks:\n  - key: k\n    title: T\n    implements: [x]\n';
    for (const text of [flowTask, flowImplements]) {
      const r = insertLinks(text, [{ taskKey: 'k', links: [link('II.1.a')] }]);
      expect(r.ok).toBe(false);
    }
    expect(insertLinks(CHILD, [{ taskKey: 'nope', links: [link('II.1.a')] }])).toMatchObject({ ok: false, problems: [{ taskKey: 'nope' }] });
  });

  it('follows the file\'s own list indentation', () => {
    const indentless = 'id: c\ntitle: C\nlevel: district\ntasks:\n- key: k\n  title: T\n  lead:\n  - A\n  coordinate:\n  - B\n';
    expect(ok(indentless, [{ taskKey: 'k', links: [link('I')] }])).toContain('  - B\n  implements:\n  - plan: tinh-lien-ket-2023\n');
  });
});
