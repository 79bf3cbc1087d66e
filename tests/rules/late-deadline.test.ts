import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

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
});
