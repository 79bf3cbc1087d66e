/**
 * What ships (issue 15): the package holds the built library and bin, the rules, the schema and
 * the bundled plans; no tooling (bench, build, compare) and no tests.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the published package', () => {
  it('lists no bench, build or other tooling code, and holds the bin, the tables and the bundled plans', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files.filter((f) => /(^|\/)(bench|build|tools|dist-tools|tests|eval)\//.test(f))).toEqual([]);
    expect(files).toContain('dist/bundle/cli.js');
    expect(files).toContain('rules/agencies.yaml');
    expect(files).toContain('plans/province/thanh-hoa-172-2023.yaml');
  });
});
