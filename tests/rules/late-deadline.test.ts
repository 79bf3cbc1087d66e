import { describe, expect, it } from 'vitest';
import { district, findingsOf, province, ruleCases } from '../helpers/rule-tester.js';

const title = 'Tổ chức Hội nghị quán triệt, phổ biến Luật';
const mirrored = (deadline: string) => province('p', [{ key: 'II.1.a', title, lead: ['Sở Nội vụ'], deadline }]);
const addressed = (deadline: string) => province('p', [{ key: 'II.1.a', title, implement: ['Ủy ban nhân dân cấp huyện'], deadline }]);
const child = (deadline: string) => district('c', 'p', [{ key: 'II.1.a', title, lead: ['Phòng Nội vụ'], deadline }]);

describe('late-deadline', () => {
  ruleCases('late-deadline', {
    valid: [
      { name: 'same quarter', plans: [mirrored('Quý III năm 2023'), child('Quý III năm 2023')] },
      { name: 'earlier', plans: [mirrored('Quý IV năm 2023'), child('Tháng 9 năm 2023')] },
      { name: 'parent deadline unknown: cannot compare', plans: [mirrored('unknown'), child('Quý IV năm 2023')] },
      { name: 'open-ended parent, child starting inside its first period', plans: [mirrored('Năm 2023 và các năm tiếp theo'), child('Từ Quý IV năm 2023 và các năm tiếp theo')] },
    ],
    invalid: [
      {
        name: 'a mirrored task one quarter late is a warning',
        plans: [mirrored('Quý III năm 2023'), child('Quý IV năm 2023')],
        expect: [{ severity: 'warning', task: 'II.1.a', parentTask: 'II.1.a', line: expect.any(Number), data: expect.objectContaining({ delayDays: 92, addressing: 'mirrored', method: 'auto' }) }],
      },
      {
        name: 'an addressed duty late is an error',
        plans: [addressed('Quý III năm 2023'), child('Năm 2024')],
        expect: [{ severity: 'error', data: expect.objectContaining({ addressing: 'addressed', childDeadline: expect.objectContaining({ end: '2024-12-31' }) }) }],
      },
      {
        name: 'open-ended parent from 2023, child only from 2024',
        plans: [mirrored('Năm 2023 và các năm tiếp theo'), child('Từ năm 2024 và các năm tiếp theo')],
        expect: [{ severity: 'warning' }],
      },
    ],
  }, it);

  it("the child's own yearly report sent up after the date the parent sets for its level", () => {
    // The report is linked to the parent's monitoring task, not to IV.2: it is found as the child's own, sent up.
    const parent = province('p', [
      { key: 'IV.1', title: 'Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch', implement: ['Sở Nội vụ'] },
      { key: 'IV.2', title: 'Chủ tịch Ủy ban nhân dân các huyện xây dựng Kế hoạch chi tiết trong phạm vi quản lý, gửi Sở Nội vụ', implement: ['Ủy ban nhân dân các huyện, thị xã, thành phố'], deadline: 'Hàng năm, trước ngày 15 tháng 11 hoặc đột xuất' },
    ]);
    const own = (deadline: string) => district('c', 'p', [
      { key: 'IV.1', title: 'Trưởng Phòng Nội vụ giúp Chủ tịch theo dõi, đôn đốc; tham mưu báo cáo kết quả về Sở Nội vụ', implement: ['Phòng Nội vụ'], implements: ['IV.1'], deadline },
      { key: 'IV.2', title: 'Các phòng, ban và Ủy ban nhân dân các xã, thị trấn tổ chức hội nghị sơ kết', implement: ['Ủy ban nhân dân các xã, thị trấn'], deadline: 'Năm 2024' },
    ]);
    const late = findingsOf('late-deadline', [parent, own('Hàng năm, trước ngày 25 tháng 11')]).filter((f) => f.task === 'IV.1');
    expect(late).toEqual([expect.objectContaining({ severity: 'error', parentTask: 'IV.2', data: expect.objectContaining({ variant: 'own-report', childDue: { month: 11, day: 24, label: null } }) })]);
    expect(late[0]!.message).toMatch(/sends its own report .* later than the date p IV.2 sets for this level/);
    expect(findingsOf('late-deadline', [parent, own('Hàng năm, trước ngày 10 tháng 11')]).filter((f) => f.task === 'IV.1')).toEqual([]);
  });
});
