/**
 * The evaluation harness's machinery, shared by tests/eval/evaluation.test.ts and eval/run.ts:
 * render every plan in every format, import each document through the built bin, check the
 * imported YAML (and the document itself, once `check <doc>` exists), compare with the
 * expectations decided beforehand (eval/*.expected.yaml) and the recorded gaps (eval/known-gaps.yaml).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { type Format, FORMATS, renderAll } from '../tests/helpers/office.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const EVAL = join(ROOT, 'eval');
/** KEHOACH_EVAL_BIN measures another build (a snapshot built elsewhere); the default is this checkout's bin. */
export const BIN = process.env.KEHOACH_EVAL_BIN ?? join(ROOT, 'dist/bundle/cli.js');
export const PLANS = join(ROOT, 'plans');
/**
 * The two halves of the set (issue 14): `dev`, studied while the engine changes, and `sealed`,
 * written before the engine changed and run only at the end. Plan names are unique across both.
 */
export const HALVES = ['dev', 'sealed'] as const;
export type Half = (typeof HALVES)[number];
export function planNames(half: Half): string[] {
  const dir = join(EVAL, half);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort() : [];
}
export function halfOf(name: string): Half {
  const half = HALVES.find((h) => existsSync(join(EVAL, h, `${name}.txt`)));
  if (!half) throw new Error(`no evaluation plan ${name} in eval/dev or eval/sealed`);
  return half;
}
export const planFile = (name: string): string => join(EVAL, halfOf(name), `${name}.txt`);

/** Info rules that checking.md leaves open ("acceptable either way", cannot-check on partial parents): not scored. */
export const UNSCORED = new Set(['uncertain-match', 'cannot-check']);

export interface Finding {
  rule: string;
  severity: string;
  task: string | null;
  parentTask: string | null;
  message?: string;
}
export interface Expected {
  plan: string;
  parent: string;
  tasks: string[];
  /** The gold alignment: each child task → the parent tasks it carries ([] = a task of its own). */
  alignment?: Record<string, string[]>;
  findings: (Finding & { reason: string })[];
  acceptable?: Finding[];
}
export interface Gap extends Finding {
  plan: string;
  formats?: Format[] | 'all';
  judgement: 'wrong' | 'right-not-deliberate';
  group: number | null;
  reason: string;
}

export const idOf = (f: Pick<Finding, 'rule' | 'task' | 'parentTask'>): string => `${f.rule} ${f.task ?? '–'} ← ${f.parentTask ?? '–'}`;

export function loadExpected(name: string): Expected {
  return parse(readFileSync(join(EVAL, halfOf(name), `${name}.expected.yaml`), 'utf8')) as Expected;
}
export function loadGaps(): Gap[] {
  const doc = parse(readFileSync(join(EVAL, 'known-gaps.yaml'), 'utf8')) as { gaps?: Gap[] | null };
  return doc.gaps ?? [];
}

export interface Run {
  code: number;
  out: string;
  err: string;
}
export function kehoach(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    // The evaluation reads the import's English summary lines (the default is Vietnamese).
    const p = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', KEHOACH_LANG: 'en' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, out, err });
    });
  });
}

/** Runs jobs with at most `n` at once (the CI has two cores). */
export async function pool<T, R>(items: T[], n: number, job: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await job(items[i]!);
      }
    }),
  );
  return results;
}

interface ImportedPlan {
  id?: string;
  basedOn?: (string | Record<string, string>)[];
  cites?: unknown[];
  tasks?: { key: string }[];
}

export interface DocResult {
  plan: string;
  format: Format;
  file: string;
  importCode: number;
  importErr: string;
  parentIds: string[];
  taskKeys: string[];
  checkCode: number | null;
  checkErr: string;
  findings: Finding[] | null; // null when the check gave no JSON
  /** `check <document>` directly; undefined when the bin does not take documents. */
  direct?: { code: number; findings: Finding[] | null; err: string };
  /** The matched pairs "parentTask ← childTask" as `diff --format json` shows them (the text form only). */
  pairs?: string[];
}

function findingsOf(out: string): Finding[] | null {
  try {
    const j = JSON.parse(out) as { findings: Finding[] };
    return j.findings.map((f) => ({ rule: f.rule, severity: f.severity, task: f.task ?? null, parentTask: f.parentTask ?? null, message: f.message }));
  } catch {
    return null;
  }
}

/** Does `check` take a document argument? Probed once on a rendered .txt. */
async function checkTakesDocuments(txt: string, cwd: string): Promise<boolean> {
  const r = await kehoach(['check', '--plans', PLANS, '--format', 'json', '--no-cache', txt], cwd);
  return r.code !== 2 && findingsOf(r.out) !== null;
}

export async function importAndCheck(file: string, plan: string, format: Format, dir: string, direct: boolean): Promise<DocResult> {
  const out = join(dir, `${plan}-${format}.yaml`);
  const imp = await kehoach(['import', file, '--plans', PLANS, '--out', out, '--force'], dir);
  const res: DocResult = { plan, format, file, importCode: imp.code, importErr: imp.err, parentIds: [], taskKeys: [], checkCode: null, checkErr: '', findings: null };
  let y: ImportedPlan | undefined;
  try {
    y = parse(readFileSync(out, 'utf8')) as ImportedPlan;
  } catch {
    /* no YAML written */
  }
  if (y) {
    res.parentIds = (y.basedOn ?? []).filter((b): b is string => typeof b === 'string');
    res.taskKeys = (y.tasks ?? []).map((t) => t.key);
    const chk = await kehoach(['check', '--plans', PLANS, '--plan', out, '--format', 'json', '--no-cache'], dir);
    res.checkCode = chk.code;
    res.checkErr = chk.err;
    res.findings = findingsOf(chk.out);
  }
  if (direct) {
    const d = await kehoach(['check', '--plans', PLANS, '--format', 'json', '--no-cache', file], dir);
    res.direct = { code: d.code, findings: findingsOf(d.out), err: d.err };
  }
  if (format === 'txt' && y && res.parentIds[0]) {
    const d = await kehoach(['diff', res.parentIds[0], out, '--plans', PLANS, '--format', 'json'], dir);
    try {
      const rows = (JSON.parse(d.out) as { rows: { kind: string; parent?: { key: string }; children?: { task: { key: string } }[] }[] }).rows;
      res.pairs = rows.flatMap((r) => (r.kind === 'parent' && r.parent ? (r.children ?? []).map((c) => `${r.parent!.key} ← ${c.task.key}`) : [])).sort();
    } catch {
      res.pairs = [];
    }
  }
  return res;
}

/** The gold alignment as pairs "parentTask ← childTask". */
export function goldPairs(exp: Expected): string[] | null {
  if (!exp.alignment) return null;
  return Object.entries(exp.alignment).flatMap(([child, parents]) => (parents ?? []).map((p) => `${p} ← ${child}`)).sort();
}

export interface Score {
  plan: string;
  format: Format;
  expected: string[];
  found: string[];
  missed: string[];
  severityMismatch: string[];
  /** scored findings that are neither expected nor acceptable */
  unexpected: string[];
  /** unexpected and listed in known-gaps.yaml for this plan/format */
  gapListed: string[];
  /** unexpected and not listed */
  unlisted: string[];
  /** listed in known-gaps.yaml for this plan/format but not reported */
  staleGaps: string[];
  precision: number | null;
  recall: number;
}

const gapApplies = (g: Gap, plan: string, format: Format): boolean =>
  g.plan.replace(/\.txt$/, '') === plan && (g.formats === undefined || g.formats === 'all' || g.formats.includes(format));

export function score(exp: Expected, plan: string, format: Format, findings: Finding[], gaps: Gap[]): Score {
  const scored = findings.filter((f) => !UNSCORED.has(f.rule));
  const byId = new Map<string, Finding[]>();
  for (const f of scored) byId.set(idOf(f), [...(byId.get(idOf(f)) ?? []), f]);
  const expected = exp.findings.map(idOf);
  const found = exp.findings.filter((e) => byId.has(idOf(e))).map(idOf);
  const missed = expected.filter((e) => !found.includes(e));
  const severityMismatch = exp.findings
    .filter((e) => byId.get(idOf(e))?.every((f) => f.severity !== e.severity))
    .map((e) => `${idOf(e)}: expected ${e.severity}, got ${byId.get(idOf(e))!.map((f) => f.severity).join('/')}`);
  const acceptable = new Set((exp.acceptable ?? []).map(idOf));
  const unexpected = [...new Set(scored.map(idOf))].filter((id) => !expected.includes(id) && !acceptable.has(id)).sort();
  const listed = new Set(gaps.filter((g) => gapApplies(g, plan, format)).map(idOf));
  const gapListed = unexpected.filter((u) => listed.has(u));
  const unlisted = unexpected.filter((u) => !listed.has(u));
  const staleGaps = [...listed].filter((l) => !unexpected.includes(l)).sort();
  const reported = found.length + unexpected.length;
  return {
    plan,
    format,
    expected,
    found,
    missed,
    severityMismatch,
    unexpected,
    gapListed,
    unlisted,
    staleGaps,
    precision: reported ? found.length / reported : null,
    recall: expected.length ? found.length / expected.length : 1,
  };
}

/** The same citation sentence in other forms, each imported as .txt on its own (diagnostic of refs). */
export interface CitationVariant {
  name: string;
  plan: string;
  sentence: string;
  parent: string;
}
export const CITATION_VARIANTS: CitationVariant[] = [
  {
    name: 'number, date, "của UBND tỉnh X về việc …"',
    plan: 'hoang-hoa',
    sentence: 'Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa, UBND huyện Hoằng Hóa ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện như sau:',
    parent: 'thanh-hoa-172-2023',
  },
  {
    name: 'no number, no date, "của UBND tỉnh Thái Nguyên về việc …"',
    plan: 'dai-tu',
    sentence: 'Thực hiện Kế hoạch của UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thái Nguyên, UBND huyện Đại Từ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện như sau:',
    parent: 'thai-nguyen-2023',
  },
  {
    name: '"của Chủ tịch UBND tỉnh …" (no number)',
    plan: 'dai-tu',
    sentence: 'Thực hiện Kế hoạch của Chủ tịch UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh, UBND huyện Đại Từ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện như sau:',
    parent: 'thai-nguyen-2023',
  },
  {
    name: '"của UBND tỉnh" with the province implied (no number)',
    plan: 'dai-tu',
    sentence: 'Thực hiện Kế hoạch của UBND tỉnh về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, UBND huyện Đại Từ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện như sau:',
    parent: 'thai-nguyen-2023',
  },
  {
    name: 'a number the corpus does not know, "của UBND tỉnh Thái Nguyên"',
    plan: 'dai-tu',
    sentence: 'Thực hiện Kế hoạch số 1890/KH-UBND ngày 15/6/2023 của UBND tỉnh Thái Nguyên về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh, UBND huyện Đại Từ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện như sau:',
    parent: 'thai-nguyen-2023',
  },
  {
    name: '"Căn cứ Kế hoạch số N …" with an unknown number, "của UBND thành phố Cần Thơ"',
    plan: 'ninh-kieu',
    sentence: 'Căn cứ Kế hoạch số 143/KH-UBND ngày 12/7/2023 của UBND thành phố Cần Thơ về triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân quận Ninh Kiều ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn quận như sau:',
    parent: 'can-tho-2023',
  },
  {
    name: 'several plans in one sentence, the parent cited second',
    plan: 'hoang-hoa',
    sentence: 'Thực hiện Kế hoạch số 98/KH-UBND ngày 05/7/2023 của UBND tỉnh Thanh Hóa về công tác phổ biến, giáo dục pháp luật năm 2023 và Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa, UBND huyện Hoằng Hóa ban hành Kế hoạch như sau:',
    parent: 'thanh-hoa-172-2023',
  },
];

export function withCitation(source: string, sentence: string): string {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => /^(Căn cứ|Thực hiện) /.test(l));
  lines[i] = sentence;
  return lines.join('\n');
}

export interface CitationResult {
  variant: CitationVariant;
  code: number;
  parentIds: string[];
  summary: string;
}

export interface EvalRun {
  dir: string;
  docs: DocResult[];
  direct: boolean;
  citations: CitationResult[];
  seconds: number;
}

/** The whole evaluation: render, import, check; `plans` limits it to some plans. */
export async function evaluate(plans: readonly string[] = planNames('dev'), formats: readonly Format[] = FORMATS): Promise<EvalRun> {
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-eval-'));
  const rendered = (await renderAll(plans.map(planFile), dir)).filter((r) => formats.includes(r.format));
  const txt = rendered.find((r) => r.format === 'txt');
  const direct = txt ? await checkTakesDocuments(txt.file, dir) : false;
  const docs = await pool(rendered, 3, (r) => importAndCheck(r.file, r.plan, r.format, dir, direct));
  const variants = CITATION_VARIANTS.filter((v) => plans.includes(v.plan));
  const citations = await pool(variants, 3, async (v, i = CITATION_VARIANTS.indexOf(v)): Promise<CitationResult> => {
    const file = join(dir, `citation-${i}.txt`);
    writeFileSync(file, withCitation(readFileSync(planFile(v.plan), 'utf8'), v.sentence));
    const out = join(dir, `citation-${i}.yaml`);
    const r = await kehoach(['import', file, '--plans', PLANS, '--out', out, '--force'], dir);
    let parentIds: string[] = [];
    try {
      const y = parse(readFileSync(out, 'utf8')) as ImportedPlan;
      parentIds = (y.basedOn ?? []).filter((b): b is string => typeof b === 'string');
    } catch {
      /* nothing written */
    }
    return { variant: v, code: r.code, parentIds, summary: (r.err.match(/^parent:.*$/m) ?? [r.err.trim().split('\n').pop() ?? ''])[0]! };
  });
  return { dir, docs, direct, citations, seconds: (Date.now() - t0) / 1000 };
}
