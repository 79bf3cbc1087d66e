import { describe, expect, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('implausible-date', () => {
  ruleCases('implausible-date', {
    valid: [{ name: 'dates of 2023', plans: [province('p', [{ key: 'II.1', deadline: 'Quý III năm 2023' }])] }],
    invalid: [
      { name: 'issued in 1900', plans: [province('p', [], { issued: '1900-06-26' })], expect: [{ severity: 'warning', task: null, data: expect.objectContaining({ date: '1900-06-26' }) }] },
    ],
  }, it);
});
