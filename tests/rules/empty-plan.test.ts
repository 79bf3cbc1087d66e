import { describe, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('empty-plan', () => {
  ruleCases('empty-plan', {
    valid: [{ name: 'a plan with one task', plans: [province('p', [{ key: 'II.1', deadline: 'Quý III năm 2023' }])] }],
    invalid: [
      { name: 'a plan with no task (a table the import could not read)', plans: [province('p', [])], expect: [{ severity: 'error', plan: 'p', task: null }] },
    ],
  }, it);
});
