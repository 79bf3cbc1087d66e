import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const title = 'Tổ chức tuyên truyền Luật trên các phương tiện thông tin đại chúng';
const parent = (lead: string[]) => province('p', [{ key: 'II.1.b', title, implement: lead, deadline: 'Thường xuyên' }]);
const child = (lead: string[]) => district('c', 'p', [{ key: 'II.1.b', title, implement: lead, deadline: 'Thường xuyên' }]);

describe('misassigned-agency', () => {
  ruleCases('misassigned-agency', {
    valid: [
      { name: 'Sở Thông tin và Truyền thông → Phòng Văn hóa và Thông tin', plans: [parent(['Sở Thông tin và Truyền thông']), child(['Phòng Văn hóa và Thông tin'])] },
      { name: 'any of several leads is a counterpart', plans: [parent(['Sở Thông tin và Truyền thông', 'Báo Thanh Hóa']), child(['Phòng Nội vụ', 'Phòng Văn hoá, Thông tin'])] },
      { name: "parent lead is the child's own government: any office of it will do", plans: [parent(['Ủy ban nhân dân các huyện, thị xã, thành phố']), child(['Phòng Tư pháp'])] },
      { name: "parent lead is the child's own government: the child may hand it to its communes", plans: [parent(['Ủy ban nhân dân cấp huyện']), child(['Ủy ban nhân dân các phường, xã'])] },
      { name: "a department's own plan leads its tasks itself", plans: [parent(['Sở Nội vụ']), { ...child(['Sở Tư pháp']), level: 'department', issuer: 'Sở Tư pháp tỉnh Thanh Hóa' }] },
      { name: 'vague lead is not judged', plans: [parent(['Sở Nội vụ']), child(['các cơ quan, đơn vị có liên quan'])] },
    ],
    invalid: [
      {
        name: "parent lead is the child's own government, child hands it to a province department",
        plans: [parent(['Ủy ban nhân dân các huyện, thị xã, thành phố']), child(['Sở Tư pháp'])],
        expect: [{ data: expect.objectContaining({ expected: ['Ủy ban nhân dân cấp huyện'], actual: ['Sở Tư pháp'] }) }],
      },
      {
        name: 'Sở Nội vụ → Phòng Tư pháp',
        plans: [parent(['Sở Nội vụ']), child(['Phòng Tư pháp'])],
        expect: [{ severity: 'warning', task: 'II.1.b', parentTask: 'II.1.b', data: expect.objectContaining({ expected: expect.arrayContaining(['Phòng Nội vụ']), actual: ['Phòng Tư pháp'] }) }],
      },
    ],
  }, it);
});
