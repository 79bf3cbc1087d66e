/**
 * The robustness catalogue, second part (issue 16): nothing lost, nothing overwritten, a cache
 * that can never change an answer, limits that hold for what is read. Every row runs the built
 * bin (dist/bundle/cli.js, built by `npm test`) as a user would, in a temporary folder holding
 * a copy of the bundled plans; the kill and concurrency rows run real child processes.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../src/core/domain/vietnam-day.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'dist/bundle/cli.js');
const TMP = mkdtempSync(join(realpathSync(tmpdir()), 'kehoach-safety-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const BIM_SON = 'plans/district/thanh-hoa/bim-son-2023.yaml';
const TODAY = ['--today', '2026-01-01'];

let n = 0;
/** A fresh folder with a copy of the bundled plans, its own cache and its own key folder. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = join(TMP, `w${n++}`);
  mkdirSync(dir);
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  const env = { ...process.env, KEHOACH_CACHE_DIR: join(dir, '.cache'), KEHOACH_CONFIG_DIR: join(dir, '.config'), NO_COLOR: '1' };
  return { dir, env };
}

function run(w: { dir: string; env: NodeJS.ProcessEnv }, args: string[], extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: w.dir, env: { ...w.env, ...extraEnv }, encoding: 'utf8', timeout: 120_000 });
}

/** No run may end in a stack trace or an "internal error". */
function clean(r: SpawnSyncReturns<string>): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
}

/** A copy of the built program anyone can read (the bundle needs no node_modules for YAML plans), outside TMP. */
let stage: string | null = null;
afterAll(() => {
  if (stage) rmSync(stage, { recursive: true, force: true });
});
function stagedBin(): string {
  if (!stage) {
    stage = mkdtempSync(join(realpathSync(tmpdir()), 'kehoach-stage-'));
    chmodSync(stage, 0o755);
  }
  const app = join(stage, 'app');
  if (!existsSync(app)) {
    for (const part of ['dist/bundle', 'dist/tables', 'dist/build-id.txt', 'rules', 'package.json']) cpSync(join(ROOT, part), join(app, part), { recursive: true });
    execFileSync('chmod', ['-R', 'a+rX', app]);
  }
  return join(app, 'dist/bundle/cli.js');
}

beforeAll(() => {
  expect(existsSync(BIN), 'npm test builds dist/bundle/cli.js first').toBe(true);
});

describe('writes: atomic, never over an input, serialised', () => {
  it('check -o naming an input plan (directly or through a symbolic link) is refused, exit 2, the plan intact; diff and audit too', () => {
    const w = workspace();
    const before = readFileSync(join(w.dir, 'plans/province/thanh-hoa-172-2023.yaml'), 'utf8');
    for (const args of [
      ['check', 'plans', '-o', 'plans/province/thanh-hoa-172-2023.yaml'],
      ['diff', 'thanh-hoa-172-2023', 'bim-son-2023', '-o', 'plans/province/thanh-hoa-172-2023.yaml'],
      ['audit', 'thanh-hoa-172-2023', '-o', './plans/province/../province/thanh-hoa-172-2023.yaml'],
    ]) {
      const r = run(w, [...args, ...TODAY]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/thanh-hoa-172-2023\.yaml: đó là một tệp đầu vào/);
      clean(r);
    }
    // A one-plan check answered through the cache's index reads only the draft and its ancestors;
    // another corpus plan is an input all the same.
    expect(run(w, ['check', 'plans', ...TODAY]).status).toBe(0);
    const other = run(w, ['check', 'plans', '--plan', 'bim-son-2023', '-o', 'plans/province/can-tho-2023.yaml', ...TODAY]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('can-tho-2023.yaml: đó là một tệp đầu vào');
    symlinkSync(join(w.dir, 'plans/province/thanh-hoa-172-2023.yaml'), join(w.dir, 'report.json'));
    const r = run(w, ['check', 'plans', '-o', 'report.json', '--lang', 'en', ...TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is an input of this run');
    expect(readFileSync(join(w.dir, 'plans/province/thanh-hoa-172-2023.yaml'), 'utf8')).toBe(before);
  });

  it('import --force never replaces the document it imports', () => {
    const w = workspace();
    const doc = join(w.dir, 'bim-son.txt');
    cpSync(join(ROOT, 'tests/fixtures/import/synthetic-district.txt'), doc);
    const before = readFileSync(doc, 'utf8');
    const r = run(w, ['import', 'bim-son.txt', '--out', 'bim-son.txt', '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bim-son.txt: đó là một tệp đầu vào');
    expect(readFileSync(doc, 'utf8')).toBe(before);
    clean(r);
  });

  it('-o through a symbolic link writes its target, the link stays; an existing report keeps its mode', () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'target.json'), 'old');
    chmodSync(join(w.dir, 'target.json'), 0o640);
    symlinkSync('target.json', join(w.dir, 'link.json'));
    const r = run(w, ['check', 'plans', '--format', 'json', '-o', 'link.json', ...TODAY]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(w.dir, 'target.json'), 'utf8')).version).toBe(1);
    expect(statSync(join(w.dir, 'target.json')).mode & 0o777).toBe(0o640);
    expect(readdirSync(w.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file the user cannot write is refused with a message, exit 2 (run as an unprivileged user when root)', () => {
    const w = workspace();
    const plan = join(w.dir, BIM_SON);
    chmodSync(plan, 0o444);
    chmodSync(w.dir, 0o777);
    const before = readFileSync(plan, 'utf8');
    // Root may write anything: the refusal is what an ordinary user meets, so run as one. That
    // user may not reach the project's own folder (a clone under a private temporary folder):
    // it runs a copy of the built program — the bundle, its tables and rules, package.json —
    // staged in the workspace, which it can read.
    const root = process.getuid?.() === 0;
    const bin = root ? stagedBin() : BIN;
    const args = [bin, 'link', BIM_SON, '--plans', 'plans', '--write'];
    const asUser = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    // The unprivileged user must reach the workspace (the temporary root is private): a folder
    // it cannot search is itself a located error, tested below.
    for (const d of [TMP, w.dir, join(w.dir, 'plans'), join(w.dir, 'plans/district'), join(w.dir, 'plans/district/thanh-hoa')]) chmodSync(d, d === TMP ? 0o711 : 0o777);
    const r = spawnSync(asUser[0]!, [...asUser.slice(1), ...args], { cwd: w.dir, env: { ...w.env, KEHOACH_CONFIG_DIR: join(w.dir, '.config-user') }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('không ghi được');
    expect(r.stderr).toContain('không có quyền ghi');
    clean(r);
    expect(readFileSync(plan, 'utf8')).toBe(before);
    if (asUser.length > 1) {
      // A corpus below a folder the user cannot search: located, exit 2, no internal error —
      // named absolutely (stat fails), and relative to a working folder inside it (stat succeeds,
      // resolving the real path fails: this was an internal error).
      chmodSync(TMP, 0o700);
      const hidden = spawnSync(asUser[0]!, [...asUser.slice(1), bin, 'validate', join(w.dir, 'plans')], { cwd: '/', encoding: 'utf8' });
      expect(hidden.status).toBe(2);
      expect(hidden.stderr).toMatch(/plans:1:1: lỗi: không đọc được: không có quyền truy cập \[unreadable\]/);
      clean(hidden);
      const inside = spawnSync(asUser[0]!, [...asUser.slice(1), bin, 'validate', 'plans'], { cwd: w.dir, encoding: 'utf8' });
      expect(inside.status).toBe(2);
      expect(inside.stderr).toMatch(/^plans:1:1: lỗi: không đọc được: không có quyền truy cập \[unreadable\]/m);
      clean(inside);
      chmodSync(TMP, 0o711);
    }
  });

  it('six link --write at once on one plan write each link once', async () => {
    const w = workspace();
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<{ code: number | null; out: string }>((done) => {
          const p = spawn(process.execPath, [BIN, 'link', BIM_SON, '--plans', 'plans', '--write'], { cwd: w.dir, env: w.env });
          let out = '';
          p.stdout.on('data', (d: Buffer) => (out += d.toString()));
          p.on('close', (code) => done({ code, out }));
        }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(runs.filter((r) => r.out.includes('Đã ghi')).length).toBe(1);
    const text = readFileSync(join(w.dir, BIM_SON), 'utf8');
    const links = text.match(/^\s+- plan: thanh-hoa-172-2023$/gm) ?? [];
    expect(links.length).toBe(new Set(text.match(/task: \S+\n\s+fingerprint: \S+/g)).size);
    expect(text.match(/implements:/g)?.length).toBe(3);
    expect(readdirSync(join(w.dir, 'plans/district/thanh-hoa')).sort()).toEqual(['bim-son-2023.yaml']);
  });

  it('a lock left by a killed writer does not block the next one', () => {
    const w = workspace();
    // A pid that is not running: a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(w.dir, `${BIM_SON}.kehoach-lock`), `${dead}\nstale\n`);
    const r = run(w, ['link', BIM_SON, '--plans', 'plans', '--write']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã ghi 3 liên kết');
    expect(existsSync(join(w.dir, `${BIM_SON}.kehoach-lock`))).toBe(false);
  });

  it('SIGKILL and SIGINT in the middle of a write leave the old file whole', async () => {
    const w = workspace();
    const target = join(w.dir, 'big.txt');
    writeFileSync(target, 'the old report\n');
    // A real child process writing 256 MB through the same writer the commands use.
    const script = `import('${join(ROOT, 'dist/app/write.js')}').then((m) => m.writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(256 * 1048576), { overwrite: true }))`;
    for (const signal of ['SIGKILL', 'SIGINT'] as const) {
      const child = spawn(process.execPath, ['-e', script], { cwd: w.dir });
      // Kill it once the temporary file has some of the new text in it: mid-write.
      await new Promise<void>((done) => {
        const poll = setInterval(() => {
          const tmp = readdirSync(w.dir).find((f) => f.startsWith('.big.txt.') && f.endsWith('.tmp'));
          if (tmp && statSync(join(w.dir, tmp), { throwIfNoEntry: false })?.size) {
            clearInterval(poll);
            child.kill(signal);
            done();
          }
        }, 1);
      });
      await new Promise((done) => child.on('close', done));
      expect(readFileSync(target, 'utf8'), signal).toBe('the old report\n');
      for (const f of readdirSync(w.dir).filter((x) => x.endsWith('.tmp'))) rmSync(join(w.dir, f));
    }
  }, 60_000);
});

describe('output that cannot be delivered', () => {
  it('-o /dev/null writes into the device and leaves it a device (a rename would put a file in its place for every process)', () => {
    // A build from before the fix (an older bin, a bench --vs run) leaves a regular file there: said as such.
    expect(statSync('/dev/null').isCharacterDevice(), 'the machine\'s /dev/null was already a regular file before this test (restore: mknod -m 666 /dev/null c 1 3)').toBe(true);
    const w = workspace();
    for (const args of [['check', 'plans', '--no-cache', '-f', 'json'], ['audit', 'thanh-hoa-172-2023', '-f', 'html']]) {
      const r = run(w, [...args, '-o', '/dev/null']);
      expect(r.status, args.join(' ')).toBe(0);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
  });

  it('a report to a full disk (> /dev/full) is an error, exit 2; -o on a full disk too', () => {
    const w = workspace();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check plans --today 2026-01-01 > /dev/full`], { cwd: w.dir, env: w.env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('không ghi được ra đầu ra chuẩn (ENOSPC)');
    clean(r);
  });

  it('a closed stdout pipe (| head) ends quietly with the computed exit code; a closed stderr keeps exit 2 for a load error', () => {
    const w = workspace();
    // Bỉm Sơn's late conference made an error: the check exits 1 whatever reads its output.
    const strict = run(w, ['check', 'plans', '--fail-on', 'warning', ...TODAY]);
    expect(strict.status).toBe(1);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check plans --fail-on warning --today 2026-01-01 | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: w.dir, env: w.env, encoding: 'utf8' });
    expect(piped.stdout.trim()).toBe('1');
    expect(piped.stderr).toBe('');
    const stderrClosed = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" validate nowhere.yaml 2> >(head -c 0); echo "$?"`], { cwd: w.dir, env: w.env, encoding: 'utf8' });
    expect(stderrClosed.stdout.trim()).toBe('2');
  });
});

describe('the cache can never change an answer', () => {
  const json = ['--format', 'json', ...TODAY];

  it('--plan <id> through the index after the corpus changed: a renamed id, a duplicate id, a broken file are seen as without the cache', () => {
    const w = workspace();
    expect(run(w, ['check', 'plans', ...json]).status).toBe(0); // writes the cache and the index
    const warm = run(w, ['check', 'plans', '--plan', 'bim-son-2023', ...json]);
    expect(warm.status).toBe(0);
    const file = join(w.dir, BIM_SON);
    const original = readFileSync(file, 'utf8');

    // The id renamed away: there is no plan bim-son-2023 any more.
    writeFileSync(file, original.replace('id: bim-son-2023', 'id: bim-son-2023-b'));
    for (const cache of [[], ['--no-cache']]) {
      const r = run(w, ['check', 'plans', '--plan', 'bim-son-2023', ...json, ...cache]);
      expect(r.status, `renamed ${cache.join(' ')}: ${r.stderr}`).toBe(2);
      clean(r);
    }
    writeFileSync(file, original);
    expect(run(w, ['check', 'plans', ...json]).status).toBe(0);

    // A second file claiming the id, and a broken YAML file, added to the corpus.
    for (const [name, text] of [['copy.yaml', original], ['broken.yaml', 'id: [unclosed\n']] as const) {
      writeFileSync(join(w.dir, 'plans', name), text);
      const cached = run(w, ['check', 'plans', '--plan', 'bim-son-2023', ...json]);
      const fresh = run(w, ['check', 'plans', '--plan', 'bim-son-2023', ...json, '--no-cache']);
      expect(cached.status, name).toBe(2);
      expect(cached.stderr).toBe(fresh.stderr);
      rmSync(join(w.dir, 'plans', name));
    }
  });

  it('an entry tampered with (findings emptied, report broken) or forged without the key is a miss, never the answer', () => {
    const w = workspace();
    const strict = ['check', 'plans', '--fail-on', 'warning', ...json];
    const first = run(w, strict);
    expect(first.status).toBe(1);
    const slot = readdirSync(join(w.dir, '.cache')).find((f) => f.startsWith('check-'))!;
    const entry = join(w.dir, '.cache', slot);
    const [header, mac, body] = readFileSync(entry, 'utf8').split('\n', 3) as [string, string, string];
    const data = JSON.parse(body) as { report: { findings: unknown[]; summary: Record<string, number> } };

    // Findings emptied and the summary made to agree, the old seal kept: it does not verify.
    const emptied = { ...data, report: { ...data.report, findings: [], summary: { error: 0, warning: 0, info: 0, waived: 0, unchecked: 0 } } };
    writeFileSync(entry, `${header}\n${mac}\n${JSON.stringify(emptied)}`);
    const r1 = run(w, strict);
    expect(r1.status).toBe(1);
    expect(r1.stdout).toBe(first.stdout);

    // Sealed with a key of the attacker's own (another config folder): still a miss here.
    const other = { ...w, env: { ...w.env, KEHOACH_CONFIG_DIR: join(w.dir, '.attacker') } };
    writeFileSync(entry, `${header}\n${mac}\n${JSON.stringify(emptied)}`);
    run(other, ['check', 'plans', ...json]); // writes an entry under the attacker's key
    const r2 = run(w, strict);
    expect(r2.status).toBe(1);
    expect(r2.stdout).toBe(first.stdout);

    // A report of the wrong shape, correctly sealed (as a bug could write it): a miss, not a crash.
    const key = Buffer.from(readFileSync(join(w.dir, '.config', 'cache-key'), 'utf8').trim(), 'hex');
    const broken = JSON.stringify({ ...data, report: { ...data.report, findings: 'none' } });
    const hmac = execFileSync(process.execPath, ['-e', `process.stdout.write(require('node:crypto').createHmac('sha256', Buffer.from('${key.toString('hex')}', 'hex')).update(require('node:fs').readFileSync(0, 'utf8')).digest('hex'))`], { input: broken, encoding: 'utf8' });
    writeFileSync(entry, `${header}\n${hmac}\n${broken}`);
    const r3 = run(w, strict);
    expect(r3.status).toBe(1);
    expect(r3.stdout).toBe(first.stdout);
    clean(r3);
  });

  it('the key is created once, readable by its user only, outside the cache folder', () => {
    const w = workspace();
    run(w, ['check', 'plans', ...json]);
    const key = join(w.dir, '.config', 'cache-key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(w.dir, '.cache')).some((f) => f.includes('key'))).toBe(false);
    expect(readdirSync(join(w.dir, '.cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('limits and inputs', () => {
  it('/dev/zero as a plan, a .yaml symbolic link to it and a configuration read no more than the limit, exit 2', () => {
    const w = workspace();
    symlinkSync('/dev/zero', join(w.dir, 'zero.yaml'));
    for (const args of [['validate', '/dev/zero'], ['validate', 'zero.yaml'], ['check', 'plans', '--config', '/dev/zero']]) {
      const r = run(w, [...args, '--max-file-size', '1']);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/tệp dài hơn giới hạn (1|10) MB \(nâng giới hạn bằng --max-file-size <MB>\) \[too-large\]/);
      clean(r);
    }
  });

  it('KEHOACH_WORKERS=10000 is capped with a warning; an empty path or option is an error', () => {
    const w = workspace();
    const json = ['--format', 'json', ...TODAY];
    const r = run(w, ['check', 'plans', '--no-cache', ...json], { KEHOACH_WORKERS: '10000' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/KEHOACH_WORKERS=10000 quá lớn; dùng \d+ luồng/);
    for (const args of [['validate', ''], ['validate', '--plans', '', 'plans'], ['check', 'plans', '-o', '']]) {
      const e = run(w, args);
      expect(e.status, args.join(' ')).toBe(2);
      expect(e.stderr).toMatch(/để trống \(""\)/);
    }
  });

  it('dates off the calendar are load errors; config keys that are not rule ids (__proto__) too', () => {
    const w = workspace();
    const file = join(w.dir, 'plans/province/thanh-hoa-172-2023.yaml');
    const original = readFileSync(file, 'utf8');
    expect(original).toMatch(/^issued: /m);
    writeFileSync(file, original.replace(/^issued: .*$/m, 'issued: 2023-02-30'));
    const r = run(w, ['validate', 'plans']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/thanh-hoa-172-2023\.yaml:\d+:\d+: lỗi: issued: không phải một ngày có trên lịch/);
    // A waiver's expiry of month 13 was compared as a string: now it does not load.
    writeFileSync(file, `${original}waivers:\n  - rule: late-deadline\n    reason: x\n    expires: 2025-13-99\n`);
    const e = run(w, ['validate', 'plans']);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/lỗi: waivers\.0\.expires: không phải một ngày có trên lịch/);
    writeFileSync(file, original);
    writeFileSync(join(w.dir, 'c.yaml'), 'severity:\n  __proto__: off\n');
    const c = run(w, ['check', 'plans', '--config', 'c.yaml']);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/c\.yaml:2:3: lỗi: severity\.__proto__: không có quy tắc nào mang mã này/);
    const t = run(w, ['check', 'plans', '--today', '2023-02-30']);
    expect(t.status).toBe(2);
  });

  it('--today defaults to the date in Vietnam', () => {
    expect(vietnamDay(new Date('2026-12-03T16:59:59Z'))).toBe('2026-12-03');
    expect(vietnamDay(new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
    expect(vietnamDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('task keys equal after NFC and trimming are one key: repeated, a load error', () => {
    const w = workspace();
    const file = join(w.dir, BIM_SON);
    // Two keys: "II.1.a" and " II.1.a" (a space pasted before it).
    writeFileSync(file, readFileSync(file, 'utf8').replace('key: II.1.b', 'key: " II.1.a"'));
    const r = run(w, ['validate', 'plans']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/khóa nhiệm vụ "II\.1\.a" dùng hai lần/);
  });
});
