/**
 * The reviewer's workspace (`kehoach serve`): a folder holding the documents received, the YAML
 * each was imported into, and the waivers the reviewer accepted (written into that YAML).
 *
 *   <workspace>/documents/<random>.<ext>  each received file's bytes, under a generated name
 *   <workspace>/plans/<plan id>.yaml      the workspace's plans (imported or received as YAML)
 *   <workspace>/workspace.json            the received files: original name (data only), kind,
 *                                         date, the plan each became, the import's warnings
 *
 * A restart reads everything back from these. The corpus folders (--plans, the bundled plans)
 * are read, never written; a workspace plan replaces the corpus plan with the same id. A revised
 * document (same plan id) replaces the earlier YAML and keeps its waivers. Every write is atomic
 * (app/write.ts) and taken under a lock on the workspace (app/lock.ts), so two servers on one
 * folder take turns. The work itself is the CLI's: the importer, the corpus loader, the check.
 */
import type { Said } from '../../core/load/errors.js';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { CheckConfig } from '../../core/check/config.js';
import { checkCorpus } from '../../core/check/engine.js';
import type { Corpus } from '../../core/load/corpus.js';
import type { LoadError } from '../../core/load/errors.js';
import { parsePlanText } from '../../core/load/parse-plan.js';
import type { Report } from '../../core/model/finding.js';
import type { Plan, Waiver } from '../../core/model/plan.js';
import type { ParentResolution } from '../../core/import/resolve.js';
import { insertWaivers } from '../../core/link/waiver-insert.js';
import type { UploadKind } from '../../core/workspace/sniff.js';
import { importDocument } from '../source/documents.js';
import { loadCorpus } from '../source/corpus-source.js';
import { writeFileAtomic } from '../write.js';
import { withFileLock } from '../lock.js';

export interface WorkspaceOptions {
  dir: string;
  /** The corpus folders (never written). */
  corpus: readonly string[];
  cfg: CheckConfig;
  /** The largest plan file read, in bytes. */
  maxPlanBytes: number;
  /** The largest document read, in bytes (the upload limit). */
  maxDocumentBytes: number;
  /** The date waivers expire against (ISO); today in Vietnam when absent. */
  today: () => string;
}

/** One received file. */
export interface Received {
  /** The generated file name under documents/ (never a name the sender chose). */
  stored: string;
  /** The name it was sent with: shown, never used as a path. */
  name: string;
  kind: UploadKind;
  /** When it arrived (ISO instant). */
  received: string;
  /** The plan it became; null when it could not be read. */
  plan: string | null;
  tasks: number;
  parent: ParentResolution | null;
  warnings: { line: number; message: string; said?: Said }[];
  /** Why it could not be read (one line), when it could not; `errorSaid` the same as data, for the reader's language. */
  error?: string;
  errorSaid?: Said[];
  /** A later file replaced the plan it became. */
  superseded?: boolean;
  /** The parent the reviewer chose for it (an ambiguous or unresolved citation). */
  chosenParent?: string;
}

interface IndexFile {
  version: 1;
  received: Received[];
}

export type WorkspaceState =
  | { ok: true; corpus: Corpus; report: Report; workspacePlans: Set<string>; replaced: Set<string>; skipped: LoadError[] }
  | { ok: false; errors: LoadError[] };

export interface Incoming {
  name: string;
  bytes: Uint8Array;
  kind: UploadKind;
  ext: string;
}

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,119}$/;

export class Workspace {
  private cached: WorkspaceState | null = null;
  /** The workspace plans' names, sizes and times when `cached` was made: a plan edited by hand is read again. */
  private cachedSignature = '';
  private index: IndexFile = { version: 1, received: [] };
  private corpusIds = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly opts: WorkspaceOptions) {}

  get documentsDir(): string {
    return path.join(this.opts.dir, 'documents');
  }
  get plansDir(): string {
    return path.join(this.opts.dir, 'plans');
  }
  private get indexPath(): string {
    return path.join(this.opts.dir, 'workspace.json');
  }

  /** Opens (creating its folders) a workspace and reads what it holds. */
  static async open(opts: WorkspaceOptions): Promise<Workspace> {
    const ws = new Workspace(opts);
    await mkdir(ws.documentsDir, { recursive: true, mode: 0o700 });
    await mkdir(ws.plansDir, { recursive: true, mode: 0o700 });
    await ws.readIndex();
    return ws;
  }

  private async readIndex(): Promise<void> {
    if (!existsSync(this.indexPath)) return;
    try {
      const data = JSON.parse(await readFile(this.indexPath, 'utf8')) as IndexFile;
      if (data && data.version === 1 && Array.isArray(data.received)) this.index = data;
    } catch {
      // An unreadable index loses the list of received files, not the plans (plans/ is read on its own).
    }
  }

  received(): readonly Received[] {
    return this.index.received;
  }

  /** One write at a time in this process, and under the workspace's lock against other processes. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const locked = await withFileLock(this.indexPath, async () => {
        await this.readIndex();
        return fn();
      });
      if (!locked.ok) throw new Error(`the workspace is locked by another process (${locked.code})`);
      return locked.value;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeIndex(): Promise<void> {
    const w = await writeFileAtomic(this.indexPath, JSON.stringify(this.index, null, 2) + '\n', { overwrite: true });
    if (!w.ok) throw new Error(`cannot write the workspace index (${w.code})`);
  }

  /** The YAML file of a workspace plan, when the workspace holds one. */
  planFile(id: string): string | null {
    if (!PLAN_ID.test(id)) return null;
    const f = path.join(this.plansDir, `${id}.yaml`);
    return existsSync(f) ? f : null;
  }

  private async workspaceFiles(): Promise<string[]> {
    const names = await readdir(this.plansDir).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.yaml') && PLAN_ID.test(n.slice(0, -5))).sort().map((n) => path.join(this.plansDir, n));
  }

  /** The corpus with the workspace's plans in it, checked; kept until the workspace changes. */
  async state(): Promise<WorkspaceState> {
    const files = await this.workspaceFiles();
    const signature = (await Promise.all(files.map(async (f) => {
      const st = await stat(f).catch(() => null);
      return `${f}:${st?.size ?? '-'}:${st?.mtimeMs ?? '-'}`;
    }))).join('\n');
    if (this.cached && signature === this.cachedSignature) return this.cached;
    if (!this.corpusIds.size) {
      const base = await loadCorpus({ paths: this.opts.corpus, maxFileBytes: this.opts.maxPlanBytes });
      if (!base.ok) return { ok: false, errors: base.errors };
      this.corpusIds = new Set(base.corpus.plans.keys());
    }
    let given = files;
    let loaded = await loadCorpus({ paths: this.opts.corpus, given, maxFileBytes: this.opts.maxPlanBytes });
    let skipped: LoadError[] = [];
    if (!loaded.ok) {
      // A workspace plan that does not load is left out (and shown), not the whole workspace.
      const bad = new Set(loaded.errors.map((e) => path.resolve(e.file)));
      skipped = loaded.errors.filter((e) => bad.has(path.resolve(e.file)) && files.some((f) => path.resolve(f) === path.resolve(e.file)));
      given = files.filter((f) => !bad.has(path.resolve(f)));
      loaded = await loadCorpus({ paths: this.opts.corpus, given, maxFileBytes: this.opts.maxPlanBytes });
      if (!loaded.ok) return { ok: false, errors: loaded.errors };
    }
    const workspacePlans = new Set(loaded.ids);
    const replaced = new Set([...workspacePlans].filter((id) => this.corpusIds.has(id)));
    const report = checkCorpus(loaded.corpus, this.opts.cfg, { today: this.opts.today() });
    this.cached = { ok: true, corpus: loaded.corpus, report, workspacePlans, replaced, skipped };
    this.cachedSignature = signature;
    return this.cached;
  }

  private known(): Promise<Plan[]> {
    return this.state().then((s) => (s.ok ? [...s.corpus.plans.values()].map((lp) => lp.plan) : []));
  }

  /**
   * Stores and imports received files (already checked by content), one after another;
   * `progress` hears of each. A document's YAML replaces the earlier YAML of its plan, keeping its waivers.
   */
  receive(files: readonly Incoming[], progress: (done: number, total: number, r: Received) => void = () => undefined): Promise<Received[]> {
    return this.serial(async () => {
      const out: Received[] = [];
      for (const [i, f] of files.entries()) {
        const stored = `${randomUUID()}${f.ext}`;
        const file = path.join(this.documentsDir, stored);
        const w = await writeFileAtomic(file, f.bytes, { overwrite: false });
        if (!w.ok) throw new Error(`cannot store the file (${w.code})`);
        const r: Received = { stored, name: f.name, kind: f.kind, received: new Date().toISOString(), plan: null, tasks: 0, parent: null, warnings: [] };
        await this.importInto(r, file, f.kind === 'yaml' ? new TextDecoder().decode(f.bytes) : null);
        this.index.received.push(r);
        await this.writeIndex();
        out.push(r);
        progress(i + 1, files.length, r);
      }
      return out;
    });
  }

  /** Imports (again) a received file into its plan's YAML; the record says how it went. */
  private async importInto(r: Received, file: string, yamlText: string | null): Promise<void> {
    let id: string;
    let text: string;
    if (yamlText !== null) {
      const parsed = parsePlanText(r.name, yamlText);
      if (!parsed.ok) {
        r.error = parsed.errors.map((e) => `${e.line}: ${e.message}`).join('; ');
        r.errorSaid = parsed.errors.flatMap((e) => (e.said ? [e.said] : []));
        return;
      }
      id = parsed.loaded.plan.id;
      text = yamlText;
      r.tasks = parsed.loaded.plan.tasks.length;
    } else {
      const known = await this.known();
      const imported = await importDocument(file, { knownPlans: known, file: r.name, ...(r.chosenParent ? { parentId: r.chosenParent } : {}) }, this.opts.maxDocumentBytes);
      if (!imported.ok) {
        r.error = imported.message;
        if (imported.said) r.errorSaid = [imported.said];
        return;
      }
      const res = imported.result;
      id = res.plan.id;
      text = res.yaml;
      r.tasks = res.summary.tasks;
      r.parent = res.summary.parent;
      r.warnings = res.warnings.map((w) => ({ line: w.line, message: w.message, said: w.said }));
    }
    if (!PLAN_ID.test(id)) {
      r.error = `the plan id "${id}" cannot name a file`;
      return;
    }
    const target = path.join(this.plansDir, `${id}.yaml`);
    // A revised document keeps the waivers the reviewer accepted on the earlier one.
    if (existsSync(target)) {
      const earlier = waiversIn(await readFile(target, 'utf8'));
      if (earlier.length) {
        const kept = insertWaivers(text, earlier);
        if (kept.ok) text = kept.text;
      }
    }
    const w = await writeFileAtomic(target, text, { overwrite: true });
    if (!w.ok) {
      r.error = `cannot write the plan (${w.code})`;
      return;
    }
    for (const other of this.index.received) if (other !== r && other.plan === id) other.superseded = true;
    r.plan = id;
    this.cached = null;
  }

  /** The reviewer chose the parent of a received document whose citation was ambiguous or not found: imported again. */
  chooseParent(stored: string, parentId: string): Promise<Received | null> {
    return this.serial(async () => {
      const r = this.index.received.find((x) => x.stored === stored);
      if (!r || r.kind === 'yaml' || !/^[0-9a-f-]{36}\.[a-z]+$/.test(stored)) return null;
      r.chosenParent = parentId;
      delete r.error;
      await this.importInto(r, path.join(this.documentsDir, stored), null);
      await this.writeIndex();
      return r;
    });
  }

  /** Writes a waiver into a workspace plan's YAML (a corpus plan is never written: false then). */
  waive(planId: string, waiver: Waiver): Promise<{ ok: true } | { ok: false; message: string }> {
    return this.serial(async () => {
      const file = this.planFile(planId);
      if (!file) return { ok: false, message: 'not-in-workspace' };
      const r = insertWaivers(await readFile(file, 'utf8'), [waiver]);
      if (!r.ok) return { ok: false, message: r.message };
      const w = await writeFileAtomic(file, r.text, { overwrite: true });
      if (!w.ok) return { ok: false, message: w.code };
      this.cached = null;
      return { ok: true };
    });
  }

  /** Copies a corpus plan into the workspace (so that a waiver can be written on it); its file is read, not changed. */
  adopt(planId: string): Promise<boolean> {
    return this.serial(async () => {
      if (this.planFile(planId) || !PLAN_ID.test(planId)) return Boolean(this.planFile(planId));
      const s = await this.state();
      const lp = s.ok ? s.corpus.plans.get(planId) : undefined;
      if (!lp) return false;
      const w = await writeFileAtomic(path.join(this.plansDir, `${planId}.yaml`), await readFile(lp.file), { overwrite: false });
      this.cached = null;
      return w.ok;
    });
  }
}

function waiversIn(text: string): Waiver[] {
  try {
    const data = parse(text) as { waivers?: unknown };
    return Array.isArray(data?.waivers) ? (data.waivers as Waiver[]).filter((w) => w && typeof w.rule === 'string') : [];
  } catch {
    return [];
  }
}
