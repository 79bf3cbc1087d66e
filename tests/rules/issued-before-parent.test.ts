import { describe, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

describe('issued-before-parent', () => {
  ruleCases('issued-before-parent', {
    valid: [
      { name: 'issued after', plans: [province('p', []), district('c', 'p', [], { issued: '2023-08-01' })] },
      { name: 'same month, day unknown: cannot say', plans: [province('p', []), district('c', 'p', [], { issued: '2023-06' })] },
      { name: 'no date', plans: [province('p', []), district('c', 'p', [])] },
    ],
    invalid: [{ name: 'issued before the parent', plans: [province('p', []), district('c', 'p', [], { issued: '2023-05-02' })], expect: [{ severity: 'warning', plan: 'c', parent: 'p', data: { childIssued: '2023-05-02', parentIssued: '2023-06-26' } }] }],
  }, it);
});
