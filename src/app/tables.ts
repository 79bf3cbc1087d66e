/**
 * The shipped domain tables (rules/*.yaml): located from this module by walking up to the
 * package root, so the same code works from src/ (tsx, vitest), dist/ and a bundle. The
 * build writes each table as JSON beside the compiled code (dist/tables/); a process reads
 * that copy when it is at least as new as the YAML, because parsing YAML on every start
 * costs a drafter a quarter of a second and JSON a millisecond. The YAML stays the source.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { provideTables, type TableSource } from '../core/table-source.js';

let root: string | undefined;

/** The package root: the nearest directory above this module holding rules/ and package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'rules')) && existsSync(join(dir, 'package.json')))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('kehoach: cannot find its rules/ directory above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return dir;
}

export const tableFile = (name: string): string => join(packageRoot(), 'rules', `${name}.yaml`);
export const tableJsonFile = (name: string): string => join(packageRoot(), 'dist', 'tables', `${name}.json`);

/** The raw (unvalidated) content of rules/<name>.yaml; errors name the file. */
export function readTable(name: string): unknown {
  return readTableWithOrigin(name).data;
}

/**
 * The content of rules/<name>.yaml, and whether it came from the build's JSON copy. The build
 * validates every table before it writes the copy (tools/build/write-tables.ts), so a loader may
 * skip validating a `built` table again at each start; the YAML is always validated.
 */
export function readTableWithOrigin(name: string): { data: unknown; built: boolean } {
  const yamlFile = tableFile(name);
  const jsonFile = tableJsonFile(name);
  try {
    if (existsSync(jsonFile) && statSync(jsonFile).mtimeMs >= statSync(yamlFile).mtimeMs) {
      return { data: JSON.parse(readFileSync(jsonFile, 'utf8')), built: true };
    }
  } catch {
    // A broken or unreadable JSON copy is only a cache: fall back to the YAML source.
  }
  let text: string;
  try {
    text = readFileSync(yamlFile, 'utf8');
  } catch (e) {
    throw new Error(`${yamlFile}: cannot read the table (${(e as Error).message})`);
  }
  try {
    return { data: parse(text), built: false };
  } catch (e) {
    throw new Error(`${yamlFile}: YAML syntax error: ${(e as Error).message}`);
  }
}

/** The tables as the core asks for them (src/core/table-source.ts): read from disk here, the JSON copy when it is current. */
export const diskTables: TableSource = (name) => ({ ...readTableWithOrigin(name), file: tableFile(name) });

/** Installs the disk tables as the core's source: every entry point (CLI, library, worker) does this first. */
export function useDiskTables(): void {
  provideTables(diskTables);
}
