/** `kehoach rules`: every rule of the catalogue with id, default severity and description. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { RULES } from '../../src/core/rules/index.js';
import type { RuleInfo } from '../../src/cli/commands/rules.js';

describe('kehoach rules', () => {
  it('--format json lists every rule, sorted, with its default severity and an English description', async () => {
    const r = await runCli(['rules', '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(0);
    const infos = JSON.parse(r.out) as RuleInfo[];
    expect(infos.map((i) => i.id)).toEqual(RULES.map((x) => x.id).sort());
    for (const i of infos) {
      expect(i.severity).toBe(RULES.find((x) => x.id === i.id)!.defaultSeverity);
      expect(i.description).not.toBe(i.id);
    }
    expect(infos.find((i) => i.id === 'missing-task')).toMatchObject({ severity: 'error', graded: true, description: "A parent duty addressed to the child's level that no child task implements." });
  });

  it('text is one line per rule, Vietnamese by default', async () => {
    const r = await runCli(['rules']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines.find((l) => l.startsWith('suspect-link '))).toMatch(/^suspect-link\s+cảnh báo\s+Liên kết tường minh/);
  });
});
