import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const CITED = { text: 'Kế hoạch số 12/KH-UBND ngày 01/7/2023 của UBND tỉnh Thanh Hóa', number: '12/KH-UBND', issued: '2023-07-01', by: 'UBND tỉnh Thanh Hóa' };

describe('no-parent', () => {
  ruleCases('no-parent', {
    valid: [
      { name: 'a district plan whose parent is loaded', plans: [province('p', [{ key: 'II.1' }]), district('d', 'p', [{ key: 'II.1' }])] },
      {
        name: 'an unresolved citation beside a parent that is loaded',
        plans: [province('p', [{ key: 'II.1' }]), district('d', 'p', [{ key: 'II.1' }], { cites: [CITED] })],
      },
      { name: 'a national plan citing a plan it does not load', plans: [province('n', [{ key: 'II.1' }], { level: 'national', cites: [CITED] })] },
    ],
    invalid: [
      {
        name: 'a district plan citing a parent that is not loaded',
        plans: [province('d', [{ key: 'II.1' }], { level: 'district', basedOn: [{ law: '10/2022/QH15' }], cites: [CITED] })],
        expect: [{ severity: 'error', plan: 'd', task: null, data: expect.objectContaining({ cited: CITED.text }) }],
      },
    ],
  }, it);
});
