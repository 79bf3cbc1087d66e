/**
 * Listing a corpus (src/app/source/files.ts): entry types come from the directory read, and only
 * links are stat'ed; the paths listed are normal whatever form the folder was given in.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlanFiles } from '../../src/app/source/files.js';

describe('listing plan files', () => {
  it('lists a folder given with a trailing slash or a dot as the same normal paths', async () => {
    const a = await listPlanFiles(['plans']);
    for (const given of ['plans/', './plans', 'plans//', './plans/./']) {
      const b = await listPlanFiles([given]);
      expect(b.files, given).toEqual(a.files);
      expect(b.errors).toEqual([]);
    }
    expect(a.files.every((f) => !f.includes('//'))).toBe(true);
  });

  it('follows links to folders and files, and lists neither other entries nor hidden ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-list-'));
    const real = join(root, 'real');
    mkdirSync(join(real, 'sub'), { recursive: true });
    writeFileSync(join(real, 'sub', 'b.yaml'), 'id: b\n');
    writeFileSync(join(real, 'a.yml'), 'id: a\n');
    writeFileSync(join(real, 'notes.txt'), 'x\n');
    writeFileSync(join(real, '.hidden.yaml'), 'id: h\n');
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    symlinkSync(join(real, 'sub'), join(corpus, 'linked-folder'));
    symlinkSync(join(real, 'a.yml'), join(corpus, 'linked-file.yaml'));
    symlinkSync(join(root, 'nowhere.yaml'), join(corpus, 'dangling.yaml'));
    const r = await listPlanFiles([corpus, real]);
    expect(r.files).toEqual([`${corpus}/linked-file.yaml`, `${corpus}/linked-folder/b.yaml`, `${real}/a.yml`, `${real}/sub/b.yaml`]);
    expect(r.errors.map((e) => [e.file, e.code])).toEqual([[`${corpus}/dangling.yaml`, 'not-found']]);
  });
});
