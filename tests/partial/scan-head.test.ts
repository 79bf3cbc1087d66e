/**
 * The head scan (src/core/load/scan-head.ts) agrees with the parser wherever it answers: on every
 * YAML file of the repository's plans and fixtures (odd forms included) and on a generated corpus,
 * read whole and from its first bytes. Where it does not answer (null), the file is parsed.
 */
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/core/load/parse-plan.js';
import { scanHead } from '../../src/core/load/scan-head.js';
import { parentIds } from '../../src/core/model/plan.js';
import { readHead } from '../../src/app/source/neighbourhood.js';
import { corpus, yamlFiles } from './helpers.js';

function agrees(file: string): 'scanned' | 'parsed' {
  const bytes = readFileSync(file);
  if (!isUtf8(bytes) || bytes.subarray(0, 8192).includes(0)) {
    expect(readHead(file, 10 * 1048576), file).toBeNull(); // the loader's reading error, reported
    return 'parsed';
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const head = scanHead(text, true);
  const fromFile = readHead(file, 10 * 1048576);
  expect(fromFile, file).toEqual(head === 'more' ? null : head);
  if (head === null) return 'parsed';
  expect(head).not.toBe('more');
  const r = parsePlanText(file, text);
  // A head is only a guide to a file that loads: the loader parses every file it needs.
  if (r.ok && head !== 'more') expect({ id: r.loaded.plan.id, parents: parentIds(r.loaded.plan) }, file).toEqual(head);
  return 'scanned';
}

describe('scanHead', () => {
  it('agrees with the parser on the repository plans and fixtures', () => {
    const files = [...yamlFiles('plans'), ...yamlFiles('tests/fixtures')];
    const seen = files.map(agrees);
    expect(seen.filter((s) => s === 'scanned').length).toBeGreaterThan(files.length / 3);
  });

  it('agrees with the parser on a generated corpus, and scans every file of it', async () => {
    const { dir } = await corpus(80, 11);
    expect(yamlFiles(dir).map(agrees).every((s) => s === 'scanned')).toBe(true);
  });

  it('reads the simple forms and gives up on the rest', () => {
    expect(scanHead('id: a\nbasedOn:\n  - b\n  - plan: c\n    title: x\n  - law: 1/2022/QH15\ntasks: []\n', true)).toEqual({ id: 'a', parents: ['b', 'c'] });
    expect(scanHead("---\n# c\nid: 'a' # x\nbasedOn:\n- \"b\"\n", true)).toEqual({ id: 'a', parents: ['b'] });
    expect(scanHead('id: a\ntitle: t\n', true)).toEqual({ id: 'a', parents: [] });
    expect(scanHead('id: a\ntitle: t\n', false)).toBe('more');
    for (const odd of ['id: a\nbasedOn: [b]\n', 'id: &x a\n', 'id: a\nid: b\n', 'id: a\nbasedOn:\n  - *x\n', 'id: 123\n', 'id: true\n', 'id: a\nbasedOn:\n  - title: t\n    plan: b\n    plan: c\n', 'id: a\n---\nid: b\n', 'id: a\nnote: "open\n', 'id:\n  a\n', 'id: a\nbasedOn:\n']) {
      expect(scanHead(odd, true), odd).toBeNull();
    }
  });
});
