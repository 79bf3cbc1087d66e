import { describe, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('duplicate-task-number', () => {
  ruleCases('duplicate-task-number', {
    valid: [{ name: 'distinct numbers', plans: [province('p', [{ key: 'II.1.d' }, { key: 'II.1.đ' }])] }],
    invalid: [
      {
        name: "Thái Nguyên's second d)",
        plans: [province('p', [{ key: 'II.1.d', title: 'Ban hành văn bản' }, { key: 'II.1.d-2', label: 'II.1.d', title: 'Ban hành Nghị quyết' }])],
        expect: [{ severity: 'warning', task: 'II.1.d-2', parent: null, data: expect.objectContaining({ label: 'II.1.d', firstTask: 'II.1.d' }) }],
      },
    ],
  }, it);
});
