import { describe, expect, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('duplicate-task-number', () => {
  ruleCases('duplicate-task-number', {
    valid: [
      { name: 'distinct numbers', plans: [province('p', [{ key: 'II.1.d' }, { key: 'II.1.đ' }])] },
      { name: "unnumbered '-' duties under one section (Hòa Bình V.1)", plans: [province('p', [{ key: 'V.1-1', label: 'V.1' }, { key: 'V.1-2', label: 'V.1' }])] },
    ],
    invalid: [
      {
        name: "Thái Nguyên's second d)",
        plans: [province('p', [{ key: 'II.1.d', title: 'Ban hành văn bản' }, { key: 'II.1.d-2', label: 'II.1.d', title: 'Ban hành Nghị quyết' }])],
        expect: [{ severity: 'warning', task: 'II.1.d-2', parent: null, data: expect.objectContaining({ label: 'II.1.d', firstTask: 'II.1.d' }) }],
      },
    ],
  }, it);
});
