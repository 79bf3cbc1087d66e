import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const toDistricts = { key: 'II.1', title: 'Tổ chức tập huấn chuyên sâu về Luật cho cán bộ cấp xã', implement: ['Ủy ban nhân dân các huyện, thị xã, thành phố'], deadline: 'Quý III năm 2023' };
const provinceOwn = { key: 'II.2', title: 'Tổ chức tuyên truyền trên Báo tỉnh', lead: ['Sở Thông tin và Truyền thông'], deadline: 'Thường xuyên' };

describe('missing-task', () => {
  ruleCases('missing-task', {
    valid: [
      { name: 'the addressed duty is carried', plans: [province('p', [toDistricts]), district('c', 'p', [{ key: 'II.1', title: 'Tổ chức tập huấn chuyên sâu về Luật cho cán bộ cấp xã', lead: ['Phòng Nội vụ'], deadline: 'Quý III năm 2023' }])] },
      { name: "a duty of the province's own department is not addressed to a district", plans: [province('p', [provinceOwn]), district('c', 'p', [])] },
      { name: 'cascade: none is never required', plans: [province('p', [{ ...toDistricts, cascade: 'none' }]), district('c', 'p', [])] },
      {
        name: "a duty that only asks for the child's own plan is carried by the plan itself",
        plans: [province('p', [{ key: 'III.4', title: 'Xây dựng Kế hoạch thực hiện Luật Thực hiện dân chủ ở cơ sở', implement: ['UBND các huyện, thành phố'] }]), district('c', 'p', [])],
      },
      {
        name: 'a standing instruction ("nếu có khó khăn, vướng mắc … báo cáo") is not restated',
        plans: [province('p', [{ key: 'III.5', title: 'Trong quá trình triển khai thực hiện Kế hoạch, nếu có khó khăn, vướng mắc, đề nghị UBND các huyện kịp thời báo cáo UBND tỉnh để xem xét, giải quyết', implement: ['UBND các huyện, thị xã, thành phố'] }]), district('c', 'p', [])],
      },
      {
        name: 'a task carrying a duty in other words (a weak best match of an otherwise uncarried duty)',
        plans: [
          province('p', [{ key: 'II.1', title: 'Tổ chức tuyên truyền Luật trên các phương tiện thông tin đại chúng', implement: ['Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện'], deadline: 'Thường xuyên' }]),
          district('c', 'p', [{ key: 'II.2', title: 'Tuyên truyền Luật trên sóng phát thanh, truyền hình, trang thông tin điện tử của huyện và hệ thống truyền thanh cơ sở', implement: ['Trung tâm Văn hóa - Thể thao và Truyền thông huyện'], deadline: 'Thường xuyên' }]),
        ],
      },
      {
        name: "a department's plan carries what the province gives its departments as a collective",
        plans: [
          province('p', [{ key: 'II.5', title: 'Ban hành Quy chế thực hiện dân chủ ở cơ sở', implement: ['các sở, ban, ngành'], deadline: 'Quý IV năm 2023' }]),
          { ...district('c', 'p', [{ key: 'II.2', title: 'Ban hành Quy chế thực hiện dân chủ trong hoạt động của Sở', lead: ['Văn phòng Sở'], deadline: 'Quý IV năm 2023' }]), level: 'department', issuer: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa' },
        ],
      },
    ],
    invalid: [
      {
        name: 'a duty of UBND các huyện, thị xã, thành phố that no child task implements',
        plans: [province('p', [toDistricts, provinceOwn]), district('c', 'p', [{ key: 'II.5', title: 'Ban hành Quy chế thực hiện dân chủ ở cơ sở', lead: ['Phòng Nội vụ'] }])],
        expect: [{ severity: 'error', plan: 'c', parent: 'p', parentTask: 'II.1', task: null, data: expect.objectContaining({ addressing: 'addressed', parentLabel: 'II.1' }) }],
      },
      {
        name: "… and misses it when it has no such task",
        plans: [
          province('p', [{ key: 'II.5', title: 'Ban hành Quy chế thực hiện dân chủ ở cơ sở', implement: ['các sở, ban, ngành'], deadline: 'Quý IV năm 2023' }]),
          { ...district('c', 'p', [{ key: 'II.1', title: 'Tổ chức hội nghị quán triệt Luật', lead: ['Văn phòng Sở'], deadline: 'Quý III năm 2023' }]), level: 'department', issuer: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa' },
        ],
        expect: [{ severity: 'error', parentTask: 'II.5' }],
      },
      {
        name: 'cascade: required forces a province-level duty onto the child',
        plans: [province('p', [{ ...provinceOwn, cascade: 'required' }]), district('c', 'p', [])],
        expect: [{ severity: 'error', parentTask: 'II.2' }],
      },
    ],
  }, it);
});
