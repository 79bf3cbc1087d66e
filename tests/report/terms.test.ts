/** rules/report-terms.yaml: every key the code uses, in both languages, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTerms, rt, TERM_KEYS } from '../../src/report/terms.js';

describe('report terms', () => {
  it('the shipped table has every key in Vietnamese and English', () => {
    const t = parseTerms(readFileSync('rules/report-terms.yaml', 'utf8'));
    expect(Object.keys(t).sort()).toEqual([...TERM_KEYS].sort());
    expect(rt('mark.later', 'vi')).toBe('muộn hơn');
    expect(rt('mark.later', 'en')).toBe('later');
    expect(rt('deadline.by', 'vi', { end: '14/11/2023' })).toBe('đến 14/11/2023');
  });

  it('rejects a table with a missing, an unknown or a one-language term', () => {
    expect(() => parseTerms('terms:\n  mark.later: { vi: "muộn hơn", en: "later" }\n')).toThrow(/mark\.missing: required term is missing/);
    const full = readFileSync('rules/report-terms.yaml', 'utf8');
    expect(() => parseTerms(`${full}  bogus: { vi: "x", en: "y" }\n`)).toThrow(/bogus: unknown term/);
    expect(() => parseTerms(full.replace('mark.same: { vi: "khớp", en: "same" }', 'mark.same: { vi: "khớp" }'))).toThrow(/mark\.same\.en/);
  });
});
