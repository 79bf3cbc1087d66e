/**
 * The catalogue of bad inputs (issue 8, Robustness). Each row is one input and what the
 * program must answer:
 * - `load`: the input cannot be loaded. Both `validate` and `check --format json` (unless a
 *   row names one command) exit 2, print nothing on stdout, and print on stderr exactly the
 *   listed `file:line:column: error: message [code]` lines, then the one-line summary.
 * - `loads`: the input loads (`validate` exits 0 with its summary).
 * - `findings`: the input loads but has problems; `check --format json` reports them at the
 *   listed positions, exit 0 with the default --fail-on error and 1 with --fail-on warning.
 * No run may print a stack trace, an "internal error" or anything but those lines.
 *
 * Inputs that cannot be committed are made at test time in a temporary directory: the 50 MB
 * file, an empty directory, symbolic link loops, deeply nested YAML. An unreadable file
 * cannot be met as root, so it is simulated with an injected file system (as in
 * tests/load/load-errors.test.ts). Fixtures from tests/fixtures/load are reused.
 *
 * Every row states what the program must do, and it does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportLoadErrors, type CliIO } from '../../src/cli/commands/context.js';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import type { FsLike } from '../../src/app/source/files.js';
import type { Report, Severity } from '../../src/core/model/finding.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const TODAY = '2026-01-01';
const L = 'tests/fixtures/load';
const R = 'tests/fixtures/robustness';
/** Generated inputs live here (a real path: symlink messages name real paths). */
const TMP = mkdtempSync(join(realpathSync(tmpdir()), 'kehoach-catalogue-'));
// These tests read the English messages (the default is Vietnamese: tests/format/said.test.ts).
const ENV = { KEHOACH_CACHE_DIR: join(TMP, '.cache'), KEHOACH_LANG: 'en' };
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** One located load error line, as the CLI prints it. */
const E = (file: string, line: number, column: number, message: string, code: string): string => `${file}:${line}:${column}: error: ${message} [${code}]`;

interface FindingExpect {
  rule: string;
  severity: Severity;
  task: string | null;
  file: string;
  /** Omitted where another row pins the position. */
  line?: number;
  column?: number;
  /** A subset of the finding's data. */
  data?: Record<string, unknown>;
}

interface Base {
  id: string;
  /** The name for this input. */
  covers: string;
  /** Makes generated inputs (idempotent). */
  setup?: () => void;
  /** Why the row is expected to fail today: the bug, where it lives, and what happens instead. */
}

interface LoadRow extends Base {
  kind: 'load';
  paths: string[];
  /** Extra options, given to every command. */
  extra?: string[];
  commands?: readonly ('validate' | 'check')[];
  /** Located lines that must appear; with `exact` (default) no other error line may. */
  lines: (string | RegExp)[];
  exact?: boolean;
  /** Runs something other than the two commands (a simulated fs, a child process). */
  run?: () => Promise<CliRun>;
}

interface LoadsRow extends Base {
  kind: 'loads';
  paths: string[];
  extra?: string[];
  summary: string;
}

interface FindingsRow extends Base {
  kind: 'findings';
  paths: string[];
  extra?: string[];
  findings: FindingExpect[];
  /** Rules that must not appear. */
  absent?: string[];
  /** Exit code with the default --fail-on error, and with --fail-on warning. */
  code: 0 | 1;
  codeFailOnWarning: 0 | 1;
}

/** Runs the built bin (a child process) and looks at what it printed: the reports themselves. */
interface OutputRow extends Base {
  kind: 'output';
  runs: { args: string[]; code: number; check: (r: CliRun) => void }[];
}

type Row = LoadRow | LoadsRow | FindingsRow | OutputRow;

// ---------------------------------------------------------------------------------------
// Generated inputs.

const BIG = join(TMP, 'big');
const makeBig = (): void => {
  if (existsSync(join(BIG, 'plan.yaml'))) return;
  mkdirSync(BIG, { recursive: true });
  const size = 50 * 1048576;
  const head = 'id: big\ntitle: Kế hoạch rất lớn\nlevel: province\ntasks: []\n';
  const line = `# ${'x'.repeat(1021)}\n`;
  const body = head + line.repeat(Math.ceil((size - Buffer.byteLength(head)) / line.length));
  writeFileSync(join(BIG, 'plan.yaml'), Buffer.from(body, 'utf8').subarray(0, size));
};

const EMPTY = join(TMP, 'empty');
const LOOP = join(TMP, 'loop');
const makeLoop = (): void => {
  if (existsSync(LOOP)) return;
  mkdirSync(join(LOOP, 'sub'), { recursive: true });
  writeFileSync(join(LOOP, 'sub', 'p.yaml'), 'id: p\ntitle: P\nlevel: province\ntasks: []\n');
  symlinkSync('..', join(LOOP, 'sub', 'up')); // a directory that leads back to its parent
  symlinkSync('self', join(LOOP, 'self')); // a link to itself: ELOOP
};
const DANGLING = join(TMP, 'dangling');
const makeDangling = (): void => {
  if (existsSync(DANGLING)) return;
  mkdirSync(DANGLING);
  symlinkSync('nowhere.yaml', join(DANGLING, 'plan.yaml'));
};

/** YAML nested deeper than the yaml package's composer can recurse (flow sequences). */
const DEEP1 = join(TMP, 'deep-one');
const DEEP2 = join(TMP, 'deep-two');
const deepText = '['.repeat(20000) + ']'.repeat(20000) + '\n';
const makeDeep = (): void => {
  if (existsSync(DEEP2)) return;
  mkdirSync(DEEP1);
  mkdirSync(DEEP2);
  writeFileSync(join(DEEP1, 'plan.yaml'), deepText);
  writeFileSync(join(DEEP2, 'a.yaml'), deepText);
  writeFileSync(join(DEEP2, 'b.yaml'), deepText);
};

/**
 * Plan text meant to act on a terminal or a reader (issue 16): ESC, BEL, a bidi override,
 * backticks, HTML; in titles, task titles, an agency name and a waiver reason; and file names
 * with a backtick and, where the file system allows, a line break and an escape sequence.
 */
const HOSTILE = join(TMP, 'hostile');
/** In YAML double-quoted escapes: ESC, BEL, RIGHT-TO-LEFT OVERRIDE. */
const EVIL = 'Đỏ \\e[31m chuông \\a ngược \\u202E lại `mã` ``hai`` <b>đậm</b>';
/** The child's file name (with a line break and an escape sequence where the file system takes them). */
let hostileChild = '';
const makeHostile = (): void => {
  if (existsSync(HOSTILE)) return;
  mkdirSync(HOSTILE);
  writeFileSync(
    join(HOSTILE, 'parent.yaml'),
    `id: hostile-parent\ntitle: "Kế hoạch cha ${EVIL}"\nlevel: national\ntasks:\n` +
      '  - key: I.1\n    title: Tổ chức hội nghị quán triệt Luật\n    lead: [Bộ Nội vụ]\n    deadline: Quý III năm 2023\n' +
      `  - key: I.2\n    title: "Rà soát văn bản ${EVIL}"\n    lead: ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]\n    deadline: Quý III năm 2023\n`,
  );
  const child =
    `id: hostile-child\ntitle: "Kế hoạch con ${EVIL}"\nlevel: province\nbasedOn: [hostile-parent]\ntasks:\n` +
    '  - key: I.1\n    title: Tổ chức hội nghị quán triệt Luật\n    lead: [Sở Nội vụ]\n    deadline: Quý IV năm 2023\n    implements: [I.1]\n' +
    `  - key: I.3\n    title: "Tiếp dân định kỳ \\a\\e[1m"\n    lead: ["Ban Chỉ đạo \\e[5m Vũ trụ \\u202E tỉnh"]\n    deadline: Quý IV năm 2023\n` +
    `waivers:\n  - rule: late-deadline\n    task: I.1\n    reason: "lý do ${EVIL}\\nnext"\n`;
  for (const name of ['con`\n\x1b[31m`.yaml', 'con``.yaml']) {
    try {
      writeFileSync(join(HOSTILE, name), child);
      hostileChild = name;
      return;
    } catch {
      // A file system that refuses a line break in a name: the next, with a backtick only.
    }
  }
};
/** A file that cannot load, its name as hostile as the file system takes. */
const HOSTILE_BROKEN = join(TMP, 'hostile-broken');
const makeHostileBroken = (): void => {
  if (existsSync(HOSTILE_BROKEN)) return;
  mkdirSync(HOSTILE_BROKEN);
  for (const name of ['hỏng`\n\x1b[2J\u202e.yaml', 'hỏng`.yaml']) {
    try {
      writeFileSync(join(HOSTILE_BROKEN, name), 'id: broken\ntitle: "x\n');
      return;
    } catch {
      // as above
    }
  }
};

/** What none of the reports may carry raw: C0 (but the formats' own line breaks), DEL, C1, line separators, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The file name as every format shows it: control characters escaped (the one form, visibleControls). */
const shownName = (): string => hostileChild.replace(/\n/g, '\\n').replace(/\x1b/g, '\\x1b');

/** The content of a Markdown code span (CommonMark), or null when `s` is not exactly one. */
function codeSpan(s: string): string | null {
  const open = /^`+/.exec(s)?.[0];
  if (!open) return null;
  const close = [...s.slice(open.length).matchAll(/`+/g)].find((r) => r[0].length === open.length);
  if (!close || open.length + close.index + close[0].length !== s.length) return null;
  const inner = s.slice(open.length, open.length + close.index);
  return inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

/** A chain of `n` plans, each based on the one before. */
const makeChain = (dir: string, n: number) => (): void => {
  if (existsSync(join(dir, 'p0.yaml'))) return;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const based = i ? `basedOn: [p${i - 1}]\n` : '';
    writeFileSync(join(dir, `p${i}.yaml`), `id: p${i}\ntitle: Kế hoạch số ${i}\nlevel: ${i ? 'province' : 'national'}\n${based}tasks:\n  - key: I.1\n    title: Tổ chức hội nghị quán triệt Luật\n    lead: [Bộ Nội vụ]\n    deadline: Quý III năm 2023\n`);
  }
};
const CHAIN2000 = join(TMP, 'chain-2000');
const CHAIN5000 = join(TMP, 'chain-5000');
/** 40 levels of two plans, each based on both plans above: 2^40 paths from the top. */
const SHARED = join(TMP, 'shared-parents');
const makeShared = (): void => {
  if (existsSync(SHARED)) return;
  mkdirSync(SHARED);
  for (let l = 0; l < 40; l++) {
    for (const s of ['a', 'b']) {
      const based = l ? `basedOn: [s${l - 1}a, s${l - 1}b]\n` : '';
      writeFileSync(join(SHARED, `s${l}${s}.yaml`), `id: s${l}${s}\ntitle: Kế hoạch ${l}${s}\nlevel: ${l ? 'province' : 'national'}\n${based}tasks:\n  - key: I.1\n    title: Tổ chức hội nghị quán triệt Luật\n    lead: [Bộ Nội vụ]\n    deadline: Quý III năm 2023\n`);
    }
  }
};

/**
 * The program in a child process: a V8 abort must not take the test runner down, and what
 * the process itself prints (Node warnings) is seen. `built` runs dist/cli.js (`npm test`
 * builds first), else the sources through tsx.
 */
async function inChildProcess(args: string[], built = true): Promise<CliRun> {
  const entry = built ? ['dist/cli.js'] : ['--import', 'tsx', 'src/cli.ts'];
  const r = spawnSync(process.execPath, [...entry, ...args], { encoding: 'utf8', env: { ...process.env, ...ENV, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 1 << 28 });
  return { code: r.status ?? 128, out: r.stdout, err: r.stderr };
}

/** Loads through an injected file system, and reports like the CLI does. */
async function withFakeFs(path: string, fs: FsLike): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env: { KEHOACH_LANG: 'en' } };
  const r = await loadCorpusFromPaths([path], { fs });
  const code = r.ok ? 0 : reportLoadErrors(io, r.errors);
  return { code, out, err };
}

const denied = (): Error => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
const fakeFs = (failing: 'readFile' | 'readdir'): FsLike => ({
  stat: async (p) => ({ isDirectory: () => p === 'virtual', isFile: () => p !== 'virtual', size: 64 }),
  readdir: async () => {
    if (failing === 'readdir') throw denied();
    return ['plan.yaml'];
  },
  realpath: async (p) => p,
  readFile: async () => {
    if (failing === 'readFile') throw denied();
    return new TextEncoder().encode('id: p\ntitle: P\nlevel: province\ntasks: []\n');
  },
});

// ---------------------------------------------------------------------------------------
// The catalogue.

const CATALOGUE: Row[] = [
  // Malformed YAML.
  {
    id: 'unterminated-quote',
    covers: 'malformed YAML',
    kind: 'load',
    paths: [`${L}/yaml-syntax`],
    lines: [E(`${L}/yaml-syntax/plan.yaml`, 2, 8, 'Missing closing "quote', 'yaml-syntax')],
  },
  {
    id: 'colon-in-title',
    covers: 'malformed YAML',
    kind: 'load',
    paths: [`${R}/colon-in-title`],
    lines: [
      E(`${R}/colon-in-title/plan.yaml`, 2, 8, 'Nested mappings are not allowed in compact mappings', 'yaml-syntax'),
      E(`${R}/colon-in-title/plan.yaml`, 2, 18, 'Nested mappings are not allowed in compact mappings', 'yaml-syntax'),
    ],
  },
  {
    id: 'bad-indent',
    covers: 'malformed YAML',
    kind: 'load',
    paths: [`${R}/bad-indent`],
    lines: [
      E(`${R}/bad-indent/plan.yaml`, 6, 12, 'Implicit keys need to be on a single line', 'yaml-syntax'),
      E(`${R}/bad-indent/plan.yaml`, 6, 12, 'Nested mappings are not allowed in compact mappings', 'yaml-syntax'),
    ],
  },
  {
    id: 'multi-doc',
    covers: 'malformed YAML',
    kind: 'load',
    paths: [`${R}/multi-doc`],
    lines: [E(`${R}/multi-doc/plan.yaml`, 5, 1, 'Source contains multiple documents; a plan file holds one YAML document', 'yaml-syntax')],
  },
  {
    id: 'tabs',
    covers: 'tabs',
    kind: 'load',
    paths: [`${R}/tabs`],
    // yaml adds a spurious follow-on "Map keys must be unique" at 6:4 (nothing is repeated there); only the tab lines are pinned.
    lines: [E(`${R}/tabs/plan.yaml`, 5, 1, 'Tabs are not allowed as indentation', 'yaml-syntax'), E(`${R}/tabs/plan.yaml`, 6, 1, 'Tabs are not allowed as indentation', 'yaml-syntax')],
    exact: false,
  },
  {
    id: 'alias-bomb',
    covers: 'YAML alias bomb',
    kind: 'load',
    paths: [`${L}/alias-bomb`],
    lines: [E(`${L}/alias-bomb/plan.yaml`, 1, 1, 'Excessive alias count indicates a resource exhaustion attack', 'yaml-syntax')],
  },
  {
    id: 'deep-nesting-one-file',
    covers: 'malformed YAML (nested 20 000 deep)',
    kind: 'load',
    setup: makeDeep,
    paths: [DEEP1],
    commands: ['validate'],
    run: () => inChildProcess(['validate', DEEP1], false),
    lines: [new RegExp(`^${DEEP1}/plan\\.yaml:1:\\d+: error: .+ \\[yaml-syntax\\]$`)],
  },
  {
    id: 'deep-nesting-two-files',
    covers: 'malformed YAML (nested 20 000 deep, twice)',
    kind: 'load',
    setup: makeDeep,
    paths: [DEEP2],
    commands: ['validate'],
    run: () => inChildProcess(['validate', DEEP2], false),
    lines: [new RegExp(`^${DEEP2}/a\\.yaml:1:\\d+: error: .+ \\[yaml-syntax\\]$`), new RegExp(`^${DEEP2}/b\\.yaml:1:\\d+: error: .+ \\[yaml-syntax\\]$`)],
  },
  // Size, encoding, file kinds.
  {
    id: 'too-large',
    covers: 'a 50 MB file',
    kind: 'load',
    setup: makeBig,
    paths: [BIG],
    lines: [E(`${BIG}/plan.yaml`, 1, 1, 'file is 50.0 MB, over the 10 MB limit (raise it with --max-file-size <MB>)', 'too-large')],
  },
  { id: 'too-large-raised', covers: 'a 50 MB file, --max-file-size 60', kind: 'loads', setup: makeBig, paths: [BIG], extra: ['--max-file-size', '60'], summary: '1 plans, 0 tasks: all valid\n' },
  { id: 'binary', covers: 'binary file', kind: 'load', paths: [`${L}/binary`], lines: [E(`${L}/binary/plan.yaml`, 1, 1, 'this is a binary file, not a YAML plan', 'binary')] },
  {
    id: 'invalid-utf8',
    covers: 'binary file (bytes that are not UTF-8)',
    kind: 'load',
    paths: [`${R}/invalid-utf8`],
    lines: [E(`${R}/invalid-utf8/plan.yaml`, 1, 1, 'the file is not valid UTF-8 text', 'unreadable')],
  },
  {
    id: 'empty-file',
    covers: 'missing required fields (nothing at all)',
    kind: 'load',
    paths: [`${L}/empty-file`],
    lines: [E(`${L}/empty-file/plan.yaml`, 1, 1, 'the file is empty: a plan needs id, title, level and tasks', 'schema')],
  },
  { id: 'bom', covers: 'BOM', kind: 'loads', paths: [`${R}/bom`], summary: '1 plans, 1 tasks: all valid\n' },
  {
    id: 'bom-position',
    covers: 'BOM (columns on line 1 do not count it)',
    kind: 'load',
    paths: [`${R}/bom-error`],
    lines: [E(`${R}/bom-error/plan.yaml`, 1, 5, 'id: an id is lower-case kebab-case: letters a-z, digits and "-"', 'schema')],
  },
  {
    id: 'crlf-position',
    covers: 'CRLF (positions right)',
    kind: 'load',
    paths: [`${R}/crlf-error`],
    lines: [E(`${R}/crlf-error/plan.yaml`, 7, 5, 'tasks.0.deadlin: Unrecognized key: "deadlin"', 'schema')],
  },
  // Schema.
  {
    id: 'wrong-types',
    covers: 'wrong types',
    kind: 'load',
    paths: [`${L}/schema-type`],
    lines: [
      E(`${L}/schema-type/plan.yaml`, 3, 8, 'level: Invalid option: expected one of "national"|"province"|"district"|"commune"|"department"', 'schema'),
      E(`${L}/schema-type/plan.yaml`, 6, 12, 'tasks.0.title: Invalid input: expected string, received number', 'schema'),
      E(`${L}/schema-type/plan.yaml`, 7, 11, 'tasks.0.lead: Invalid input: expected array, received string', 'schema'),
    ],
  },
  {
    id: 'top-level-list',
    covers: 'wrong types (a list, not a plan)',
    kind: 'load',
    paths: [`${R}/top-level-list`],
    lines: [E(`${R}/top-level-list/plan.yaml`, 1, 1, '(top level): Invalid input: expected object, received array', 'schema')],
  },
  { id: 'missing-field', covers: 'missing required fields', kind: 'load', paths: [`${L}/schema-missing`], lines: [E(`${L}/schema-missing/plan.yaml`, 1, 1, 'title: required field is missing', 'schema')] },
  {
    id: 'unknown-key',
    covers: 'wrong types (a misspelt key)',
    kind: 'load',
    paths: [`${L}/schema-unknown-key`],
    lines: [E(`${L}/schema-unknown-key/plan.yaml`, 7, 5, 'tasks.0.deadlin: Unrecognized key: "deadlin"', 'schema')],
  },
  {
    id: 'collection-key',
    covers: 'wrong types (a list as a key: no Node warning on stderr)',
    kind: 'load',
    paths: [`${R}/collection-key`],
    commands: ['validate'],
    run: () => inChildProcess(['validate', `${R}/collection-key`], false),
    lines: [E(`${R}/collection-key/plan.yaml`, 1, 1, '[ a, b ]: Unrecognized key: "[ a, b ]"', 'schema')],
  },
  {
    id: 'key-with-newline',
    covers: 'wrong types (a key with a line break: the message stays on one line)',
    kind: 'load',
    paths: [`${R}/key-with-newline`],
    lines: [E(`${R}/key-with-newline/plan.yaml`, 5, 1, 'ghi\\nchú: Unrecognized key: "ghi\\nchú"', 'schema')],
  },
  {
    id: 'dup-task-key',
    covers: 'the same task key twice in a file',
    kind: 'load',
    paths: [`${L}/dup-task`],
    lines: [E(`${L}/dup-task/plan.yaml`, 7, 5, 'task key "II.1.d" is used twice in this file (first at line 5); give the repeated number a key of its own, e.g. "II.1.d-2" with label "II.1.d"', 'duplicate-task-key')],
  },
  // The corpus.
  {
    id: 'dup-plan-id',
    covers: 'duplicate plan ids across files',
    kind: 'load',
    paths: [`${L}/dup-id`],
    lines: [E(`${L}/dup-id/b.yaml`, 1, 1, `plan id "same-id" is already used by ${L}/dup-id/a.yaml`, 'duplicate-plan-id')],
  },
  {
    id: 'unknown-parent',
    covers: 'unknown parent',
    kind: 'load',
    paths: [`${L}/missing-parent`],
    lines: [E(`${L}/missing-parent/plan.yaml`, 5, 5, 'basedOn names plan "no-such-plan", which is not among the loaded plans (load its file too, or pass --plans <dir>)', 'missing-parent')],
  },
  {
    id: 'unknown-parent-draft',
    covers: 'unknown parent (a draft checked with --plan against plans/)',
    kind: 'load',
    paths: [],
    commands: ['check'],
    extra: ['--plan', `${L}/missing-parent/plan.yaml`, '--plans', 'plans'],
    lines: [E(`${L}/missing-parent/plan.yaml`, 5, 5, 'basedOn names plan "no-such-plan", which is not among the loaded plans (load its file too, or pass --plans <dir>)', 'missing-parent')],
  },
  { id: 'self-parent', covers: 'self-parent', kind: 'load', paths: [`${L}/self-parent`], lines: [E(`${L}/self-parent/plan.yaml`, 5, 5, 'plan "me" names itself in basedOn', 'cycle')] },
  { id: 'cycle-of-three', covers: 'cycle of three', kind: 'load', paths: [`${L}/cycle3`], lines: [E(`${L}/cycle3/a.yaml`, 5, 5, 'derivation cycle: a → b → c → a', 'cycle')] },
  // Paths.
  { id: 'empty-directory', covers: 'empty directory', kind: 'load', setup: () => mkdirSync(EMPTY, { recursive: true }), paths: [EMPTY], lines: [E(EMPTY, 1, 1, 'this directory holds no plan files (*.yaml, *.yml)', 'no-plans')] },
  {
    id: 'directory-without-plans',
    covers: 'empty directory (only non-YAML files)',
    kind: 'load',
    paths: [`${R}/no-plans`],
    lines: [E(`${R}/no-plans`, 1, 1, 'this directory holds no plan files (*.yaml, *.yml)', 'no-plans')],
  },
  { id: 'overlapping-paths', covers: 'empty directory (not: a directory whose plans were already listed)', kind: 'loads', paths: ['plans', 'plans/province', './plans'], summary: '6 plans, 68 tasks: all valid\n' },
  { id: 'missing-path', covers: 'missing path', kind: 'load', paths: [`${R}/does-not-exist`], lines: [E(`${R}/does-not-exist`, 1, 1, 'no such file or directory', 'not-found')] },
  { id: 'dangling-symlink', covers: 'missing path (a link to nothing)', kind: 'load', setup: makeDangling, paths: [DANGLING], lines: [E(`${DANGLING}/plan.yaml`, 1, 1, 'no such file or directory', 'not-found')] },
  {
    id: 'symlink-loop',
    covers: 'a symlink loop',
    kind: 'load',
    setup: makeLoop,
    paths: [LOOP],
    lines: [E(`${LOOP}/self`, 1, 1, 'symbolic link loop (too many levels of symbolic links)', 'symlink-loop'), E(`${LOOP}/sub/up`, 1, 1, `symbolic link loop: ${LOOP}/sub/up leads back to ${LOOP}`, 'symlink-loop')],
  },
  {
    id: 'unreadable-file',
    covers: 'an unreadable file (simulated)',
    kind: 'load',
    paths: ['virtual'],
    run: () => withFakeFs('virtual', fakeFs('readFile')),
    lines: [E('virtual/plan.yaml', 1, 1, 'cannot read: EACCES', 'unreadable')],
  },
  {
    id: 'unreadable-directory',
    covers: 'an unreadable file (a directory, simulated)',
    kind: 'load',
    paths: ['virtual'],
    run: () => withFakeFs('virtual', fakeFs('readdir')),
    lines: [E('virtual', 1, 1, 'cannot read directory: EACCES', 'unreadable')],
  },
  // Configuration.
  {
    id: 'config-unknown-rule',
    covers: 'an unknown rule id in config',
    kind: 'load',
    paths: [`${R}/unknown-agency`],
    commands: ['check'],
    extra: ['--config', `${R}/config/unknown-rule.yaml`],
    lines: [E(`${R}/config/unknown-rule.yaml`, 5, 3, 'severity.unknown-agencies: no rule has this id (see `kehoach rules`)', 'schema')],
  },
  {
    id: 'config-alias-bomb',
    covers: 'YAML alias bomb (in the config)',
    kind: 'load',
    paths: [`${R}/unknown-agency`],
    commands: ['check'],
    extra: ['--config', `${R}/config/alias-bomb.yaml`],
    lines: [new RegExp(`^${R}/config/alias-bomb\\.yaml:\\d+:\\d+: error: Excessive alias count.* \\[yaml-syntax\\]$`)],
  },
  // Inputs that load, with findings.
  {
    id: 'unreadable-deadline',
    covers: 'unreadable deadline',
    kind: 'findings',
    paths: [`${R}/unreadable-deadline`],
    findings: [{ rule: 'unreadable-deadline', severity: 'warning', task: 'II.1', file: `${R}/unreadable-deadline/plan.yaml`, line: 12, column: 5, data: { deadline: 'khi nào xong thì thôi' } }],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'year-1900',
    covers: 'a deadline in the year 1900',
    kind: 'findings',
    paths: [`${R}/year-1900`],
    findings: [{ rule: 'unreadable-deadline', severity: 'warning', task: 'II.1', file: `${R}/year-1900/plan.yaml`, line: 12, column: 5, data: { deadline: 'Quý III năm 1900', reason: expect.stringContaining('1900') } }],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'unknown-agency',
    covers: 'unknown agency',
    kind: 'findings',
    paths: [`${R}/unknown-agency`],
    findings: [{ rule: 'unknown-agency', severity: 'warning', task: 'II.1', file: `${R}/unknown-agency/plan.yaml`, line: 12, column: 5, data: { agency: 'Ban Chỉ đạo Vũ trụ tỉnh', role: 'coordinate' } }],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'crlf',
    covers: 'CRLF (loads fine, positions right)',
    kind: 'findings',
    paths: [`${R}/crlf`],
    findings: [{ rule: 'unreadable-deadline', severity: 'warning', task: 'II.1', file: `${R}/crlf/plan.yaml`, line: 12, column: 5, data: { deadline: 'khi nào xong thì thôi' } }],
    absent: ['unknown-agency'],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'nfd',
    covers: 'NFD-encoded Vietnamese',
    kind: 'findings',
    paths: [`${R}/nfd`],
    // The child's Quý IV against the parent's Quý III: found only if titles match and deadlines read under NFD.
    findings: [{ rule: 'late-deadline', severity: 'warning', task: 'II.1', file: `${R}/nfd/child.yaml`, line: 17, column: 5, data: { delayDays: 92, method: 'auto' } }],
    absent: ['unknown-agency', 'unreadable-deadline', 'missing-task', 'misassigned-agency', 'wrong-level-agency'],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'issued-before-parent',
    covers: 'a child issued before its parent',
    kind: 'findings',
    paths: [`${R}/issued-before-parent`],
    findings: [{ rule: 'issued-before-parent', severity: 'warning', task: null, file: `${R}/issued-before-parent/child.yaml`, line: 6, column: 1, data: { childIssued: '2023-05-02', parentIssued: '2023-06-26' } }],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'waiver-no-reason',
    covers: 'a waiver without a reason',
    kind: 'findings',
    paths: [`${R}/waiver-no-reason`],
    findings: [
      // Its position: see waiver-no-reason-position.
      { rule: 'invalid-waiver', severity: 'warning', task: 'II.1', file: `${R}/waiver-no-reason/plan.yaml`, data: { problem: 'no-reason', rule: 'unknown-agency' } },
      // A waiver without a reason waives nothing: the finding it names stays, unwaived.
      { rule: 'unknown-agency', severity: 'warning', task: 'II.1', file: `${R}/waiver-no-reason/plan.yaml`, line: 12, column: 5 },
    ],
    code: 0,
    codeFailOnWarning: 1,
  },
  {
    id: 'waiver-no-reason-position',
    covers: 'a waiver without a reason (located at the waiver)',
    kind: 'findings',
    paths: [`${R}/waiver-no-reason`],
    findings: [{ rule: 'invalid-waiver', severity: 'warning', task: 'II.1', file: `${R}/waiver-no-reason/plan.yaml`, line: 16, column: 5, data: { problem: 'no-reason' } }],
    code: 0,
    codeFailOnWarning: 1,
  },
  // Plan text and file names that would act on a terminal or a reader (issue 16): the built bin.
  {
    id: 'hostile-text',
    covers: 'control characters in plan text and file names (--format text)',
    kind: 'output',
    setup: makeHostile,
    runs: [
      {
        args: ['check', HOSTILE, '--format', 'text', '--today', TODAY, '--no-cache'],
        code: 1, // missing-task is an error
        check: (r) => {
          expect(r.out).not.toMatch(RAW_CONTROL);
          // Escaped, not dropped: the reader sees what the plan holds.
          for (const s of ['\\x1b[31m', '\\x07', '\\u{202e}', '\\x1b[5m', 'đậm</b>\\nnext)']) expect(r.out).toContain(s);
          // Each finding's file:line:column stays on one line (unknown-agency, the waived late-deadline, missing-task).
          const located = r.out.split('\n').filter((l) => l.includes(`${HOSTILE}/`) && !l.includes('parent.yaml'));
          expect(located).toHaveLength(3);
          for (const l of located) expect(l.startsWith(`    ${HOSTILE}/${shownName()}:`), l).toBe(true);
          for (const l of located) expect(l).toMatch(/\.yaml:\d+:\d+  \S/);
        },
      },
    ],
  },
  {
    id: 'hostile-github',
    covers: 'control characters in plan text and file names (--format github)',
    kind: 'output',
    setup: makeHostile,
    runs: [
      {
        args: ['check', HOSTILE, '--format', 'github', '--today', TODAY, '--no-cache'],
        code: 1,
        check: (r) => {
          expect(r.out).not.toMatch(RAW_CONTROL);
          const lines = r.out.trimEnd().split('\n');
          expect(lines).toHaveLength(4); // three annotations and the summary
          for (const l of lines.slice(0, 3)) expect(l).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^,:]+::/);
          // The command's own escaping still applies: a line break in the name is %0A, ":" and "," in properties too.
          const file = `${HOSTILE}/${hostileChild}`.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\x1b/g, '\\x1b').replace(/:/g, '%3A').replace(/,/g, '%2C');
          expect(lines[0]).toContain(`file=${file},line=13,col=5`);
          expect(r.out).toContain('\\x1b[31m chuông \\x07 ngược \\u{202e} lại');
        },
      },
    ],
  },
  {
    id: 'hostile-markdown',
    covers: 'backticks and HTML in plan text and file names (--format markdown)',
    kind: 'output',
    setup: makeHostile,
    runs: [
      {
        args: ['check', HOSTILE, '--format', 'markdown', '--today', TODAY, '--no-cache', '--lang', 'vi'],
        code: 1,
        check: (r) => {
          expect(r.out).not.toMatch(RAW_CONTROL);
          // No "<" or backtick from plan text outside a code span is left unescaped: the only raw ones are the location spans'.
          // The active findings' rows (unknown-agency, missing-task); the waived late-deadline has no location column.
          const rows = r.out.split('\n').filter((l) => /^\| \d+ \| (lỗi|cảnh báo|thông tin) \| [^|`]+ \|/.test(l));
          expect(rows).toHaveLength(2);
          for (const row of r.out.split('\n')) {
            const cells = row.startsWith('|') ? row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()) : [row];
            for (const c of cells) {
              if (codeSpan(c) !== null) continue; // a location: checked below
              const text = c.replace(/`[a-z-]+`/g, ''); // the formatter's own spans: rule ids
              expect(text, row).not.toMatch(/(^|[^\\])[<`]/);
            }
          }
          // The file name stays inside one code span: the last cell of each active finding's row.
          for (const row of rows) {
            const last = row.split(/(?<!\\)\|/).slice(1, -1).at(-1)!.trim();
            expect(codeSpan(last)?.replace(/\\\|/g, '|'), row).toMatch(new RegExp(`^${HOSTILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${shownName().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
          }
        },
      },
    ],
  },
  {
    id: 'hostile-file-name-load-error',
    covers: 'a file name with a line break and an escape sequence (load error on one line)',
    kind: 'load',
    setup: makeHostileBroken,
    paths: [HOSTILE_BROKEN],
    lines: [new RegExp(`^${HOSTILE_BROKEN}/hỏng\`(\\\\n\\\\x1b\\[2J\\\\u\\{202e\\})?\\.yaml:2:8: error: Missing closing "quote \\[yaml-syntax\\]$`)],
  },
  {
    id: 'hostile-file-name-load-error-bin',
    covers: 'a file name with a line break and an escape sequence (load error on one line: check, the built bin)',
    kind: 'load',
    setup: makeHostileBroken,
    paths: [HOSTILE_BROKEN],
    commands: ['check'],
    run: () => inChildProcess(checkArgs([HOSTILE_BROKEN])),
    lines: [new RegExp(`^${HOSTILE_BROKEN}/hỏng\`(\\\\n\\\\x1b\\[2J\\\\u\\{202e\\})?\\.yaml:2:8: error: Missing closing "quote \\[yaml-syntax\\]$`)],
  },
  // Deep derivation chains (issue 16): no stack overflow, no internal error.
  {
    id: 'audit-chain-2000',
    covers: 'a chain of 2 000 plans (audit --depth 2000)',
    kind: 'output',
    setup: makeChain(CHAIN2000, 2000),
    runs: [
      {
        args: ['audit', 'p0', '--plans', CHAIN2000, '--depth', '2000', '--format', 'json', '--today', TODAY],
        code: 0,
        check: (r) => {
          // JSON carries the graph unlaid (audit version 2: only the HTML page lays out what it draws).
          const a = JSON.parse(r.out) as { plans: unknown[]; summaries: { plan: string; parent: string }[]; graph: { nodes: { id: string; depth: number }[] } };
          expect(a.plans).toHaveLength(2000);
          expect(a.summaries).toHaveLength(1999);
          expect(a.summaries.at(-1)).toMatchObject({ plan: 'p1999', parent: 'p1998' });
          expect(a.graph.nodes.at(-1)!.depth).toBe(1999);
        },
      },
      {
        // Far above the picture's limit (rules/config.yaml audit.graphLimit): not drawn, said so.
        args: ['audit', 'p0', '--plans', CHAIN2000, '--depth', '2000', '--format', 'html', '--today', TODAY],
        code: 0,
        check: (r) => {
          expect(r.out).not.toContain('<svg ');
          expect(r.out).toMatch(/Sơ đồ gồm 2000 kế hoạch|The graph has 2000 plans/);
        },
      },
    ],
  },
  {
    id: 'graph-chain-5000',
    covers: 'a chain of 5 000 plans (graph --format text)',
    kind: 'output',
    setup: makeChain(CHAIN5000, 5000),
    runs: [
      {
        args: ['graph', CHAIN5000, '--format', 'text'],
        code: 0,
        check: (r) => {
          const lines = r.out.trimEnd().split('\n');
          expect(lines).toHaveLength(5000);
          expect(lines[0]).toBe('p0 · national · Kế hoạch số 0');
          expect(lines.at(-1)).toMatch(/^ +└─ \(4999\) p4999 · province · Kế hoạch số 4999$/);
        },
      },
    ],
  },
  {
    id: 'graph-shared-parents',
    covers: 'plans sharing parents level after level (2^40 paths: graph --format text)',
    kind: 'output',
    setup: makeShared,
    runs: [
      {
        args: ['graph', SHARED, '--format', 'text'],
        code: 0,
        check: (r) => {
          const lines = r.out.trimEnd().split('\n');
          // Each plan once with its own plans, once more marked "↑" under its second parent.
          expect(lines).toHaveLength(80 + 39 * 2);
          expect(lines.filter((l) => l.endsWith(' ↑'))).toHaveLength(38 * 2);
        },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------

const isErrorLine = (l: string): boolean => / error: .* \[[a-z-]+\]$/.test(l);
const errorLines = (err: string): string[] => err.split('\n').filter(isErrorLine);

function noCrash(r: CliRun): void {
  expect(r.err, 'a stack trace').not.toMatch(/^\s+at /m);
  expect(r.err, 'an internal error').not.toMatch(/internal error|FATAL ERROR/);
}

const checkArgs = (paths: readonly string[], extra: readonly string[] = []): string[] => ['check', ...paths, '--format', 'json', '--today', TODAY, '--no-cache', ...extra];

async function runLoadRow(row: LoadRow): Promise<void> {
  const runs: [string, CliRun][] = row.run
    ? [[row.id, await row.run()]]
    : await Promise.all(
        (row.commands ?? ['validate', 'check']).map(async (c): Promise<[string, CliRun]> => [c, await runCli(c === 'validate' ? ['validate', ...row.paths, ...(row.extra ?? [])] : checkArgs(row.paths, row.extra), ENV)]),
      );
  for (const [label, r] of runs) {
    noCrash(r);
    expect(r.code, `${label}: exit code\n${r.err}`).toBe(2);
    expect(r.out, `${label}: stdout`).toBe('');
    const got = errorLines(r.err);
    for (const want of row.lines) {
      if (typeof want === 'string') expect(got, `${label}: stderr`).toContain(want);
      else expect(got.some((l) => want.test(l)), `${label}: no line matches ${want}\n${r.err}`).toBe(true);
    }
    if (row.exact !== false) expect(got, `${label}: other error lines`).toHaveLength(row.lines.length);
    // Every error line is located, nothing else is printed, and the summary counts them.
    for (const l of got) expect(l).toMatch(/^\S.*:\d+:\d+: error: .+ \[[a-z-]+\]$/);
    for (const l of r.err.split('\n').filter(Boolean)) expect(isErrorLine(l) || l.startsWith('kehoach: '), `${label}: stray stderr line: ${l}`).toBe(true);
    expect(r.err.trimEnd().split('\n').at(-1)).toBe(`kehoach: ${got.length} load error${got.length === 1 ? '' : 's'}; nothing was checked`);
  }
}

async function runLoadsRow(row: LoadsRow): Promise<void> {
  const r = await runCli(['validate', ...row.paths, ...(row.extra ?? [])], ENV);
  noCrash(r);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toBe(row.summary);
}

async function runFindingsRow(row: FindingsRow): Promise<void> {
  const r = await runCli(checkArgs(row.paths, row.extra), ENV);
  noCrash(r);
  expect(r.err).toBe('');
  expect(r.code, 'exit code with --fail-on error (default)').toBe(row.code);
  const report = JSON.parse(r.out) as Report;
  for (const want of row.findings) {
    const { data, ...fields } = want;
    const match = report.findings.filter((f) => f.rule === want.rule && f.task === want.task);
    expect(match, `${want.rule} on ${want.task}: ${JSON.stringify(report.findings.map((f) => [f.rule, f.task, f.line, f.column]))}`).toHaveLength(1);
    expect(match[0]).toMatchObject({ ...fields, ...(data ? { data: expect.objectContaining(data) as unknown } : {}) });
  }
  for (const rule of row.absent ?? []) expect(report.findings.filter((f) => f.rule === rule), `no ${rule}`).toEqual([]);
  const strict = await runCli(checkArgs(row.paths, [...(row.extra ?? []), '--fail-on', 'warning']), ENV);
  expect(strict.code, 'exit code with --fail-on warning').toBe(row.codeFailOnWarning);
  expect(strict.out).toBe(r.out);
}

async function runOutputRow(row: OutputRow): Promise<void> {
  for (const run of row.runs) {
    const r = await inChildProcess(run.args);
    noCrash(r);
    expect(r.code, `${run.args.join(' ')}: exit code\n${r.err}`).toBe(run.code);
    expect(r.err, 'stderr').toBe('');
    run.check(r);
  }
}

async function runRow(row: Row): Promise<void> {
  row.setup?.();
  if (row.kind === 'load') return runLoadRow(row);
  if (row.kind === 'loads') return runLoadsRow(row);
  if (row.kind === 'output') return runOutputRow(row);
  return runFindingsRow(row);
}

describe('catalogue of bad inputs', () => {
  it('holds at least 25 inputs and covers every input the issue names', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    const named = [
      'malformed YAML', 'YAML alias bomb', 'a 50 MB file', 'wrong types', 'missing required fields', 'unknown parent', 'self-parent',
      'cycle of three', 'duplicate plan ids across files', 'the same task key twice in a file', 'unreadable deadline', 'unknown agency',
      'binary file', 'empty directory', 'missing path', 'an unreadable file', 'BOM', 'CRLF', 'NFD-encoded Vietnamese', 'tabs',
      'a deadline in the year 1900', 'a child issued before its parent', 'a symlink loop', 'a waiver without a reason', 'an unknown rule id in config',
    ];
    for (const n of named) expect(CATALOGUE.some((r) => r.covers.startsWith(n)), n).toBe(true);
  });

  for (const row of CATALOGUE) {
    it(`${row.id} (${row.covers})`, () => runRow(row), 180_000);
  }
});

describe('the fixtures hold what their names say', () => {
  const bytes = (p: string): Buffer => readFileSync(p);
  it('crlf: every line ends in CRLF', () => {
    for (const f of [`${R}/crlf/plan.yaml`, `${R}/crlf-error/plan.yaml`]) {
      const t = bytes(f).toString('utf8');
      expect(t.split('\r\n').length - 1, f).toBe(t.split('\n').length - 1);
      expect(t).toContain('\r\n');
    }
  });
  it('bom: the files start with EF BB BF, once', () => {
    for (const f of [`${R}/bom/plan.yaml`, `${R}/bom-error/plan.yaml`]) {
      expect([...bytes(f).subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes(f).toString('utf8').slice(1), f).not.toContain('\ufeff');
    }
  });
  it('nfd: the files are in NFD, with combining marks, and differ from NFC', () => {
    for (const f of [`${R}/nfd/parent.yaml`, `${R}/nfd/child.yaml`]) {
      const t = bytes(f).toString('utf8');
      expect(t.normalize('NFD') === t, f).toBe(true);
      expect(t.normalize('NFC') === t, f).toBe(false);
      expect(t).toMatch(/[\u0300-\u036f]/);
    }
  });
  it('tabs: the tasks are indented with tabs', () => {
    expect(bytes(`${R}/tabs/plan.yaml`).toString('utf8')).toMatch(/^\t- key:/m);
  });
  it('invalid-utf8: the bytes do not decode as UTF-8 and hold no NUL', () => {
    const b = bytes(`${R}/invalid-utf8/plan.yaml`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
    expect(b.includes(0)).toBe(false);
  });
  it('the 50 MB file is made at test time, 50 MiB exactly, never committed', () => {
    makeBig();
    expect(readFileSync(join(BIG, 'plan.yaml')).length).toBe(50 * 1048576);
    expect(BIG.startsWith(realpathSync(tmpdir()))).toBe(true);
  });
});

describe('validate and check agree on load errors', () => {
  const MANY = [L, `${R}/tabs`, `${R}/multi-doc`, `${R}/bom-error`, `${R}/crlf-error`, `${R}/invalid-utf8`];

  it('validate lists every located error of many broken inputs at once', async () => {
    const v = await runCli(['validate', ...MANY], ENV);
    noCrash(v);
    expect(v.code).toBe(2);
    expect(errorLines(v.err).length).toBeGreaterThan(15);
  });

  // A drafter who fixes one error and re-runs must not meet the next one only then.
  it('check lists the same errors as validate, in the same order', async () => {
    const v = await runCli(['validate', ...MANY], ENV);
    const c = await runCli(checkArgs(MANY), ENV);
    noCrash(c);
    expect(c.code).toBe(2);
    expect(errorLines(c.err)).toEqual(errorLines(v.err));
  });

  it('every load-error fixture appears in the combined run', async () => {
    const v = await runCli(['validate', L], ENV);
    const files = new Set(errorLines(v.err).map((l) => l.split(':')[0]!.split('/').slice(0, 4).join('/')));
    for (const row of CATALOGUE) {
      if (row.kind !== 'load' || row.run || !row.paths[0]?.startsWith(`${L}/`)) continue;
      expect(files, row.id).toContain(row.paths[0]);
    }
  });
});

describe('command-line mistakes', () => {
  // Waiver expiry compares dates: a --today that is not a date would expire every waiver.
  it('check --today banana: a usage error naming the value (exit 2)', async () => {
    const r = await runCli(['check', `${R}/unknown-agency`, '--today', 'banana', '--format', 'json', '--no-cache'], ENV);
    expect(r.code).toBe(2);
    expect(r.err).toContain('banana');
    expect(r.out).toBe('');
  });

  // A missing output folder is made (issue 17: a reviewer writes reports/2026/bim-son.md); a path
  // through a file cannot be, and that is an error naming the path, not an "internal error".
  it('check -o into a missing directory creates it; -o below a file is an error naming the path', async () => {
    const out = join(TMP, 'no-such-dir', 'deeper', 'report.json');
    const r = await runCli(['check', `${R}/unknown-agency`, '-o', out, '--format', 'json', '--no-cache', '--today', TODAY], ENV);
    expect(r.err).not.toMatch(/internal error/);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe(1);
    const below = join(out, 'report.json');
    const e = await runCli(['check', `${R}/unknown-agency`, '-o', below, '--format', 'json', '--no-cache', '--today', TODAY], ENV);
    expect(e.code).toBe(2);
    expect(e.err).toContain(below);
    expect(e.err).not.toMatch(/internal error/);
  });
});
