/** Runs the CLI in-process with captured output (no spawn, so tests stay fast). */
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, env });
  return { code, out, err };
}

export const fixture = (...parts: string[]): string => ['tests/fixtures', ...parts].join('/');
