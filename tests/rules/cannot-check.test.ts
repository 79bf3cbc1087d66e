import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const known = { key: 'II.1.a', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật', lead: ['Sở Nội vụ'], deadline: 'Quý III năm 2023' };
const partial = province('p', [known], { completeness: { status: 'partial', knownUntil: { task: 'II.1.a' } } });
const complete = province('p', [known]);
const child = district('c', 'p', [
  { key: 'II.1.a', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật', lead: ['Phòng Nội vụ'], deadline: 'Quý III năm 2023' },
  { key: 'II.4', title: 'Rà soát các văn bản quy phạm pháp luật hiện hành', lead: ['Phòng Tư pháp'], deadline: 'Định kỳ và khi có yêu cầu' },
]);

describe('cannot-check', () => {
  ruleCases('cannot-check', {
    valid: [{ name: 'a complete parent: an unmatched child task is simply its own', plans: [complete, child] }],
    invalid: [{ name: 'a task beyond the known part of a cut-off parent', plans: [partial, child], expect: [{ severity: 'info', task: 'II.4', parentTask: null, data: expect.objectContaining({ knownUntil: 'II.1.a' }) }] }],
  }, it);
});
