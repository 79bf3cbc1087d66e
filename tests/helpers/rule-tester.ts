/**
 * A small RuleTester (after ESLint's): inline plans in, one rule's findings out. Plans are
 * plain objects turned into YAML and loaded through the real loader, so positions and
 * validation are exercised too.
 */
import { stringify } from 'yaml';
import { expect } from 'vitest';
import type { Finding, Report } from '../../src/core/model/finding.js';
import { messageOf } from '../../src/format/messages.js';
import type { Plan, Task } from '../../src/core/model/plan.js';
import { buildCorpus } from '../../src/core/load/corpus.js';
import { defaultConfig, mergeConfig, type UserConfig } from '../../src/core/check/config.js';
import { checkCorpus } from '../../src/core/check/engine.js';

export type InlinePlan = Omit<Plan, 'title' | 'tasks'> & { title?: string; tasks: (Omit<Task, 'title'> & { title?: string })[] };

export function toYaml(p: InlinePlan): string {
  const plan = { title: `Kế hoạch ${p.id}`, ...p, tasks: p.tasks.map((t) => ({ title: `Nhiệm vụ ${t.key}`, ...t })) };
  return stringify(plan);
}

/** A finding with its message rendered, as a reader sees it. */
export type ShownFinding = Finding & { message: string };

export function check(plans: InlinePlan[], config: UserConfig = {}, lang: 'vi' | 'en' = 'en'): Omit<Report, 'findings'> & { findings: ShownFinding[] } {
  const built = buildCorpus(plans.map((p) => ({ file: `${p.id}.yaml`, text: toYaml(p) })));
  if (!built.ok) throw new Error(built.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  const report = checkCorpus(built.corpus, mergeConfig(defaultConfig(), config), { today: '2026-01-01' });
  return { ...report, findings: report.findings.map((f) => ({ ...f, message: messageOf(f, lang) })) };
}

export function findingsOf(rule: string, plans: InlinePlan[], config: UserConfig = {}): ShownFinding[] {
  return check(plans, config).findings.filter((f) => f.rule === rule);
}

export interface Cases {
  valid: { name: string; plans: InlinePlan[] }[];
  invalid: { name: string; plans: InlinePlan[]; expect: Partial<ShownFinding>[] }[];
}

/** Valid cases give no finding of the rule; invalid cases give exactly the expected ones (matched as subsets). */
export function ruleCases(rule: string, cases: Cases, it: (name: string, fn: () => void) => void): void {
  for (const c of cases.valid) it(`valid: ${c.name}`, () => expect(findingsOf(rule, c.plans)).toEqual([]));
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, () => {
      const got = findingsOf(rule, c.plans);
      expect(got).toHaveLength(c.expect.length);
      c.expect.forEach((e, i) => expect(got[i]).toMatchObject(e));
    });
  }
}

/** Building blocks for inline plans. */
export const province = (id: string, tasks: InlinePlan['tasks'], extra: Partial<InlinePlan> = {}): InlinePlan => ({
  id,
  level: 'province',
  issuer: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  jurisdiction: 'Thanh Hóa',
  issued: '2023-06-26',
  // A root below national level rests on the Law, as a real one would (else no-parent: error).
  basedOn: [{ law: '10/2022/QH15' }],
  tasks,
  ...extra,
});

export const district = (id: string, parent: string, tasks: InlinePlan['tasks'], extra: Partial<InlinePlan> = {}): InlinePlan => ({
  id,
  level: 'district',
  issuer: 'Ủy ban nhân dân thị xã Bỉm Sơn',
  jurisdiction: 'Bỉm Sơn, Thanh Hóa',
  basedOn: [parent],
  tasks,
  ...extra,
});
