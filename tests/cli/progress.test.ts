/** Progress goes to stderr only on a terminal and only for runs longer than a second. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressOn } from '../../src/cli/commands/progress.js';

const io = (errIsTTY: boolean) => {
  const lines = { err: '' };
  return { lines, io: { out: () => undefined, err: (s: string) => (lines.err += s), isTTY: false, errIsTTY, env: {} } };
};

describe('progress', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the current phase after a second on a terminal, and clears it at the end', () => {
    vi.useFakeTimers();
    const t = io(true);
    const p = progressOn(t.io);
    p('reading 11000 files');
    expect(t.lines.err).toBe('');
    vi.advanceTimersByTime(1000);
    expect(t.lines.err).toContain('kehoach: reading 11000 files…');
    p('checking');
    expect(t.lines.err).toContain('kehoach: checking…');
    p.done();
    expect(t.lines.err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('says nothing for a run under a second', () => {
    vi.useFakeTimers();
    const t = io(true);
    const p = progressOn(t.io);
    p('checking');
    vi.advanceTimersByTime(500);
    p.done();
    vi.advanceTimersByTime(2000);
    expect(t.lines.err).toBe('');
  });

  it('says nothing when stderr is not a terminal', () => {
    vi.useFakeTimers();
    const t = io(false);
    const p = progressOn(t.io);
    p('checking');
    vi.advanceTimersByTime(5000);
    p.done();
    expect(t.lines.err).toBe('');
  });
});
