/**
 * Build step: the CLI and its worker as one ESM bundle (dist/bundle/), the file users run.
 * A drafter re-checks one draft dozens of times a day; loading one bundled file instead of a
 * few hundred modules halves the start-up. Import-only libraries (PDF, Word) stay external:
 * they load when `kehoach import` asks for them (and `docx` when `kehoach letter` writes a Word
 * file). Also writes dist/build-id.txt, the hash of the built code that keys the check cache.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/app/tables.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true }); // no chunk of an earlier build may linger
await build({
  entryPoints: { cli: join(root, 'src', 'cli.ts'), 'check-worker': join(root, 'src', 'app', 'run', 'check-worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'jszip', '@xmldom/xmldom', 'docx'],
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __kehoachRequire } from 'node:module'; const require = __kehoachRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

const h = createHash('sha1');
for (const f of readdirSync(outdir).sort()) h.update(f).update(readFileSync(join(outdir, f)));
writeFileSync(join(root, 'dist', 'build-id.txt'), h.digest('hex') + '\n');
