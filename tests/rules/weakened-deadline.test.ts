import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const title = 'Tổ chức Hội nghị quán triệt, phổ biến Luật';
const parent = (deadline: string) => province('p', [{ key: 'II.1.a', title, lead: ['Sở Nội vụ'], deadline }]);
const child = (deadline: string) => district('c', 'p', [{ key: 'II.1.a', title, lead: ['Phòng Nội vụ'], deadline }]);

describe('weakened-deadline', () => {
  ruleCases('weakened-deadline', {
    valid: [
      { name: 'both continuous', plans: [parent('Thường xuyên'), child('Thường xuyên')] },
      { name: 'child finite inside the window', plans: [parent('Quý II và Quý III năm 2023'), child('Quý III năm 2023')] },
      { name: 'child late and open: only late-deadline is reported', plans: [parent('Quý III năm 2023'), child('Từ năm 2024 và các năm tiếp theo')] },
    ],
    invalid: [
      { name: 'finite parent, continuous child', plans: [parent('Quý III năm 2023'), child('Thường xuyên')], expect: [{ severity: 'warning', task: 'II.1.a', data: expect.objectContaining({ addressing: 'mirrored' }) }] },
      { name: 'finite parent, open-ended child starting in time', plans: [parent('Quý II và Quý III năm 2023'), child('Năm 2023 và các năm tiếp theo')], expect: [{ severity: 'warning' }] },
    ],
  }, it);
});
