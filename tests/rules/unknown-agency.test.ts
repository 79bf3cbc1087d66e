import { describe, expect, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('unknown-agency', () => {
  ruleCases('unknown-agency', {
    valid: [
      { name: 'known names, any spelling', plans: [province('p', [{ key: 'II.1', lead: ['Sở Nội Vụ'], coordinate: ['Sở TT&TT', 'Uỷ ban nhân dân các huyện, thị xã, thành phố'] }])] },
      { name: 'vague phrases are not unknown', plans: [province('p', [{ key: 'II.1', coordinate: ['các cơ quan, đơn vị có liên quan'] }])] },
    ],
    invalid: [
      {
        name: 'a name the ontology does not hold',
        plans: [province('p', [{ key: 'II.1', lead: ['Sở Nội vụ'], coordinate: ['Hội Những người nuôi ong'] }])],
        expect: [{ severity: 'warning', task: 'II.1', data: expect.objectContaining({ agency: 'Hội Những người nuôi ong', role: 'coordinate' }) }],
      },
    ],
  }, it);
});
