/**
 * `kehoach scaffold` as a drafter runs it: the package's bin (dist/bundle/cli.js, built by
 * `npm test`) in a child process. For each parent of the corpus and a unit of the level below
 * it, the draft written to a temporary folder passes `kehoach check --plan <draft> --plans plans`
 * with no finding of a graded rule (exit 0); the draft rendered to Word (and Markdown) imports
 * back with the same task keys, titles, agencies and deadline texts; the reconstructed root
 * says on stderr what it could and could not derive.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Plan, type Task } from '../../src/core/model/plan.js';
import { splitHeadingBody } from '../../src/core/import/subject.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/bundle/cli.js');
const PLANS = join(ROOT, 'plans');
const EXAMPLES = join(ROOT, 'examples');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-scaffold-'));

function kehoach(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

interface Case {
  name: string;
  parent: string;
  unit: string;
  level?: string;
  plans: string[];
}

/** Each parent of the corpus with a unit of the level below it (and departments under their province). */
const CASES: Case[] = [
  { name: 'thanh-hoa-district', parent: 'thanh-hoa-172-2023', unit: 'huyện Hậu Lộc', plans: [PLANS] },
  { name: 'can-tho-district', parent: 'can-tho-2023', unit: 'quận Ninh Kiều', plans: [PLANS] },
  { name: 'thai-nguyen-district', parent: 'thai-nguyen-2023', unit: 'huyện Đại Từ', plans: [PLANS] },
  { name: 'bim-son-commune', parent: 'bim-son-2023', unit: 'phường Bắc Sơn', plans: [PLANS] },
  { name: 'thai-nguyen-department', parent: 'thai-nguyen-2023', unit: 'Sở Nội vụ', level: 'department', plans: [PLANS] },
  { name: 'thanh-hoa-department', parent: 'thanh-hoa-172-2023', unit: 'Sở Nội vụ', level: 'department', plans: [PLANS] },
  { name: 'can-tho-department', parent: 'can-tho-2023', unit: 'Sở Nội vụ', level: 'department', plans: [PLANS] },
  { name: 'national-province', parent: 'qd-346-ttg-2023', unit: 'tỉnh Hà Nam', plans: [PLANS] },
  { name: 'example-commune', parent: 'synthetic-an-lac-2023', unit: 'thị trấn An Lạc', plans: [PLANS, EXAMPLES] },
];

const plansArgs = (c: Case): string[] => c.plans.flatMap((p) => ['--plans', p]);
const scaffoldArgs = (c: Case, out: string, extra: string[] = []): string[] => ['scaffold', c.parent, '--unit', c.unit, ...(c.level ? ['--level', c.level] : []), ...plansArgs(c), '-o', out, ...extra];

let graded: Set<string>;

beforeAll(() => {
  expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
  const r = kehoach(['rules', '--format', 'json']);
  expect(r.code).toBe(0);
  graded = new Set((JSON.parse(r.out) as { id: string; graded: boolean }[]).filter((x) => x.graded).map((x) => x.id));
  expect(graded.has('missing-task')).toBe(true);
});

describe('each parent of the corpus, scaffolded and checked', () => {
  it.each(CASES)('$name: $parent → $unit passes check with no graded finding (exit 0)', (c) => {
    const file = join(dir, `${c.name}.yaml`);
    const s = kehoach(scaffoldArgs(c, file));
    expect(s.code, s.err).toBe(0);
    const plan = Plan.parse(parse(readFileSync(file, 'utf8')));
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.basedOn).toEqual([c.parent]);
    const r = kehoach(['check', '--plan', file, ...plansArgs(c), '--format', 'json', '--no-cache']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as { findings: { rule: string; plan: string; message: string }[] };
    expect(report.findings.filter((f) => graded.has(f.rule)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});

describe('a reconstructed root', () => {
  it('QĐ 346 → tỉnh Hà Nam: stderr says how many duties were derived and which agencies and deadlines are unknown', () => {
    const r = kehoach(['scaffold', 'qd-346-ttg-2023', '--unit', 'tỉnh Hà Nam', '--plans', PLANS, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('10 tasks of qd-346-ttg-2023 carried into the draft tinh-ha-nam-2023 for tỉnh Hà Nam (province)');
    expect(r.err).toContain('agencies unknown: 10 (N1.1, N1.2, N1.3, N1.4, N1.7, N1.8, N1.9, N2.1, N3.1, N3.2)');
    expect(r.err).toContain('deadlines unknown: 7 (N1.3, N1.7, N1.8, N1.9, N2.1, N3.1, N3.2)');
    expect(r.err).toContain("not carried (the parent's level only): 2 (N1.5, N1.6)");
    expect(r.err).toContain('qd-346-ttg-2023 is reconstructed from summaries');
    // The draft itself: no agency invented, unknown deadlines unknown, each gap noted.
    const plan = Plan.parse(parse(r.out));
    for (const t of plan.tasks) {
      expect(t.lead ?? t.implement ?? t.duties).toBeUndefined();
      expect(t.note).toMatch(/^Agencies unknown: qd-346-ttg-2023 is reconstructed/);
    }
    expect(plan.tasks.filter((t) => t.deadline === 'unknown')).toHaveLength(7);
    expect(plan.note).toContain('reconstructed');
  });
});

/** What a round trip must keep: keys, titles, agencies, duty owners and deadline texts. */
function essentials(t: Task): Record<string, unknown> {
  const ownersOf = (o: string | string[] | undefined): string[] => (o === undefined ? [] : Array.isArray(o) ? o : [o]);
  return {
    key: t.key,
    title: t.title,
    lead: t.lead ?? [],
    implement: t.implement ?? [],
    coordinate: t.coordinate ?? [],
    duties: (t.duties ?? []).map((d) => ownersOf(d.owner)),
    // The document writes the draft's `unknown` as "chưa rõ", which the reader reads as unknown again.
    deadline: t.deadline === 'chưa rõ' ? 'unknown' : t.deadline ?? null,
  };
}

describe('the draft as a document, imported back', () => {
  it.each(CASES)('$name: the .docx re-imports with the same task keys, titles, agencies and deadline texts', (c) => {
    const yamlFile = join(dir, `${c.name}.rt.yaml`);
    const docx = join(dir, `${c.name}.docx`);
    expect(kehoach(scaffoldArgs(c, yamlFile)).code).toBe(0);
    const s = kehoach(scaffoldArgs(c, docx));
    expect(s.code, s.err).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const imported = join(dir, `${c.name}.imported.yaml`);
    const r = kehoach(['import', docx, ...plansArgs(c), '--out', imported, '--force']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/could not place/);
    const draft = Plan.parse(parse(readFileSync(yamlFile, 'utf8')));
    const back = Plan.parse(parse(readFileSync(imported, 'utf8')));
    expect(back.basedOn).toEqual([c.parent]);
    expect(back.issuer).toBe(draft.issuer);
    expect(back.level).toBe(draft.level);
    expect(back.number).toBeUndefined();
    expect(back.issued).toBeUndefined();
    expect(back.tasks.map((t) => t.key)).toEqual(draft.tasks.map((t) => t.key));
    draft.tasks.forEach((t, i) => {
      const want = essentials(t);
      const got = essentials(back.tasks[i]!);
      // A title the importer reads as a heading run into its body ("… báo cáo Ủy ban nhân dân thị xã
      // … để tổng hợp") comes back cut where its own splitHeadingBody says: an importer limitation
      // (see the report of issue 17), held here to exactly that cut.
      const cut = splitHeadingBody(t.title);
      if (cut) {
        expect(got['title']).toBe(cut.head);
        expect(back.tasks[i]!.details ?? '').toContain(cut.body.slice(0, 40));
        got['title'] = want['title'];
      }
      expect(got, t.key).toEqual(want);
    });
  });

  it('the Markdown draft imports back the same way', () => {
    const c = CASES.find((x) => x.name === 'can-tho-district')!;
    const md = join(dir, 'can-tho.md');
    expect(kehoach(scaffoldArgs(c, md)).code).toBe(0);
    const r = kehoach(['import', md, '--plans', PLANS]);
    expect(r.code, r.err).toBe(0);
    const draft = Plan.parse(parse(readFileSync(join(dir, 'can-tho-district.rt.yaml'), 'utf8')));
    expect(Plan.parse(parse(r.out)).tasks.map(essentials)).toEqual(draft.tasks.map(essentials));
  });
});

describe('what the command refuses', () => {
  it('a Word draft without -o: exit 2, nothing on stdout', () => {
    const r = kehoach(['scaffold', 'can-tho-2023', '--unit', 'quận Ninh Kiều', '--plans', PLANS, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('-o');
  });

  it('-o naming the parent plan: exit 2, the parent untouched', () => {
    const parentFile = join(dir, 'parent-copy.yaml');
    writeFileSync(parentFile, readFileSync(join(PLANS, 'province/can-tho-2023.yaml')));
    const before = readFileSync(parentFile, 'utf8');
    const r = kehoach(['scaffold', parentFile, '--unit', 'quận Ninh Kiều', '--plans', PLANS, '-o', parentFile]);
    expect(r.code).toBe(2);
    expect(readFileSync(parentFile, 'utf8')).toBe(before);
  });

  it('a unit that is not of the level asked, or lies in another province: exit 2 with the reason', () => {
    const a = kehoach(['scaffold', 'thanh-hoa-172-2023', '--unit', 'Hậu Lộc', '--plans', PLANS, '--lang', 'en']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('write a district unit with its kind');
    const b = kehoach(['scaffold', 'thanh-hoa-172-2023', '--unit', 'quận Ninh Kiều', '--plans', PLANS, '--lang', 'en']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('lies in Cần Thơ');
  });

  it('YAML on stdout by default, the same draft as -o writes, notes in the language asked', () => {
    const c = CASES[0]!;
    const file = join(dir, 'stdout-compare.yaml');
    expect(kehoach(scaffoldArgs(c, file)).code).toBe(0);
    const r = kehoach(['scaffold', c.parent, '--unit', c.unit, '--plans', PLANS]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(file, 'utf8'));
    expect(r.out).toMatch(/^# number: /m);
    const en = kehoach(['scaffold', c.parent, '--unit', c.unit, '--plans', PLANS, '--lang', 'en']);
    expect(Plan.parse(parse(en.out)).tasks[2]!.note).toContain('Deadline unknown: the copy of the parent (thanh-hoa-172-2023) is cut off');
  });
});
