/**
 * Text generators shared by the loader's property tests: the real plans, token soup of YAML
 * syntax and plan keys, the styles the yaml package writes in, and random edits of real plans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ToStringOptions } from 'yaml';

export const PLAN_FILES: string[] = (readdirSync('plans', { recursive: true }) as string[])
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join('plans', f).split('\\').join('/'))
  .sort();
export const REAL = PLAN_FILES.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

export const TOKENS = [
  'id', 'title', 'level', 'tasks', 'key', 'label', 'lead', 'implement', 'coordinate', 'duties', 'owner', 'does', 'deadline', 'basedOn',
  'waivers', 'rule', 'reason', 'issued', 'plan', 'law', 'completeness', 'status', 'knownUntil', ':', ': ', '- ', '-', '[', ']', '{', '}',
  ', ', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!binary ', '!!map ', '!foo ', '? ', '| ', '>- ', '#', ' # c', '"', "'", '\\', '\\u',
  '---', '...', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '\t', '\n', '\n', '\n', '\r\n', '\r', '  ', '    ', ' ', 'province', 'district',
  'II.1', 'II.1.a', 'Quý III năm 2023', 'Sở Nội vụ', 'Ủy ban nhân dân các huyện, thị xã, thành phố', 'null', '~', '1e9', '0x1F',
  '2023-06-26', '<<', '\ufeff', '\u0000', '\u0301', '\u2028', 'a-b', 'unknown', 'true', '.inf', '=', '@', '`', '%',
];
export const soup = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 120 }).map((ts) => ts.join(''));

/** Options the yaml package writes with: styles a person or another tool might produce. */
export const writeOptions: fc.Arbitrary<ToStringOptions> = fc.record({
  indent: fc.constantFrom(2, 4),
  lineWidth: fc.constantFrom(0, 20, 80),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<ToStringOptions['defaultStringType']>,
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<ToStringOptions['defaultKeyType']>,
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<ToStringOptions['collectionStyle']>,
  indentSeq: fc.boolean(),
});

/** One edit of a real plan. Positions are fractions of the current length. */
type Edit =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swap'; at: number; to: number }
  | { op: 'dropLine' | 'repeatLine' | 'swapLines'; at: number; to: number };
const frac = fc.double({ min: 0, max: 1, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('swap' as const), at: frac, to: frac }),
  fc.record({ op: fc.constantFrom('dropLine' as const, 'repeatLine' as const, 'swapLines' as const), at: frac, to: frac }),
);

function applyEdit(s: string, e: Edit): string {
  const i = Math.floor(e.at * s.length);
  switch (e.op) {
    case 'delete':
      return s.slice(0, i) + s.slice(i + e.len);
    case 'insert':
      return s.slice(0, i) + e.text + s.slice(i);
    case 'swap': {
      const j = Math.floor(e.to * s.length);
      if (i >= s.length || j >= s.length || i === j) return s;
      const [a, b] = i < j ? [i, j] : [j, i];
      return s.slice(0, a) + s[b] + s.slice(a + 1, b) + s[a] + s.slice(b + 1);
    }
    default: {
      const lines = s.split('\n');
      const a = Math.floor(e.at * lines.length);
      const b = Math.floor(e.to * lines.length);
      if (a >= lines.length) return s;
      if (e.op === 'dropLine') lines.splice(a, 1);
      else if (e.op === 'repeatLine') lines.splice(a, 0, lines[a]!);
      else if (b < lines.length) [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

export const mutatedPlan = fc
  .tuple(fc.nat({ max: REAL.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('NFC', 'NFD'), fc.boolean())
  .map(([i, edits, eol, form, bom]) => {
    let t = edits.reduce(applyEdit, REAL[i]!.text);
    if (eol === '\r\n') t = t.replace(/\n/g, '\r\n');
    t = t.normalize(form);
    return { file: REAL[i]!.file, text: bom ? `\ufeff${t}` : t };
  });

/** Pieces of block YAML lines: keys, dashes, scalars of every style and their continuations. */
const LINE_PIECES = [
  'key: ', 'title: ', 'tasks:', 'lead:', '- ', '-', '- - ', '- key: ', 'a b', 'Sở Nội vụ', 'x: y', '"quoted', 'line"', '"one line"', "'single", "it''s'",
  "'one'", '"esc \\" \\n \\u00e9', '|', '|-', '>', '>+', '|2', '# c', ' # c', '#c', ':', ': ', '? ', '1', '~', 'true', '0x1F', '.5', '"', "'", '---', '...',
  '\\', '\\x4', '\\ ', ' ', '  ', '>2', '|1-', '? x', '!x ', '&a ', '*a', '[', '{', 'a:b', '%', '@', 'k:#', '-#', '- #',
];
/** Lines of block YAML at random indentation: where js-yaml and yaml may disagree on what belongs to what. */
export const blockLines = fc
  .array(fc.tuple(fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 6), fc.array(fc.constantFrom(...LINE_PIECES), { minLength: 0, maxLength: 4 })), { maxLength: 14 })
  .map((lines) => lines.map(([indent, pieces]) => ' '.repeat(indent) + pieces.join('')).join('\n') + '\n');
