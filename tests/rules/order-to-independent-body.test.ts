import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const p = province('p', []);
const task = (extra: object) => ({ key: 'II.1.c', title: 'Tổ chức tập huấn chuyên sâu', deadline: 'Quý IV năm 2023', ...extra });

describe('order-to-independent-body', () => {
  ruleCases('order-to-independent-body', {
    valid: [
      { name: '"Đề nghị" on the task', plans: [p, district('c', 'p', [task({ implement: ['Ủy ban Mặt trận Tổ quốc thị xã'], request: true })])] },
      { name: '"Đề nghị" on a + bullet', plans: [p, district('c', 'p', [task({ lead: ['Phòng Nội vụ'], duties: [{ owner: 'Liên đoàn Lao động thị xã', request: true, does: 'tổ chức tập huấn' }] })])] },
      { name: 'as a coordinator', plans: [p, district('c', 'p', [task({ lead: ['Phòng Nội vụ'], coordinate: ['Ủy ban Mặt trận Tổ quốc thị xã'] })])] },
      { name: 'police and army sit on the UBND', plans: [p, district('c', 'p', [task({ implement: ['Công an thị xã', 'Ban Chỉ huy quân sự thị xã'] })])] },
    ],
    invalid: [
      { name: 'Mặt trận as lead without "Đề nghị"', plans: [p, district('c', 'p', [task({ lead: ['Ủy ban Mặt trận Tổ quốc thị xã'] })])], expect: [{ severity: 'warning', task: 'II.1.c', data: expect.objectContaining({ role: 'lead' }) }] },
      { name: 'HĐND các cấp as lead (Thái Nguyên II.1.d)', plans: [province('q', [task({ lead: ['HĐND các cấp'] })])], expect: [{ severity: 'warning', plan: 'q' }] },
      { name: 'a + bullet ordering the trade union', plans: [p, district('c', 'p', [task({ duties: [{ owner: 'Liên đoàn Lao động thị xã', does: 'tổ chức tập huấn' }] })])], expect: [{ data: expect.objectContaining({ role: 'duties' }) }] },
    ],
  }, it);
});
