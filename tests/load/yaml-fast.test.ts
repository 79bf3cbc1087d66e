/**
 * The js-yaml fast path (src/core/load/yaml-fast.ts) against yaml's own parseDocument + toJS: whenever
 * it answers, the data (values and types) and the spans are exactly those of the Document
 * path, and the Document path reports no error; it declines everything outside the block
 * subset. It must also answer for real plans, or the speed-up is lost without a failure.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { parseDocument, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../tools/bench/generate.js';
import { spanOf } from '../../src/core/load/positions.js';
import { composeBlockYaml, YAML_OPTIONS } from '../../src/core/load/yaml-fast.js';
import { blockLines, mutatedPlan, REAL, soup, writeOptions } from '../helpers/yaml-arbitraries.js';

const stripBom = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

/** Whether the fast path answered; when it did, it agreed with parseDocument in every detail. */
function agrees(text: string): boolean {
  const src = stripBom(text);
  const fast = composeBlockYaml(src);
  if (!fast) return false;
  const doc = parseDocument(src, YAML_OPTIONS);
  expect(doc.errors.map((e) => e.message), 'the fast path accepted YAML that yaml rejects').toEqual([]);
  expect(fast.data).toStrictEqual(doc.toJS());
  expect(fast.span).toStrictEqual(spanOf(doc.contents));
  return true;
}

describe('the fast path reads plans exactly as parseDocument does', () => {
  it('answers for every real plan', () => {
    for (const { file, text } of REAL) expect(agrees(text), file).toBe(true);
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'kehoach-fast-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([2023, 2025] as const)('answers for every plan of a generated corpus (shape %i)', async (shape) => {
    const out = path.join(dir, String(shape));
    await generateCorpus({ out, plans: 120, shape, seed: 3 });
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) expect(agrees(readFileSync(path.join(out, f), 'utf8')), f).toBe(true);
  }, 60_000);

  it.each([
    ['plain scalars of every core type', 'a: 1\nb: -0x1F\nc: 0o17\nd: 1.5e3\ne: .inf\nf: .NaN\ng: ~\nh: null\ni: True\nj: false\nk: 2023-06-26\nl: text - more\nm:\n'],
    ['quoted and escaped', `a: "\\u00e9\\t\\"x\\""\nb: 'it''s'\nc: "two\n  lines"\nd: ''\n`],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\n'],
    ['multi-line plain', 'a: one\n  two\n\n  three\n'],
    ['sequences at the key column and indented', 'a:\n- x\n-\n- - y\n  - z\nb:\n    - k: 1\n      l: 2\n'],
    ['comments and a document marker', '# head\n---\n# c\na: 1 # trailing\n# between\nb:\n  # inside\n  c: 2\n'],
    ['quoted keys and Vietnamese', '"key one": 1\n\'Sở Nội vụ\': x\ntiêu đề: Thực hiện\n'],
    ['an empty value in a list', 'tasks:\n  -\n  - key: a\n'],
    ['an empty last item with no line break after it', 'a:\n  - x\n  -'],
    ['an empty item holding a comment at the end', '- # c'],
  ])('agrees on %s', (_, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a flow collection', 'a: [1, 2]\n'],
    ['a tab', 'a:\n\t- x\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a compact nested mapping', 'a: b: c\n'],
    ['a key indented off the column', 'a: 1\n b: 2\n'],
    ['a comment glued to a quoted scalar', 'a: "x"#c\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an unterminated quote', 'a: "open\n'],
    ['a merge key', '<<: 1\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a number as key', '1: a\n'],
    ['a multi-line implicit key', '"a\n b": 1\n'],
    ['an empty file', ''],
    ['comments only', '# nothing\n'],
    ['a document end marker (valid: left to parseDocument)', 'a: 1\n...\n'],
    ['nesting deeper than the fast path goes', Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('declines %s', (_, text) => {
    expect(composeBlockYaml(text)).toBeNull();
  });
});

/** What yaml reads: the first error's code, or the data. */
function yamlReads(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  return doc.errors.length ? doc.errors[0]!.code : doc.toJS();
}

describe('where js-yaml and yaml part, the fast path declines', () => {
  it.each([
    ['a marker glued to text', '---id\n', '---id', 'id'],
    ['a marker glued to a comment', '---# c\na: 1\n', 'MULTILINE_IMPLICIT_KEY', { a: 1 }],
    ['a BOM past the start', '\n\ufeff\n', null, '\ufeff'],
    ['a comment glued to a quoted scalar', 'a: "x"#c\n', 'MISSING_CHAR', { a: 'x' }],
    ['a quoted line no deeper than its map', 'a:\n  b: "x\n  y"\n', 'MISSING_CHAR', { a: { b: 'x y' } }],
    ['a quoted line at the root column', "a: 'x\ny'\n", 'MISSING_CHAR', { a: 'x y' }],
    ['a line of spaces past an indentation indicator', 'a: |2\n      \n', { a: '' }, { a: '    \n' }],
    ['a line of spaces ending the text past an indicator', 'a: |2\n      ', { a: '' }, { a: '    \n' }],
    ['a longer line of spaces before the text', 'key: >\n    \n   # c\n', 'MISSING_CHAR', { key: '' }],
    ['an indentation indicator at the root', '|1\n  x\n', ' x\n', '  x\n'],
    ['a root block scalar under a deep header', '      >\n    #c\n', '#c\n', ''],
    ['a dash off the column after an empty item', ' - \n- \n', 'UNEXPECTED_TOKEN', [null, null]],
    ['an escaped line break before a blank line', 'a: "x\\\n\n  y"\n', { a: 'x y' }, { a: 'xy' }],
    ['a comment line without a space, then a value on the next line', 'key:\n#c\n  x\ntitle: 1\n', 'MULTILINE_IMPLICIT_KEY', { key: 'x', title: 1 }],
    ['a comment line without a space inside an empty item', '- \n#c\n  -x\n- b\n', ['-x - b'], ['-x', 'b']],
    ['a key over 1024 characters', `${'k'.repeat(1030)}: 1\n`, 'KEY_OVER_1024_CHARS', { ['k'.repeat(1030)]: 1 }],
  ])('%s', (_, text, yamlAnswer, jsAnswer) => {
    expect(yamlReads(text)).toStrictEqual(yamlAnswer);
    expect(jsyaml.load(text)).toStrictEqual(jsAnswer);
    expect(composeBlockYaml(text)).toBeNull();
  });

  it('a tag js-yaml forgets before a line break', () => {
    const text = '!x \n>+\n    \n';
    expect(parseDocument(text, YAML_OPTIONS).contents?.range?.[0]).toBe(4); // the tagged node starts at its content
    expect(jsyaml.load(text)).toBe('\n'); // no unknown-tag error: the tag was dropped
    expect(composeBlockYaml(text)).toBeNull();
    expect(composeBlockYaml('a: !x\n  |\n  t\n')).toBeNull();
  });

  it("resolves plain scalars with yaml's core schema, not js-yaml's", () => {
    const text = 'a: 1_000\nb: 0b1\nc: 2001-12-14\nd: .5\ne: 017\nf: 0o17\ng: +.inf\nh: =\ni: yes\n';
    const core = { a: '1_000', b: '0b1', c: '2001-12-14', d: 0.5, e: 17, f: 15, g: Infinity, h: '=', i: 'yes' };
    expect(yamlReads(text)).toStrictEqual(core);
    expect(jsyaml.load(text)).toMatchObject({ b: 1, c: new Date('2001-12-14') });
    expect(agrees(text)).toBe(true);
  });
});

describe('properties: whenever the fast path answers, parseDocument agrees', () => {
  it('token soup of YAML syntax and plan keys', () => {
    fc.assert(fc.property(soup, (t) => void agrees(t)), { numRuns: 3000 });
  });

  it('lines of block YAML at random indentation', () => {
    fc.assert(fc.property(blockLines, (t) => void agrees(t)), { numRuns: 2000 });
  });

  it('real plans with random edits, line ends, normal forms and BOMs', () => {
    fc.assert(fc.property(mutatedPlan, ({ text }) => void agrees(text)), { numRuns: 1500 });
  });

  it('values written by the yaml package in every style', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    let answered = 0;
    fc.assert(
      fc.property(value, writeOptions, (v, o) => {
        if (agrees(stringify(v, { ...o, collectionStyle: 'block' }) ?? '')) answered++;
      }),
      { numRuns: 800 },
    );
    // Block-style output is the subset: most of it must take the fast path.
    expect(answered).toBeGreaterThan(400);
  });
});
