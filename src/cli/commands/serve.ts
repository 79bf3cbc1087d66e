/**
 * `kehoach serve [--workspace <dir>] [--plans <dir>…] [--port <n>] [--host <addr>]
 * [--max-upload-mb <MB>] [--lang vi|en] [-c <config>] [--today <date>]`: the reviewer's
 * workspace page (src/web/server.ts) on this machine. Prints the address with its access token
 * and serves until interrupted (Ctrl+C: exit 0). Exit 2 when the port is in use, the workspace
 * cannot be made, or it lies inside a corpus folder (plans are never written).
 */
import { saidText } from '../../format/said.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { vietnamDay } from '../../core/domain/vietnam-day.js';
import { DEFAULT_MAX_FILE_MB } from '../../app/source/files.js';
import { Workspace } from '../../app/workspace/workspace.js';
import type { Lang } from '../../format/messages.js';
import { EXIT, reportLoadErrors, type CliIO } from './context.js';
import { commandSetup } from './config-file.js';
import { bundledPlans, corpusPaths } from './corpus-paths.js';

export interface ServeCommandOptions {
  workspace?: string;
  plans?: string[];
  port?: number;
  host?: string;
  maxUploadMb?: number;
  lang?: Lang;
  config?: string;
  today?: string;
}

export const DEFAULT_PORT = 8765;
export const DEFAULT_WORKSPACE = 'kehoach-workspace';
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export async function serveCommand(io: CliIO, opts: ServeCommandOptions, stop?: Promise<unknown>): Promise<number> {
  const conf = await commandSetup(io, opts);
  if (!conf.ok) return conf.code;
  const { cfg, lang } = conf;
  const say = (key: string, vars: Record<string, string | number> = {}): string => `kehoach serve: ${saidText({ key: `cli.serve.msg.${key}`, vars }, lang)}\n`;
  const dirs = corpusPaths(io, { plans: opts.plans, configured: cfg.plans, given: true, lang });
  const dir = path.resolve(opts.workspace ?? DEFAULT_WORKSPACE);
  for (const c of [...dirs, bundledPlans()]) {
    if (inside(dir, path.resolve(c)) || inside(path.resolve(c), dir)) {
      io.err(say('inside', { dir, plans: c }));
      return EXIT.usage;
    }
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 }); // a new workspace is its owner's alone
  } catch (e) {
    io.err(say('cannot-create', { dir, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    return EXIT.load;
  }
  const today = (): string => opts.today ?? vietnamDay(new Date());
  const maxUploadMb = opts.maxUploadMb ?? 50;
  let ws: Workspace;
  try {
    ws = await Workspace.open({ dir, corpus: dirs, cfg, maxPlanBytes: DEFAULT_MAX_FILE_MB * 1048576, maxDocumentBytes: Math.ceil(maxUploadMb * 1048576), today });
  } catch (e) {
    io.err(say('cannot-open', { dir, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    return EXIT.load;
  }
  // The corpus is loaded and checked once before the page opens (a big corpus takes a while: said so).
  io.err(say('loading'));
  const first = await ws.state();
  if (!first.ok) return reportLoadErrors(io, first.errors, lang);
  const host = opts.host ?? '127.0.0.1';
  if (!LOCAL.has(host)) {
    io.err(say('host', { host }));
  }
  const { startServer } = await import('../../web/server.js');
  let serving;
  try {
    serving = await startServer({ workspace: ws, cfg, host, port: opts.port ?? DEFAULT_PORT, maxUploadMb, lang, today });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const port = opts.port ?? DEFAULT_PORT;
    if (code === 'EADDRINUSE') io.err(say('port-in-use', { port }));
    else if (code === 'EACCES') io.err(say('port-denied', { port }));
    else io.err(say('cannot-start', { code: code ?? (e as Error).message }));
    return EXIT.usage;
  }
  for (const [key, vars] of [['workspace', { dir }], ['open', { url: serving.url }], ['stop', {}]] as const) io.out(saidText({ key: `cli.serve.msg.${key}`, vars }, lang) + '\n');
  const stopped = stop ?? new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await stopped;
  await serving.close();
  return EXIT.ok;
}
