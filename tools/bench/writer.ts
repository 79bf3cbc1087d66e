/**
 * Streams generated files to disk in small concurrent batches, so that 80 MB of YAML is never
 * held in memory at once, and guards the output directory: the generator only ever replaces a
 * directory it generated itself (it holds our manifest), and never writes into a plans/ tree.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const MANIFEST = 'manifest.json';
export const GENERATOR = 'kehoach-bench-generate';

const BATCH_FILES = 64;

export class BatchWriter {
  private pending: Promise<void>[] = [];
  private dirs = new Set<string>();
  bytes = 0;
  files = 0;

  constructor(private readonly root: string) {}

  async write(rel: string, text: string): Promise<void> {
    const file = path.join(this.root, rel);
    const dir = path.dirname(file);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const data = Buffer.from(text, 'utf8');
    this.bytes += data.length;
    this.files++;
    this.pending.push(writeFile(file, data));
    if (this.pending.length >= BATCH_FILES) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await Promise.all(batch);
  }
}

/** Refuses a plans/ tree; empties a previous generated corpus; refuses any other non-empty directory. */
export function prepareOut(out: string): void {
  const abs = path.resolve(out);
  for (let dir = abs; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'plans' && existsSync(path.join(path.dirname(dir), 'package.json'))) {
      throw new Error(`refusing to generate into ${abs}: it is inside a project's plans/ directory (use a directory under /tmp)`);
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!existsSync(abs)) {
    mkdirSync(abs, { recursive: true });
    return;
  }
  const entries = readdirSync(abs);
  if (entries.length === 0) return;
  const manifest = path.join(abs, MANIFEST);
  let ours = false;
  try {
    ours = (JSON.parse(readFileSync(manifest, 'utf8')) as { generator?: unknown }).generator === GENERATOR;
  } catch {
    ours = false;
  }
  if (!ours) throw new Error(`refusing to write into ${abs}: it is not empty and holds no ${MANIFEST} of a generated corpus`);
  for (const e of entries) rmSync(path.join(abs, e), { recursive: true, force: true });
}
