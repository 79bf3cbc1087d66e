import { describe, expect, it } from 'vitest';
import { check, district, province, ruleCases } from '../helpers/rule-tester.js';
import { taskFingerprint } from '../../src/core/check/fingerprint.js';

const parentTask = { key: 'II.1.a', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật', lead: ['Sở Nội vụ'], deadline: 'Quý III năm 2023' };
const parent = province('p', [parentTask]);
const child = (implementsLink: object[]) => district('c', 'p', [{ key: 'II.1', title: 'Hội nghị triển khai', lead: ['Phòng Nội vụ'], deadline: 'Quý III năm 2023', implements: implementsLink as never }]);

describe('suspect-link', () => {
  it('a task whose only link is stray is not matched automatically (matched, it is late against II.1.a)', () => {
    const late = (implementsLink?: object[]) => district('c', 'p', [{ key: 'II.1', title: 'Tổ chức Hội nghị quán triệt, phổ biến Luật', lead: ['Phòng Nội vụ'], deadline: 'Quý IV năm 2023', ...(implementsLink ? { implements: implementsLink as never } : {}) }]);
    expect(check([parent, late()]).findings.some((f) => f.rule === 'late-deadline' && f.parentTask === 'II.1.a')).toBe(true);
    expect(check([parent, late([{ plan: 'nosuchplan', task: 'II.1.a' }])]).findings.some((f) => f.rule === 'late-deadline')).toBe(false);
  });

  ruleCases('suspect-link', {
    valid: [
      { name: 'a link whose fingerprint still matches', plans: [parent, child([{ plan: 'p', task: 'II.1.a', fingerprint: taskFingerprint({ ...parentTask, title: parentTask.title }) }])] },
      { name: 'a bare link without a fingerprint', plans: [parent, district('c', 'p', [{ key: 'II.1', lead: ['Phòng Nội vụ'], implements: ['II.1.a'] }])] },
    ],
    invalid: [
      { name: 'the parent task changed since the link was written', plans: [parent, child([{ plan: 'p', task: 'II.1.a', fingerprint: 'sha1:0000000000000000' }])], expect: [{ severity: 'warning', task: 'II.1', parentTask: 'II.1.a', data: expect.objectContaining({ problem: 'changed' }) }] },
      { name: 'a link to a task the parent lacks', plans: [parent, district('c', 'p', [{ key: 'II.1', implements: ['II.9'] }])], expect: [{ parentTask: 'II.9', data: expect.objectContaining({ problem: 'no-such-task' }) }] },
      {
        name: 'a link into a plan that does not exist (issue 16)',
        plans: [parent, child([{ plan: 'nosuchplan', task: 'II.1.a' }])],
        expect: [{ task: 'II.1', parent: 'p', parentTask: null, data: expect.objectContaining({ problem: 'not-a-parent', linkedPlan: 'nosuchplan', linkedTask: 'II.1.a' }), message: expect.stringContaining('not a parent') }],
      },
      {
        name: 'a link into the plan itself',
        plans: [parent, child([{ plan: 'c', task: 'II.1' }])],
        expect: [{ task: 'II.1', parentTask: null, data: expect.objectContaining({ problem: 'self' }), message: expect.stringContaining('the plan itself') }],
      },
      {
        name: 'a link into a plan that exists but is not a parent, with two parents: reported once',
        plans: [parent, province('q', [{ key: 'I.1' }]), province('other', [{ key: 'I.1' }]), district('c', 'p', [{ key: 'II.1', implements: [{ plan: 'other', task: 'I.1' }] }], { basedOn: ['p', 'q'] })],
        expect: [{ task: 'II.1', data: expect.objectContaining({ problem: 'not-a-parent', linkedPlan: 'other' }) }],
      },
    ],
  }, it);
});
