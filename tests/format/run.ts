/** Shared by the format tests: runs `check` on a fixture tree with a fixed date and config. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

export const FORMAT_PLANS = 'tests/fixtures/format/plans';
export const FORMAT_CONFIG = 'tests/fixtures/format/kehoach.config.yaml';
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;

export function checkFixture(format: string, extra: string[] = [], plans = FORMAT_PLANS): Promise<CliRun> {
  return runCli(['check', plans, '--format', format, '--today', '2024-01-15', '--no-cache', '-c', FORMAT_CONFIG, ...extra]);
}

/** Compares with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites the golden instead (then read it!). */
export function expectGolden(name: string, actual: string): void {
  const file = `tests/golden/${name}`;
  if (process.env['UPDATE_GOLDEN']) writeFileSync(file, actual, 'utf8');
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
