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
      {
        name: 'a higher-level child lead is wrong-level-agency alone (one defect, one finding)',
        plans: [parent(['Ủy ban nhân dân các huyện, thị xã, thành phố']), child(['Sở Tư pháp'])],
      },
      {
        // Thái Nguyên II.1.d: lead "HĐND các cấp"; the bullet addressed to districts is UBND cấp huyện's.
        name: 'judged against the duty addressed to the child (a bullet), not the first lead',
        plans: [
          province('p', [{ key: 'II.1.d', title: 'Ban hành Nghị quyết của HĐND các cấp', lead: ['Hội đồng nhân dân các cấp'], duties: [{ owner: 'Sở Nội vụ', does: 'tham mưu UBND tỉnh trình HĐND tỉnh' }, { owner: ['Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân cấp xã'], does: 'trình HĐND cấp huyện, cấp xã' }], deadline: 'Năm 2023' }]),
          district('c', 'p', [{ key: 'II.1.d', title: 'Ban hành Nghị quyết của HĐND huyện', lead: ['Phòng Nội vụ'], deadline: 'Năm 2023' }]),
        ],
      },
      {
        name: 'conjoined owners: the child level\'s one decides',
        plans: [parent(['Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân cấp huyện']), child(['Các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện'])],
      },
      { name: 'a collective has the collective of the child level as counterpart', plans: [parent(['các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh']), child(['các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện'])] },
      { name: '… and any member of it', plans: [parent(['các sở, ban, ngành']), child(['Phòng Tư pháp'])] },
      { name: 'a council of the child level: any agency of its government prepares the duty', plans: [parent(['Hội đồng nhân dân cấp huyện']), child(['Phòng Nội vụ'])] },
      { name: 'a duty addressed below the child is passed down to the communes', plans: [parent(['Ủy ban nhân dân cấp xã']), child(['Ủy ban nhân dân các xã, thị trấn'])] },
      { name: '… or kept by an agency of the child\'s government', plans: [parent(['Ủy ban nhân dân cấp xã']), child(['Phòng Nội vụ'])] },
    ],
    invalid: [
      {
        name: 'a collective counterpart is not met by a body of another kind',
        plans: [parent(['các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh']), child(['Trung tâm Văn hóa - Thể thao và Truyền thông huyện'])],
        expect: [{ data: expect.objectContaining({ expected: expect.arrayContaining(['các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp huyện']) }) }],
      },
      {
        name: 'the duty addressed to the child is an agency of its level: another one does not carry it',
        plans: [
          province('p', [{ key: 'II.1.b', title, implement: ['Sở Thông tin và Truyền thông', 'Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện'], deadline: 'Thường xuyên' }]),
          district('c', 'p', [{ key: 'II.1.b', title, implement: ['Phòng Tư pháp'], deadline: 'Thường xuyên' }]),
        ],
        expect: [{ severity: 'error', data: expect.objectContaining({ parentAgencies: ['Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện'] }) }],
      },
      {
        name: 'Sở Nội vụ → Phòng Tư pháp',
        plans: [parent(['Sở Nội vụ']), child(['Phòng Tư pháp'])],
        expect: [{ severity: 'warning', task: 'II.1.b', parentTask: 'II.1.b', data: expect.objectContaining({ expected: expect.arrayContaining(['Phòng Nội vụ']), actual: ['Phòng Tư pháp'] }) }],
      },
    ],
  }, it);
});
