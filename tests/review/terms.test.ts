/** The one dictionary of terms (rules/messages.yaml `terms`): every report term the code uses, in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateCatalogue } from '../../src/format/messages.js';
import { missingTerms, rt, TERM_KEYS } from '../../src/format/terms.js';

describe('report terms', () => {
  const shipped = parse(readFileSync('rules/messages.yaml', 'utf8')) as { terms: Record<string, unknown> };

  it('the shipped dictionary has every report term in Vietnamese and English', () => {
    const cat = validateCatalogue(shipped);
    expect(missingTerms(cat.terms)).toEqual([]);
    for (const k of TERM_KEYS) expect(cat.terms[k]).toEqual({ vi: expect.any(String), en: expect.any(String) });
    expect(rt('mark.later', 'vi')).toBe('muộn hơn');
    expect(rt('mark.later', 'en')).toBe('later');
    expect(rt('deadline.by', 'vi', { end: '14/11/2023' })).toBe('đến 14/11/2023');
  });

  it('a missing report term is named; a one-language term is refused', () => {
    const { 'mark.missing': _gone, ...rest } = shipped.terms;
    expect(missingTerms(rest)).toEqual(['mark.missing']);
    expect(() => validateCatalogue({ ...shipped, terms: { ...shipped.terms, 'mark.same': { vi: 'khớp' } } })).toThrow(/terms\.mark\.same\.en/);
  });
});
