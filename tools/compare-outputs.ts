/**
 * Every command's output, byte for byte, from two builds of kehoach: the restructuring of
 * issue 15 must not change what a user sees. Runs one list of commands (check in every format
 * and both languages, diff, audit, graph, validate, link, rules, resolve, import) on the bundled
 * corpus, the examples and a generated corpus, with each bin, and reports every difference.
 *
 *   npx tsx tools/compare-outputs.ts --old <git ref> [--plans 1000]
 *   npx tsx tools/compare-outputs.ts --old-bin <path/to/cli.js> [--new-bin <path>]
 *
 * --old builds that ref in a scratch worktree (its own npm ci). Exit 0 when all outputs agree,
 * 1 when any differs (the first lines of each difference are printed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { old: { type: 'string' }, 'old-bin': { type: 'string' }, 'new-bin': { type: 'string' }, plans: { type: 'string', default: '1000' } },
});

function buildRef(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-old-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: 'ignore' });
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'dist/bundle/cli.js');
}

const oldBin = values['old-bin'] ?? (values.old ? buildRef(values.old) : null);
if (!oldBin) throw new Error('give --old <git ref> or --old-bin <cli.js>');
const newBin = values['new-bin'] ?? join(ROOT, 'dist/bundle/cli.js');

// A generated corpus, the same for both builds (the generator is seeded).
const scratch = mkdtempSync(join(tmpdir(), 'kehoach-compare-'));
const generated = join(scratch, 'generated');
mkdirSync(generated);
{
  // The bench's seeded generator (tools/bench, or src/bench before issue 15 moved it).
  const generator = ['tools/bench/generate.ts', 'src/bench/generate.ts'].map((f) => join(ROOT, f)).find(existsSync)!;
  const { generateCorpus } = (await import(generator)) as { generateCorpus: (o: { out: string; plans: number; shape: number; seed: number }) => Promise<unknown> };
  await generateCorpus({ out: generated, plans: Number(values.plans), shape: 2023, seed: 1 });
}
const hasGenerated = readdirSync(generated).length > 0;

const PLANS = join(ROOT, 'plans');
const EXAMPLES = join(ROOT, 'examples');
const BIM_SON = join(ROOT, 'tests/fixtures/seeds/002_e36d209b1b3f8de2.txt');
const TODAY = ['--today', '2024-06-01'];
const runs: { name: string; args: string[] }[] = [];
for (const lang of ['vi', 'en']) {
  for (const format of ['text', 'json', 'sarif', 'junit', 'github', 'markdown']) {
    runs.push({ name: `check plans ${format} ${lang}`, args: ['check', PLANS, '--format', format, '--lang', lang, '--no-cache', ...TODAY] });
    runs.push({ name: `check plans+examples ${format} ${lang}`, args: ['check', PLANS, EXAMPLES, '--format', format, '--lang', lang, '--no-cache', ...TODAY] });
  }
  for (const format of ['text', 'markdown', 'json', 'html']) {
    runs.push({ name: `diff ${format} ${lang}`, args: ['diff', 'thanh-hoa-172-2023', 'bim-son-2023', '--plans', PLANS, '--format', format, '--lang', lang, ...TODAY] });
  }
  for (const format of ['html', 'markdown', 'json']) {
    runs.push({ name: `audit ${format} ${lang}`, args: ['audit', 'thanh-hoa-172-2023', '--plans', PLANS, '--plans', EXAMPLES, '--format', format, '--lang', lang, ...TODAY] });
    runs.push({ name: `audit national ${format} ${lang}`, args: ['audit', 'qd-346-ttg-2023', '--plans', PLANS, '--depth', '2', '--format', format, '--lang', lang, ...TODAY] });
  }
  runs.push({ name: `check draft ${lang}`, args: ['check', '--plan', join(PLANS, 'district/thanh-hoa/bim-son-2023.yaml'), '--plans', PLANS, '--format', 'json', '--lang', lang, '--no-cache', ...TODAY] });
  runs.push({ name: `check document ${lang}`, args: ['check', BIM_SON, '--plans', PLANS, '--format', 'json', '--lang', lang, '--no-cache', ...TODAY] });
  runs.push({ name: `link ${lang}`, args: ['link', 'bim-son-2023', '--plans', PLANS, '--lang', lang] });
  runs.push({ name: `rules ${lang}`, args: ['rules', '--lang', lang] });
  if (hasGenerated) runs.push({ name: `check generated json ${lang}`, args: ['check', generated, '--format', 'json', '--lang', lang, '--no-cache', ...TODAY] });
}
for (const format of ['text', 'json', 'mermaid', 'dot']) runs.push({ name: `graph ${format}`, args: ['graph', PLANS, EXAMPLES, '--format', format] });
runs.push({ name: 'validate', args: ['validate', PLANS, EXAMPLES] });
runs.push({ name: 'validate broken', args: ['validate', join(ROOT, 'tests/fixtures/load')] });
runs.push({ name: 'import', args: ['import', BIM_SON, '--plans', PLANS] });
runs.push({ name: 'resolve deadline', args: ['resolve', 'deadline', 'Hằng năm, trước ngày 01/11 hoặc đột xuất', '--format', 'json'] });
runs.push({ name: 'resolve agency', args: ['resolve', 'agency', 'Sở Thông tin và Truyền thông; UBND các huyện, thị xã, thành phố', '--level', 'district', '--format', 'json'] });
runs.push({ name: 'schema', args: ['schema'] });

const run = (bin: string, args: string[]) => {
  const cwd = mkdtempSync(join(scratch, 'cwd-'));
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1', KEHOACH_CACHE_DIR: join(cwd, 'cache') }, maxBuffer: 1 << 30 });
  // The $schema reference of an imported plan is relative to where each build lives: not output.
  const out = Buffer.from(r.stdout.toString('utf8').replace(/(\$schema=)\S+/g, '$1<schema>'), 'utf8');
  return { code: r.status, out, err: r.stderr.toString('utf8').split(cwd).join('<cwd>') };
};

let differ = 0;
for (const r of runs) {
  const a = run(oldBin, r.args);
  const b = run(newBin, r.args);
  const same = a.code === b.code && Buffer.compare(a.out, b.out) === 0 && a.err === b.err;
  if (same) continue;
  differ++;
  process.stdout.write(`DIFFERS: ${r.name} (exit ${a.code} → ${b.code})\n`);
  const la = a.out.toString('utf8').split('\n');
  const lb = b.out.toString('utf8').split('\n');
  const i = la.findIndex((l, k) => l !== lb[k]);
  if (i >= 0) process.stdout.write(`  stdout line ${i + 1}:\n  - ${la[i]?.slice(0, 300)}\n  + ${lb[i]?.slice(0, 300)}\n`);
  if (a.err !== b.err) process.stdout.write(`  stderr:\n  - ${a.err.slice(0, 300)}\n  + ${b.err.slice(0, 300)}\n`);
}
process.stdout.write(`${runs.length - differ} of ${runs.length} outputs identical${hasGenerated ? '' : ' (no generated corpus)'}\n`);
process.exit(differ ? 1 : 0);
