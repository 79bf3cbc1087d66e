import { describe, expect, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

const CITED = { text: 'Kế hoạch số 12/KH-UBND ngày 01/7/2023 của UBND tỉnh Thanh Hóa', number: '12/KH-UBND', issued: '2023-07-01', by: 'UBND tỉnh Thanh Hóa' };
// The parent of the valid cases is national, which needs no parent itself.
const national = (id: string) => province(id, [{ key: 'II.1' }], { level: 'national', issuer: 'Thủ tướng Chính phủ', jurisdiction: 'Việt Nam' });

describe('no-parent', () => {
  ruleCases('no-parent', {
    valid: [
      { name: 'a province plan whose parent is loaded', plans: [national('n'), province('p', [{ key: 'II.1' }], { basedOn: ['n'] })] },
      {
        name: 'an unresolved citation beside a parent that is loaded',
        plans: [national('n'), province('p', [{ key: 'II.1' }], { basedOn: ['n'], cites: [CITED] })],
      },
      { name: 'a national plan citing a plan it does not load', plans: [province('n', [{ key: 'II.1' }], { level: 'national', cites: [CITED] })] },
      { name: 'a national plan citing nothing', plans: [national('n')] },
    ],
    invalid: [
      {
        name: 'a district plan citing a parent that is not loaded',
        plans: [province('d', [{ key: 'II.1' }], { level: 'district', basedOn: [{ law: '10/2022/QH15' }], cites: [CITED] })],
        expect: [{ severity: 'error', plan: 'd', task: null, data: expect.objectContaining({ cited: CITED.text }) }],
      },
      {
        name: 'a province plan citing nothing at all',
        plans: [province('p', [{ key: 'II.1' }], { basedOn: [] })],
        expect: [{ severity: 'error', plan: 'p', task: null, data: { variant: 'none' }, message: expect.stringContaining('cites no parent plan and no legal basis') }],
      },
      {
        name: 'a plan resting on legal bases alone: an info note, not an error',
        plans: [province('p', [{ key: 'II.1' }], { basedOn: [{ law: '10/2022/QH15' }, { decree: '59/2023/NĐ-CP' }] })],
        expect: [{ severity: 'info', plan: 'p', task: null, data: { variant: 'legal-bases-only', bases: ['10/2022/QH15', '59/2023/NĐ-CP'] }, message: expect.stringContaining('(10/2022/QH15; 59/2023/NĐ-CP)') }],
      },
    ],
  }, it);
});
