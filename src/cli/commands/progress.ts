/**
 * Progress on stderr for runs longer than a second, and only when stderr is a terminal: a
 * pipe, a file or CI logs never see it, and output stays byte-identical.
 */
import type { CliIO } from './context.js';

export interface Progress {
  (message: string): void;
  done(): void;
}

const DELAY_MS = 1000;

export function progressOn(io: CliIO): Progress {
  let last = '';
  let shown = false;
  const draw = (): void => {
    io.err(`\r\x1b[Kkehoach: ${last}…`);
    shown = true;
  };
  const timer = io.errIsTTY ? setTimeout(() => last && draw(), DELAY_MS) : null;
  timer?.unref();
  const report = ((message: string) => {
    last = message;
    if (shown) draw();
  }) as Progress;
  report.done = () => {
    if (timer) clearTimeout(timer);
    if (shown) io.err('\r\x1b[K');
  };
  return report;
}
