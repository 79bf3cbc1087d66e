import { describe, expect, it } from 'vitest';
import { district, province, ruleCases } from '../helpers/rule-tester.js';

const p = province('p', []);
const task = (extra: object) => ({ key: 'II.1', title: 'Tổ chức tập huấn', deadline: 'Quý IV năm 2023', ...extra });

describe('wrong-level-agency', () => {
  ruleCases('wrong-level-agency', {
    valid: [
      { name: 'own office as lead', plans: [p, district('c', 'p', [task({ lead: ['Phòng Nội vụ'] })])] },
      { name: 'a higher-level coordinator is not an order', plans: [p, district('c', 'p', [task({ lead: ['Phòng Nội vụ'], coordinate: ['Sở Nội vụ'] })])] },
      { name: 'lower levels inside its jurisdiction are its to direct', plans: [p, district('c', 'p', [task({ implement: ['Ủy ban nhân dân các phường, xã'] })])] },
      { name: 'independent bodies are left to order-to-independent-body', plans: [p, district('c', 'p', [task({ lead: ['Ủy ban Mặt trận Tổ quốc tỉnh'] })])] },
    ],
    invalid: [
      { name: 'a district plan makes Sở Nội vụ the lead', plans: [p, district('c', 'p', [task({ lead: ['Sở Nội vụ'] })])], expect: [{ severity: 'error', plan: 'c', parent: null, task: 'II.1', data: expect.objectContaining({ agencyLevel: 'province', planLevel: 'district', role: 'lead' }) }] },
    ],
  }, it);
});
