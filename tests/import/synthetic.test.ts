/**
 * End to end on a district plan that is not in the corpus (tests/fixtures/import/
 * synthetic-district.txt, SYNTHETIC, written in Thái Nguyên's layout): import resolves its
 * parent by issuer and subject, and `check` finds exactly its three deliberate defects.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { CliIO } from '../../src/cli/commands/context.js';
import { importPlanText } from '../../src/core/import/index.js';
import { runImport } from '../../src/cli/commands/import.js';
import type { Plan } from '../../src/core/model/plan.js';
import { curated, ROOT } from './helpers.js';

const FIXTURE = join(ROOT, 'tests/fixtures/import/synthetic-district.txt');
const text = readFileSync(FIXTURE, 'utf8');

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {}, stdout: () => out, stderr: () => err };
}

let known: Plan[];
beforeAll(async () => {
  known = (await curated()).all;
});

describe('synthetic district plan', () => {
  it('says it is synthetic', () => {
    expect(text.split('\n')[0]).toMatch(/^SYNTHETIC TEST FIXTURE/);
    expect(text).toMatch(/Deliberate defects/);
  });

  it('imports with its parent resolved by issuer and subject', () => {
    const r = importPlanText(text, { file: 'synthetic-district.txt', knownPlans: known });
    expect(r.summary.parent).toMatchObject({ how: 'issuer-and-subject', id: 'thai-nguyen-2023' });
    expect(r.plan).toMatchObject({
      id: 'minh-son-88-2023',
      number: '88/KH-UBND',
      issuer: 'Ủy ban nhân dân huyện Minh Sơn',
      level: 'district',
      jurisdiction: 'Minh Sơn, Thái Nguyên',
      issued: '2023-08-15',
      basedOn: ['thai-nguyen-2023'],
    });
    expect(r.summary.keys).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d', 'II.2', 'II.3', 'III.1', 'III.2', 'III.3', 'III.4']);
    // The defects are in the imported plan as written.
    const t = (k: string) => r.plan.tasks.find((x) => x.key === k)!;
    expect(t('II.1.a').deadline).toBe('Quý IV năm 2023');
    expect(t('II.1.b').implement).toEqual(['Phòng Tài chính - Kế hoạch']);
    expect(r.plan.tasks.some((x) => /Quy chế/u.test(x.title))).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('import then check gives the findings its defects call for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-e2e-'));
    const child = join(dir, 'child.yaml');
    const io = capture();
    expect(await runImport({ files: [FIXTURE], out: child, plansDir: join(ROOT, 'plans') }, io)).toBe(0);
    const check = capture();
    const code = await checkCommand(check, [], { plan: child, plans: [join(ROOT, 'plans')], format: 'json', today: '2023-09-01', cache: false });
    const report = JSON.parse(check.stdout()) as { findings: { rule: string; severity: string; task: string | null; parentTask: string | null; parent: string | null }[] };
    const graded = new Set(['missing-task', 'late-deadline', 'weakened-deadline', 'misassigned-agency', 'wrong-level-agency', 'order-to-independent-body', 'reporting-chain']);
    const found = report.findings.filter((f) => graded.has(f.rule)).map((f) => [f.rule, f.severity, f.parent, f.parentTask, f.task]);
    expect(found).toEqual([
      ['late-deadline', 'error', 'thai-nguyen-2023', 'II.1.a', 'II.1.a'],
      ['misassigned-agency', 'error', 'thai-nguyen-2023', 'II.1.b', 'II.1.b'],
      ['missing-task', 'error', 'thai-nguyen-2023', 'II.1.e', null],
    ]);
    expect(code).toBe(1);
  });
});
