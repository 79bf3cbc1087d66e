/**
 * The layers the folders show (README, "Architecture"), checked on the import graph of src/:
 * - the core (src/core) imports no application layer, CLI or formatter, touches no file
 *   system, process or worker thread, and reads no environment: it receives its tables;
 * - formatters (src/format) import no rule implementation, engine, application layer or CLI:
 *   they render a report's data;
 * - the application layer (src/app) imports no CLI and no formatter;
 * - the web server (src/web, `kehoach serve`) is an edge like the CLI: it may import the core,
 *   the application layer and the formatters; nothing imports it but the serve command.
 * Imports are read with TypeScript's own pre-processor (static, dynamic and type-only alike).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Layer = 'core' | 'app' | 'cli' | 'format' | 'web' | 'entry';

const layerOf = (file: string): Layer => {
  const top = file.split('/')[1];
  return top === 'core' || top === 'app' || top === 'cli' || top === 'format' || top === 'web' ? top : 'entry';
};

/** Module specifiers a layer must not import, and why. */
const FORBIDDEN: { from: Layer; to: RegExp; why: string }[] = [
  { from: 'core', to: /^src\/(app|cli|format)\//, why: 'the core imports no application layer, CLI or formatter' },
  { from: 'core', to: /^src\/(index|cli)\.ts$/, why: 'the core imports no entry point' },
  { from: 'core', to: /^node:(fs|fs\/promises|child_process|worker_threads|process|os)$/, why: 'the core touches no file system, process or thread' },
  { from: 'format', to: /^src\/core\/rules\//, why: 'a formatter imports no rule implementation' },
  { from: 'format', to: /^src\/core\/check\/engine\.ts$/, why: 'a formatter renders a report; it does not run the check' },
  { from: 'format', to: /^src\/(app|cli)\//, why: 'a formatter imports no application layer or CLI' },
  { from: 'app', to: /^src\/(cli|format)\//, why: 'the application layer imports no CLI or formatter' },
  { from: 'core', to: /^src\/web\//, why: 'the core imports no web server' },
  { from: 'app', to: /^src\/web\//, why: 'the application layer imports no web server' },
  { from: 'format', to: /^src\/web\//, why: 'a formatter imports no web server' },
  { from: 'web', to: /^src\/cli\//, why: 'the web server imports no CLI' },
];

/** The one CLI file that starts the web server. */
const SERVE_COMMAND = 'src/cli/commands/serve.ts';

/** Code in the core that reaches the process (its environment, arguments, exit, streams, directory). */
const PROCESS = /\bprocess\s*\.\s*(env|argv|exit|cwd|chdir|stdout|stderr|stdin|exitCode)\b/;

/** Every import of a file: relative ones resolved to a src/ path (.ts), packages and node: modules as written. */
export function importsOf(file: string, text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return fileName;
    return normalize(join(dirname(file), fileName)).replace(/\.js$/, '.ts').split('\\').join('/');
  });
}

/** Every broken rule, as "file → import: why". */
export function violations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const layer = layerOf(file);
    for (const target of importsOf(file, text)) {
      for (const rule of FORBIDDEN) if (rule.from === layer && rule.to.test(target)) out.push(`${file} → ${target}: ${rule.why}`);
      if (layer === 'cli' && file !== SERVE_COMMAND && /^src\/web\//.test(target)) out.push(`${file} → ${target}: only the serve command imports the web server`);
    }
    if (layer === 'core' && PROCESS.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) out.push(`${file}: the core reads or sets no process state`);
  }
  return out.sort();
}

function sources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const path = relative('.', join(e.parentPath, e.name)).split('\\').join('/');
    out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}

describe('layers', () => {
  it('src/ keeps them', () => {
    expect(violations(sources('src'))).toEqual([]);
  });

  it('every layer the folders name exists', () => {
    const top = new Set([...sources('src').keys()].map((f) => f.split('/')[1]));
    for (const layer of ['core', 'app', 'cli', 'format']) expect(top).toContain(layer);
  });

  it('catches each kind of break (the check checks)', () => {
    const bad = new Map([
      ['src/core/check/x.ts', "import { runCheck } from '../../app/run/run-check.js';\nimport type { Lang } from '../../format/messages.js';"],
      ['src/core/load/y.ts', "import { readFileSync } from 'node:fs';\nconst home = process.env['HOME'];"],
      ['src/core/load/z.ts', "const m = await import('../../cli/main.js');"],
      ['src/format/report/w.ts', "import { RULES } from '../../core/rules/index.js';"],
      ['src/app/v.ts', "import { main } from '../cli/main.js';"],
      ['src/format/audit/u.ts', "import { serve } from '../../web/server.js';"],
      ['src/web/t.ts', "import { EXIT } from '../cli/commands/context.js';"],
      ['src/cli/commands/check.ts', "const w = await import('../../web/server.js');"],
      ['src/core/model/ok.ts', "import { z } from 'zod';\nimport type { Plan } from './plan.js';\n// process.env is not read here"],
    ]);
    expect(violations(bad)).toEqual([
      'src/app/v.ts → src/cli/main.ts: the application layer imports no CLI or formatter',
      'src/cli/commands/check.ts → src/web/server.ts: only the serve command imports the web server',
      'src/core/check/x.ts → src/app/run/run-check.ts: the core imports no application layer, CLI or formatter',
      'src/core/check/x.ts → src/format/messages.ts: the core imports no application layer, CLI or formatter',
      'src/core/load/y.ts → node:fs: the core touches no file system, process or thread',
      'src/core/load/y.ts: the core reads or sets no process state',
      'src/core/load/z.ts → src/cli/main.ts: the core imports no application layer, CLI or formatter',
      'src/format/audit/u.ts → src/web/server.ts: a formatter imports no web server',
      'src/format/report/w.ts → src/core/rules/index.ts: a formatter imports no rule implementation',
      'src/web/t.ts → src/cli/commands/context.ts: the web server imports no CLI',
    ]);
  });
});
