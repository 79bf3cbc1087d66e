/**
 * The corpus in plans/ is faithful to its documents (issue 2).
 *
 * - Every plan file parses with `yaml`, passes the zod model and has unique task keys.
 *   (Until the project's loader exists this uses `parse` + `Plan.safeParse` directly.)
 * - A plan transcribed from a seed (`source`) states only text the seed contains: plan and task
 *   titles, agencies (lead/implement/coordinate/duty owners), `does`, `details`, `form`, deadlines and
 *   the number occur in the seed after normalising both sides (NFC, markdown `**` and heading `#`
 *   dropped, every run of whitespace, line breaks included, collapsed to one space). Text abridged with
 *   "…" matches piecewise, pieces in order. Plan titles compare case-insensitively (headers are printed
 *   in capitals); everything else is exact.
 * - A reconstructed plan is exempt from that, but every task names the sources that attest it, and
 *   those sources are listed in `completeness.sources`.
 *
 * The seed texts are kept in the repo (tests/fixtures/seeds, copies of shared/seeds) so a clean
 * clone tests on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Plan, parentIds, type Task } from '../../src/core/model/plan.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLANS = path.join(ROOT, 'plans');
const SCHEMA = path.join(ROOT, 'schema', 'plan.schema.json');

const SEED_DIRS = [path.join(ROOT, 'tests', 'fixtures', 'seeds')];

/** The six plans of issue 2: the corpus must keep holding them. */
const EXPECTED_IDS = [
  'qd-346-ttg-2023',
  'thai-nguyen-2023',
  'can-tho-2023',
  'thanh-hoa-172-2023',
  'bim-son-2023',
  'hoa-binh-hoi-nghi-2023',
];

function planFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return planFiles(p);
      return /\.ya?ml$/.test(e.name) ? [p] : [];
    })
    .sort();
}

/** NFC, markdown emphasis and heading markers dropped, all whitespace collapsed to one space. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\*\*/g, '')
    .replace(/^[ \t]*#+[ \t]+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Does `value` occur in the (normalised) `haystack`? "…" abridges: its pieces must occur in order. */
export function occursIn(value: string, haystack: string, caseInsensitive = false): boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLocaleLowerCase('vi') : s);
  const hay = fold(haystack);
  let from = 0;
  const pieces = normalise(value)
    .split('…')
    .map((p) => fold(p.trim()))
    .filter((p) => p.length > 0);
  if (pieces.length === 0) return false;
  for (const piece of pieces) {
    const at = hay.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** Every transcribed string of a task, labelled by its field, for error messages. */
function taskStrings(t: Task): [field: string, value: string][] {
  const out: [string, string][] = [['title', t.title]];
  for (const field of ['lead', 'implement', 'coordinate'] as const) {
    for (const name of t[field] ?? []) out.push([field, name]);
  }
  for (const [i, d] of (t.duties ?? []).entries()) {
    const owners = d.owner === undefined ? [] : Array.isArray(d.owner) ? d.owner : [d.owner];
    for (const o of owners) out.push([`duties[${i}].owner`, o]);
    out.push([`duties[${i}].does`, d.does]);
    if (d.deadline && d.deadline !== 'unknown') out.push([`duties[${i}].deadline`, d.deadline]);
  }
  if (t.form !== undefined) out.push(['form', t.form]);
  if (t.details !== undefined) out.push(['details', t.details]);
  if (t.deadline !== undefined && t.deadline !== 'unknown') out.push(['deadline', t.deadline]);
  return out;
}

const files = planFiles(PLANS);
const rel = (f: string) => path.relative(ROOT, f);

interface Loaded {
  file: string;
  text: string;
  plan: Plan;
}

function load(file: string): Loaded {
  const text = readFileSync(file, 'utf8');
  const result = Plan.safeParse(parse(text));
  if (!result.success) {
    throw new Error(`${rel(file)} fails the plan model:\n${JSON.stringify(result.error.issues, null, 2)}`);
  }
  return { file, text, plan: result.data };
}

function seedDir(): string | undefined {
  return SEED_DIRS.find((d) => existsSync(d));
}

describe('corpus: plans/', () => {
  it('holds the plans of issue 2', () => {
    const ids = files.map((f) => load(f).plan.id);
    expect(ids).toEqual(expect.arrayContaining(EXPECTED_IDS));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only parent plans that exist in the corpus', () => {
    const ids = new Set(files.map((f) => load(f).plan.id));
    const missing = files.flatMap((f) => {
      const { plan } = load(f);
      return parentIds(plan)
        .filter((p) => !ids.has(p))
        .map((p) => `${plan.id} → ${p}`);
    });
    expect(missing).toEqual([]);
  });
});

describe.each(files.map((f) => [rel(f), f]))('%s', (_name, file) => {
  it('parses and passes the plan model', () => {
    const text = readFileSync(file, 'utf8');
    const data = parse(text);
    const result = Plan.safeParse(data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('opens with the schema comment for its own directory', () => {
    const first = readFileSync(file, 'utf8').split('\n', 1)[0];
    const schema = path.relative(path.dirname(file), SCHEMA).split(path.sep).join('/');
    expect(first).toBe(`# yaml-language-server: $schema=${schema}`);
  });

  it('has unique task keys', () => {
    const keys = load(file).plan.tasks.map((t) => t.key);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('states only what its document says', () => {
    const { plan } = load(file);
    if (plan.completeness?.reconstructed) {
      const sources = new Set(plan.completeness.sources ?? []);
      expect(sources.size, 'a reconstructed plan lists its sources').toBeGreaterThan(0);
      const problems = plan.tasks.flatMap((t) => {
        const by = t.attestedBy ?? [];
        if (by.length === 0) return [`${t.key}: no attestedBy`];
        return by.filter((s) => !sources.has(s)).map((s) => `${t.key}: source "${s}" not in completeness.sources`);
      });
      expect(problems).toEqual([]);
      return;
    }
    if (!plan.source) return;

    const dir = seedDir();
    if (!dir) throw new Error(`no seed directory found (tried ${SEED_DIRS.join(', ')}); set KEHOACH_SEEDS`);
    const seedFile = path.join(dir, plan.source);
    expect(existsSync(seedFile), `${plan.source} in ${dir}`).toBe(true);
    const seed = normalise(readFileSync(seedFile, 'utf8'));

    const misses: string[] = [];
    if (!occursIn(plan.title, seed, true)) misses.push(`title: ${plan.title}`);
    if (plan.number && !occursIn(plan.number, seed)) misses.push(`number: ${plan.number}`);
    for (const t of plan.tasks) {
      for (const [field, value] of taskStrings(t)) {
        if (!occursIn(value, seed)) misses.push(`${t.key} ${field}: ${value}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('normalise / occursIn', () => {
  it('joins hard line breaks and drops markdown markers', () => {
    const seed = normalise('**Tổ chức Hội nghị quán triệt, phổ biến Luật và các văn bản quy định chi \n\ntiết một số điều**\n## 2. Sở Tài chính');
    expect(occursIn('Hội nghị quán triệt, phổ biến Luật và các văn bản quy định chi tiết', seed)).toBe(true);
    expect(occursIn('2. Sở Tài chính', seed)).toBe(true);
  });

  it('compares decomposed and composed text alike', () => {
    expect(occursIn('KẾ HOẠCH', normalise('KE\u0302\u0301 HOA\u0323CH'))).toBe(true);
  });

  it('matches abridged text piecewise and in order only', () => {
    const seed = normalise('Căn cứ nội dung Kế hoạch này, các phòng xây dựng Kế hoạch. Hằng năm, trước ngày 01/11, báo cáo.');
    expect(occursIn('Căn cứ nội dung … Hằng năm, trước ngày 01/11 …', seed)).toBe(true);
    expect(occursIn('Hằng năm … Căn cứ nội dung', seed)).toBe(false);
    expect(occursIn('…', seed)).toBe(false);
  });

  it('is exact about spelling, except for plan titles', () => {
    const seed = normalise('TRIỂN KHAI THI HÀNH LUẬT; Phòng Văn hoá, Thông tin');
    expect(occursIn('Phòng Văn hóa, Thông tin', seed)).toBe(false);
    expect(occursIn('Triển khai thi hành Luật', seed)).toBe(false);
    expect(occursIn('Triển khai thi hành Luật', seed, true)).toBe(true);
  });
});
