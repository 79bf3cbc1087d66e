import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lex } from '../../src/core/domain/deadline-lex.js';
import { KEYWORDS, timeWords, validateTimeWords } from '../../src/core/domain/time-words.js';

const raw = (): Record<string, unknown> => parse(readFileSync(new URL('../../rules/time-words.yaml', import.meta.url), 'utf8'));

describe('rules/time-words.yaml', () => {
  it('loads, validates and is cached', () => {
    expect(validateTimeWords(raw()).ok).toBe(true);
    expect(timeWords()).toBe(timeWords());
  });

  it('rejects a phrase in two categories, a missing category, and a reversed year span', () => {
    const twice = raw() as { keywords: Record<string, string[]> };
    twice.keywords.before!.push('hằng năm');
    const res = validateTimeWords(twice);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join('\n')).toMatch(/"hằng năm" is in both keywords.before and keywords.yearly/);

    const missing = raw() as { keywords: Record<string, unknown> };
    delete missing.keywords.onwards;
    expect(validateTimeWords(missing).ok).toBe(false);

    expect(validateTimeWords({ ...raw(), years: { min: 2100, max: 1945 } }).ok).toBe(false);
  });

  it('every keyword phrase lexes, alone, to its own category (no phrase shadows another)', () => {
    const words = timeWords();
    for (const kw of KEYWORDS) {
      for (const phrase of words.keywords[kw]) {
        const { lexemes } = lex(phrase, words);
        // Fillers are dropped by the lexer; everything else is one keyword lexeme.
        expect(lexemes, `${kw}: ${phrase}`).toEqual(kw === 'filler' ? [] : [{ t: 'kw', kw, fold: expect.any(String) }]);
      }
    }
    for (const r of words.reports) expect(lex(r.phrase, words).lexemes).toEqual([{ t: 'report', label: r.label, fold: expect.any(String) }]);
    for (const q of words.qualifiers) for (const p of q.phrases) expect(lex(p, words).qualifiers).toEqual([q.name]);
  });
});
