import { describe, expect, it } from 'vitest';
import { check, district, province, ruleCases } from '../helpers/rule-tester.js';

const parentWants = province('p', [{ key: 'IV.2', title: 'Báo cáo kết quả thực hiện về Sở Nội vụ', implement: ['Ủy ban nhân dân các huyện, thị xã, thành phố'], deadline: 'Hàng năm, trước ngày 15 tháng 11 hoặc đột xuất' }]);
const parentOwn = province('p', [{ key: 'IV.1', title: 'Tham mưu báo cáo kết quả thực hiện về Bộ Nội vụ', implement: ['Sở Nội vụ'], deadline: 'Hàng năm, trước ngày 01 tháng 12' }]);
const child = (deadline: string) => district('c', 'p', [{ key: 'III.2', title: 'Báo cáo kết quả thực hiện về phòng Nội vụ', implement: ['Ủy ban nhân dân các phường, xã'], deadline }]);

describe('reporting-chain', () => {
  ruleCases('reporting-chain', {
    valid: [
      { name: 'subordinates report two weeks before the parent wants the district', plans: [parentWants, child('Hằng năm, trước ngày 01/11 hoặc đột xuất')] },
      { name: 'no yearly date in the parent: nothing to compare', plans: [province('p', []), child('Hằng năm, trước ngày 01/12')] },
      {
        // Ninh Kiều IV.1: the district's own report to Sở Nội vụ, on the date the parent sets for it.
        name: "the child's own report sent up is not one it demands",
        plans: [parentWants, district('c', 'p', [{ key: 'IV.1', title: 'Trưởng Phòng Nội vụ tham mưu Chủ tịch Ủy ban nhân dân huyện báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp', implement: ['Phòng Nội vụ'], deadline: 'Hàng năm, trước ngày 15 tháng 11' }])],
      },
    ],
    invalid: [
      { name: "subordinates' date after the date the parent sets for districts", plans: [parentWants, child('Hằng năm, trước ngày 20/11')], expect: [{ severity: 'error', task: 'III.2', parentTask: 'IV.2', data: expect.objectContaining({ bound: 'child-level', childDue: expect.objectContaining({ month: 11, day: 19 }) }) }] },
      { name: "no date for the district level: the parent's own reporting date bounds", plans: [parentOwn, child('Hằng năm, trước ngày 05 tháng 12')], expect: [{ parentTask: 'IV.1', data: expect.objectContaining({ bound: 'parent-own' }) }] },
    ],
  }, it);

  it('replaces late-deadline on the same pair of tasks (one defect, one finding)', () => {
    const plans = [parentWants, district('c', 'p', [{ key: 'IV.2', title: 'Báo cáo kết quả thực hiện về Sở Nội vụ', implement: ['Ủy ban nhân dân các phường, xã'], deadline: 'Hằng năm, trước ngày 20/11' }])];
    const rules = check(plans).findings.filter((f) => f.task === 'IV.2' && f.parentTask === 'IV.2').map((f) => f.rule);
    expect(rules).toContain('reporting-chain');
    expect(rules).not.toContain('late-deadline');
  });
});
