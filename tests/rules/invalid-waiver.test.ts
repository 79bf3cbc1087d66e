import { describe, expect, it } from 'vitest';
import { check, district, province, ruleCases } from '../helpers/rule-tester.js';

// The parent's one task is the province's own (not addressed to districts): no missing-task, and not an empty-plan.
const parent = province('p', [{ key: 'III.1', title: 'Theo dõi, đôn đốc việc thực hiện', lead: ['Sở Nội vụ'] }]);
const lead = (waivers: object[]) => district('c', 'p', [{ key: 'II.1', title: 'Tổ chức tập huấn', lead: ['Sở Nội vụ'] }], { waivers: waivers as never });

describe('invalid-waiver', () => {
  ruleCases('invalid-waiver', {
    valid: [{ name: 'a waiver with a reason that matches a finding', plans: [parent, lead([{ rule: 'wrong-level-agency', task: 'II.1', reason: 'Sở Nội vụ agreed in writing to lead the district training' }])] }],
    invalid: [
      { name: 'no reason', plans: [parent, lead([{ rule: 'wrong-level-agency', task: 'II.1' }])], expect: [{ severity: 'warning', data: expect.objectContaining({ problem: 'no-reason' }) }] },
      { name: 'matches nothing', plans: [parent, lead([{ rule: 'missing-task', task: 'II.7', reason: 'not needed' }])], expect: [{ data: expect.objectContaining({ problem: 'unused' }) }] },
      { name: 'expired', plans: [parent, lead([{ rule: 'wrong-level-agency', task: 'II.1', reason: 'temporary', expires: '2025-12-31' }])], expect: [{ data: expect.objectContaining({ problem: 'expired' }) }] },
      { name: 'unknown rule id', plans: [parent, lead([{ rule: 'no-such-rule', reason: 'typo' }])], expect: [{ data: expect.objectContaining({ problem: 'unknown-rule' }) }] },
    ],
  }, it);

  it('a waived finding stays in the report, marked and counted, and does not count as an error', () => {
    const r = check([parent, lead([{ rule: 'wrong-level-agency', task: 'II.1', reason: 'agreed in writing' }])]);
    const f = r.findings.find((x) => x.rule === 'wrong-level-agency');
    expect(f?.waived).toEqual({ reason: 'agreed in writing' });
    expect(r.summary.waived).toBe(1);
    expect(r.summary.error).toBe(0);
  });

  it('a waiver without a reason waives nothing', () => {
    const r = check([parent, lead([{ rule: 'wrong-level-agency', task: 'II.1' }])]);
    expect(r.findings.find((x) => x.rule === 'wrong-level-agency')?.waived).toBeUndefined();
    expect(r.summary.error).toBe(1);
  });
});
