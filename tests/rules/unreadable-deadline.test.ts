import { describe, expect, it } from 'vitest';
import { province, ruleCases } from '../helpers/rule-tester.js';

describe('unreadable-deadline', () => {
  ruleCases('unreadable-deadline', {
    valid: [
      { name: 'a readable deadline', plans: [province('p', [{ key: 'II.1', deadline: 'Quý III năm 2023' }])] },
      { name: 'unknown is not unreadable', plans: [province('p', [{ key: 'II.1', deadline: 'unknown' }])] },
      { name: 'no deadline at all', plans: [province('p', [{ key: 'II.1' }])] },
    ],
    invalid: [
      { name: 'words the parser does not know', plans: [province('p', [{ key: 'II.1', deadline: 'khi nào xong thì thôi' }])], expect: [{ severity: 'warning', task: 'II.1', data: expect.objectContaining({ deadline: 'khi nào xong thì thôi', reason: expect.any(String) }) }] },
      { name: 'a year outside 1945–2100 is never compared', plans: [province('p', [{ key: 'II.1', deadline: 'Quý III năm 1900' }])], expect: [{ task: 'II.1', data: expect.objectContaining({ reason: expect.stringContaining('1900') }) }] },
    ],
  }, it);
});
