/**
 * The corpus index (src/app/source/corpus-index.ts): a draft check, diff and audit keep each
 * file's head between runs and open only the files that changed. After every change to the
 * corpus (an edit, a re-parented plan, a plan added, renamed, deleted, an id changed) and with a
 * tampered index, each command with the cache says byte for byte what it says without it; a run
 * over an unchanged corpus leaves the index as it was (it read no head), and --no-cache writes none.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ageFiles, chain, corpus, edit, entryParts, plansOf, sealer, type PlanInfo } from './helpers.js';

const TODAY = ['--today', '2026-01-01'];

describe('the corpus index of commands about some plans', () => {
  let dir = '';
  let root = '';
  let plans: PlanInfo[] = [];
  let env: Record<string, string> = {};
  let cacheDir = '';
  beforeAll(async () => {
    ({ dir, root, plans } = await corpus(150, 21));
    cacheDir = join(root, 'cache');
    env = { KEHOACH_CONFIG_DIR: join(root, 'config'), KEHOACH_CACHE_DIR: cacheDir };
    ageFiles(plans);
  });

  const indexFile = (): string | null => {
    const name = existsSync(cacheDir) ? readdirSync(cacheDir).find((f) => f.startsWith('index-')) : undefined;
    return name ? join(cacheDir, name) : null;
  };
  /** Each command with the cache and without: the same output, errors and exit code. */
  async function same(commands: string[][]): Promise<void> {
    for (const args of commands) {
      const cached = await runCli([...args, ...TODAY], env);
      const fresh = await runCli([...args, '--no-cache', ...TODAY], env);
      expect(cached.out, args.join(' ')).toBe(fresh.out);
      expect(cached.err, args.join(' ')).toBe(fresh.err);
      expect(cached.code, args.join(' ')).toBe(fresh.code);
    }
  }
  const commands = (c: ReturnType<typeof chain>): string[][] => [
    ['check', '--plans', dir, '--plan', c.commune.id, '--format', 'json'],
    ['check', '--plans', dir, '--plan', c.commune.file, '--format', 'text'],
    ['diff', c.district.id, c.commune.id, '--plans', dir, '--format', 'json'],
    ['audit', c.district.id, '--plans', dir, '--format', 'json'],
    ['audit', c.province.id, '--plans', dir, '--depth', '2', '--format', 'json'],
  ];
  it('is kept, then read instead of the files: an unchanged corpus is not read again', async () => {
    const c = chain(plans);
    await same(commands(c));
    const index = indexFile();
    expect(index, 'a command about one plan writes the corpus index').not.toBeNull();
    const before = readFileSync(index!, 'utf8');
    await same(commands(c));
    expect(readFileSync(index!, 'utf8') === before, 'nothing changed: no head read, the index left as it was').toBe(true);
  }, 120_000);

  it('follows every change to the corpus', async () => {
    const c = chain(plansOf(dir));
    // A commune of another district moved under this one: the district's audit now has it.
    const other = plans.find((p) => p.level === 'district' && p.id !== c.district.id)!;
    const moved = plans.find((p) => p.level === 'commune' && p.parents[0] === other.id)!;
    const auditBefore = (await runCli(['audit', c.district.id, '--plans', dir, '--format', 'json', ...TODAY], env)).out;
    edit(moved.file, `- ${other.id}`, `- ${c.district.id}`);
    await same(commands(c));
    expect((await runCli(['audit', c.district.id, '--plans', dir, '--format', 'json', ...TODAY], env)).out).not.toBe(auditBefore);
    // The same size, a new mtime (an edit within the index's two seconds is read again too).
    edit(c.district.file, /^title: (.)(.*)$/m, 'title: X$2');
    await same(commands(c));
    // A plan added under the district, then renamed, then deleted.
    const added = join(dir, 'commune', 'them-moi.yaml');
    writeFileSync(added, readFileSync(c.commune.file, 'utf8').replace(/^id: .*$/m, 'id: xa-them-moi'));
    await same(commands(c));
    const renamed = join(dir, 'commune', 'them-moi-2.yaml');
    renameSync(added, renamed);
    await same(commands(c));
    rmSync(renamed);
    await same(commands(c));
    // An ancestor's id changed: its children's parent is not found, as without the index.
    const provinceText = readFileSync(c.province.file, 'utf8');
    edit(c.province.file, /^id: .*$/m, `id: ${c.province.id}-moi`);
    await same(commands(c).slice(0, 3));
    writeFileSync(c.province.file, provinceText);
    // An ancestor copied under a second name: the duplicate id is reported alike.
    const copy = join(dir, 'province', 'ban-sao.yaml');
    copyFileSync(c.province.file, copy);
    await same(commands(c));
    rmSync(copy);
    await same(commands(c));
  }, 240_000);

  it('a full check writes it with every head; a draft check then reads it', async () => {
    const c = chain(plansOf(dir));
    // Files edited just now are read again by every run until they are two seconds older than one (an mtime's granularity).
    ageFiles(plansOf(dir));
    await runCli(['check', dir, '--format', 'json', ...TODAY], env);
    const index = readFileSync(indexFile()!, 'utf8');
    await same(commands(c).slice(0, 2));
    expect(readFileSync(indexFile()!, 'utf8') === index, "the full check's index served the draft as it was").toBe(true);
  }, 120_000);

  it('a tampered or corrupt index is a miss, never another answer', async () => {
    const c = chain(plansOf(dir));
    await same(commands(c));
    const file = indexFile()!;
    const text = readFileSync(file, 'utf8');
    const { header, body } = entryParts(text);
    const sealed = sealer(env['KEHOACH_CONFIG_DIR']!);
    const seal = (b: string): string => sealed(header, b);
    const data = JSON.parse(body) as { ids: (string | null)[]; parents: string[][] };
    // The district's children claimed by nobody: a lying index would leave the audit empty.
    const lying = JSON.stringify({ ...data, parents: data.parents.map((ps) => ps.filter((p) => p !== c.district.id)) });
    const short = JSON.stringify({ ...data, ids: data.ids.slice(1) });
    for (const planted of [text.replace(body, lying), seal(short), seal('{"at":1}'), `${header}\nzz\n{}`, '']) {
      writeFileSync(file, planted);
      await same(commands(c));
    }
  }, 240_000);

  it('--no-cache neither reads nor writes it', async () => {
    const c = chain(plansOf(dir));
    rmSync(cacheDir, { recursive: true, force: true });
    for (const args of commands(c)) await runCli([...args, '--no-cache', ...TODAY], env);
    expect(indexFile()).toBeNull();
  }, 120_000);
});
