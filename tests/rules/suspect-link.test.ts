import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';
import { taskFingerprint } from '../../src/core/check/fingerprint.js';

const parentTask = { key: 'II.1.a', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật', lead: ['Sở Nội vụ'], deadline: 'Quý III năm 2023' };
const parent = province('p', [parentTask]);
const child = (implementsLink: object[]) => district('c', 'p', [{ key: 'II.1', title: 'Hội nghị triển khai', lead: ['Phòng Nội vụ'], deadline: 'Quý III năm 2023', implements: implementsLink as never }]);

describe('suspect-link', () => {
  ruleCases('suspect-link', {
    valid: [
      { name: 'a link whose fingerprint still matches', plans: [parent, child([{ plan: 'p', task: 'II.1.a', fingerprint: taskFingerprint({ ...parentTask, title: parentTask.title }) }])] },
      { name: 'a bare link without a fingerprint', plans: [parent, district('c', 'p', [{ key: 'II.1', lead: ['Phòng Nội vụ'], implements: ['II.1.a'] }])] },
    ],
    invalid: [
      { name: 'the parent task changed since the link was written', plans: [parent, child([{ plan: 'p', task: 'II.1.a', fingerprint: 'sha1:0000000000000000' }])], expect: [{ severity: 'warning', task: 'II.1', parentTask: 'II.1.a', data: expect.objectContaining({ problem: 'changed' }) }] },
      { name: 'a link to a task the parent lacks', plans: [parent, district('c', 'p', [{ key: 'II.1', implements: ['II.9'] }])], expect: [{ parentTask: 'II.9', data: expect.objectContaining({ problem: 'no-such-task' }) }] },
    ],
  }, it);
});
