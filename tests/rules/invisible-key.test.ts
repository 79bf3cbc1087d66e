import { describe, expect, it } from 'vitest';
import { check, district, province, ruleCases } from '../helpers/rule-tester.js';

describe('invisible-key', () => {
  ruleCases('invisible-key', {
    valid: [
      { name: 'plain keys', plans: [province('p', [{ key: 'II.1.a' }, { key: 'II.1.đ' }])] },
      { name: 'a key with a trailing space is the same key trimmed', plans: [province('p', [{ key: 'II.1.a ' }])] },
    ],
    invalid: [
      {
        name: 'a zero-width space pasted into a key',
        plans: [province('p', [{ key: 'II.1\u200b.a' }])],
        expect: [{ severity: 'warning', task: 'II.1\u200b.a', data: expect.objectContaining({ visible: 'II.1.a', characters: 'U+200B' }), message: expect.stringContaining('invisible characters (U+200B)') }],
      },
      {
        name: 'two keys that look the same: the invisible one is named, with its twin',
        plans: [province('p', [{ key: 'II.1' }, { key: '\u200bII.1' }])],
        expect: [{ task: '\u200bII.1', data: expect.objectContaining({ twin: 'II.1', variant: 'twin' }), message: expect.stringContaining('differs from task II.1') }],
      },
    ],
  }, it);

  it('keys equal after NFC and trimming are one key: a repeated key is a load error', () => {
    // Vietnamese "ạ" precomposed (U+1EA1) and as a + U+0323, the second with a trailing space.
    expect(() => check([province('p', [{ key: 'II.1.\u1ea1' }, { key: 'II.1.a\u0323 ' }])])).toThrow(/used twice/);
  });

  it('links cite keys the same way (NFC, trimmed)', () => {
    const r = check([province('p', [{ key: 'II.1.\u1ea1' }]), district('c', 'p', [{ key: 'I.1', implements: [{ plan: 'p', task: ' II.1.a\u0323' }] }])]);
    expect(r.findings.filter((f) => f.rule === 'suspect-link')).toEqual([]);
  });
});
