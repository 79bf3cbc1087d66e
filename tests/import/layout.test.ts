/**
 * The same document laid out differently imports to identical YAML: re-wrapped narrower or
 * wider (with or without blank lines between wrapped lines, as seed 002 has), decomposed
 * (NFD), with Windows line ends, a BOM, tabs, split diacritics and stray spaces.
 */
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../src/core/import/index.js';
import { narrow, rewrap, SEEDS, seedText } from './helpers.js';

const yamlOf = (text: string, seed: string): string => importPlanText(text, { file: seed }).yaml;

const LAYOUTS: [string, (t: string) => string][] = [
  ['wrapped at 30', (t) => narrow(t, 30)],
  ['wrapped at 45 with blank lines between lines', (t) => narrow(t, 45, true)],
  ['wrapped at 70', (t) => narrow(t, 70)],
  ['re-wrapped wider, at 110', (t) => rewrap(t, 110)],
  ['one line per paragraph', (t) => rewrap(t, 100_000)],
  ['NFD', (t) => t.normalize('NFD')],
  ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
  ['CR only', (t) => t.replace(/\n/g, '\r')],
  ['BOM, tabs and trailing spaces', (t) => `\uFEFF${t.replace(/ (?=\p{L})/gu, (m, i: number) => (i % 5 === 0 ? '\t' : m)).replace(/\n/g, '  \n')}`],
  ['double spaces and non-breaking spaces', (t) => t.replace(/ /g, (m, i: number) => (i % 3 === 0 ? '  ' : i % 3 === 1 ? '\u00A0' : m))],
  // A PDF copy may separate a combining mark from its letter by a space ("Vie ̣t").
  ['split diacritics', (t) => t.normalize('NFD').replace(/(\p{L})(\p{M})/gu, (m, l: string, mk: string, i: number) => (i % 4 === 0 ? `${l} ${mk}` : m))],
  // PDF line breaking also breaks inside codes, after "/" and "-" ("59/2023/NĐ-" / "CP").
  ['codes broken at "/" and "-"', (t) => t.replace(/(\d{4}\/)(?=\p{Lu})/gu, '$1\n').replace(/(\/\p{Lu}+-)(?=\p{Lu})/gu, '$1\n')],
  ['all at once: NFD, CRLF, wrapped at 50', (t) => narrow(t, 50, true).normalize('NFD').replace(/\n/g, '\r\n')],
];

describe.each(SEEDS)('seed %s', (seed) => {
  const base = yamlOf(seedText(seed), seed);
  it.each(LAYOUTS)('%s: identical YAML', (_name, transform) => {
    expect(yamlOf(transform(seedText(seed)), seed)).toBe(base);
  });
});

describe('layout helpers', () => {
  it('narrow only adds line breaks, and rewrap keeps every word', () => {
    for (const seed of SEEDS) {
      const words = (t: string): string => t.split(/\s+/).filter(Boolean).join(' ');
      expect(words(narrow(seedText(seed), 30))).toBe(words(seedText(seed)));
      // rewrap closes up codes split at a hyphen ("NĐ-" / "CP") and nothing else.
      expect(words(rewrap(seedText(seed), 110)).replace(/-(?=\S)/g, '- ')).toBe(words(seedText(seed)).replace(/-(?=\S)/g, '- '));
    }
  });
});
