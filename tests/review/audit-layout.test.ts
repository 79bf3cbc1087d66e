/** The graph is laid out only for the HTML page: JSON and Markdown never call the layout (issue 19). */
import { describe, expect, it, vi } from 'vitest';
import * as layout from '../../src/format/layout.js';
import { auditCommand } from '../../src/cli/commands/audit.js';
import { captureIO, TODAY } from './helpers.js';

vi.mock('../../src/format/layout.js', async (original) => {
  const m = await original<typeof import('../../src/format/layout.js')>();
  return { ...m, layoutGraph: vi.fn(m.layoutGraph), layeredLayout: vi.fn(m.layeredLayout) };
});

describe('layout only where read', () => {
  it('json and markdown audits never lay the graph out; html does', async () => {
    const calls = (): number => vi.mocked(layout.layoutGraph).mock.calls.length + vi.mocked(layout.layeredLayout).mock.calls.length;
    for (const format of ['json', 'markdown'] as const) {
      const io = captureIO();
      expect(await auditCommand(io, 'qd-346-ttg-2023', { format, depth: 2, plans: ['plans', 'examples/thanh-hoa'], today: TODAY })).toBe(0);
      expect(io.stdout().length).toBeGreaterThan(1000);
      expect(calls()).toBe(0);
    }
    const io = captureIO();
    expect(await auditCommand(io, 'qd-346-ttg-2023', { format: 'html', depth: 2, plans: ['plans', 'examples/thanh-hoa'], today: TODAY })).toBe(0);
    expect(calls()).toBe(1);
  });
});
