import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const parent = province('p', [
  { key: 'II.1', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật cho cán bộ', lead: ['Sở Nội vụ'] },
  { key: 'II.2', title: 'Ban hành Quy chế thực hiện dân chủ ở cơ sở', lead: ['Sở Nội vụ'] },
]);

describe('uncertain-match', () => {
  ruleCases('uncertain-match', {
    valid: [{ name: 'a clear match', plans: [parent, district('c', 'p', [{ key: 'II.2', title: 'Ban hành Quy chế thực hiện dân chủ ở cơ sở', lead: ['Phòng Nội vụ'] }])] }],
    invalid: [
      {
        name: 'a title sharing only a little with a parent task (a conference on something else)',
        plans: [parent, district('c', 'p', [{ key: 'II.9', title: 'Hội nghị phổ biến kinh nghiệm sản xuất', lead: ['Phòng Nội vụ'] }])],
        expect: [{ severity: 'info', task: 'II.9', parentTask: 'II.1', data: expect.objectContaining({ kind: 'weak' }) }],
      },
    ],
  }, it);
});
