/**
 * `--format junit`: JUnit XML for CI dashboards. One <testsuite> per plan (its one-plan
 * rules) and per parent → child edge (its pair rules); one <testcase> per rule, so a clean
 * edge shows every check as passed. A rule fails when it has an active finding at error;
 * its warnings, notes and waived findings are listed in <system-out> (never dropped).
 * XML is built with xmlbuilder2, which escapes text and attributes.
 */
import { create } from 'xmlbuilder2';
import type { Finding, Report, Severity } from '../../core/model/finding.js';
import { FAILING, type CheckConfig } from '../../core/check/config.js';

type FailOnSetting = CheckConfig['failOn'];
import { cmp } from '../../core/graph/derivation.js';
import { messageOf, term, type Lang } from '../messages.js';
import { where } from './labels.js';

export interface JunitOptions {
  lang: Lang;
  /** Which findings fail their testcase: those that make the exit code 1 (--fail-on; default error). */
  failOn?: FailOnSetting;
}

type XMLBuilder = ReturnType<typeof create>;

interface Suite {
  plan: string;
  parent: string | null;
}

/** XML 1.0 cannot carry most control characters, even escaped: drop them rather than emit an unreadable file. */
const clean = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function suitesOf(report: Report): Suite[] {
  const seen = new Map<string, Suite>();
  const add = (s: Suite): void => void seen.set(`${s.plan}\u0000${s.parent ?? ''}`, s);
  for (const p of report.plans) {
    if (!p.checked) continue;
    add({ plan: p.id, parent: null });
    for (const parent of p.parents) add({ plan: p.id, parent });
  }
  // A finding about an edge the report's plans do not show still gets its suite.
  for (const f of report.findings) add({ plan: f.plan, parent: f.parent });
  return [...seen.values()].sort((a, b) => cmp(a.plan, b.plan) || cmp(a.parent ?? '', b.parent ?? ''));
}

function line(f: Finding, lang: Lang): string {
  const task = f.task ? ` [${f.task}${f.parentTask ? ` ← ${f.parentTask}` : ''}]` : '';
  const state = f.waived ? `${term('waived', lang)} (${term('reason', lang)}: ${f.waived.reason}${f.waived.expires ? `; → ${f.waived.expires}` : ''})` : term(f.severity, lang);
  return `${where(f)}: ${state}: ${f.rule}${task}: ${messageOf(f, lang)}`;
}

function testcase(suite: XMLBuilder, className: string, rule: string, findings: Finding[], lang: Lang, failing: readonly Severity[]): boolean {
  const errors = findings.filter((f) => !f.waived && failing.includes(f.severity));
  const others = findings.filter((f) => !errors.includes(f));
  const tc = suite.ele('testcase', { name: rule, classname: className, time: '0' });
  if (errors.length) {
    const first = errors[0]!;
    tc.ele('failure', { message: clean(`${errors.length} ${term(first.severity, lang)}: ${messageOf(first, lang)}`.replace(/\s+/g, ' ')), type: rule })
      .txt(clean(errors.map((f) => line(f, lang)).join('\n')));
  }
  if (others.length) tc.ele('system-out').txt(clean(others.map((f) => line(f, lang)).join('\n')));
  return errors.length > 0;
}

export function formatJunit(report: Report, opts: JunitOptions): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'kehoach' });
  const rules = report.rules;
  const failing = FAILING[opts.failOn ?? 'error'];
  let tests = 0;
  let failures = 0;
  for (const s of suitesOf(report)) {
    const here = report.findings.filter((f) => f.plan === s.plan && f.parent === s.parent);
    const scoped = rules.filter((r) => (s.parent === null ? r.scope !== 'pair' : r.scope === 'pair'));
    const name = s.parent ? `${s.plan} ${term('versus', opts.lang)} ${s.parent}` : s.plan;
    const suite = root.ele('testsuite', { name: clean(name), tests: String(scoped.length), time: '0' });
    const props = suite.ele('properties');
    props.ele('property', { name: 'plan', value: s.plan });
    if (s.parent) props.ele('property', { name: 'parent', value: s.parent });
    props.ele('property', { name: 'waived', value: String(here.filter((f) => f.waived).length) });
    let failed = 0;
    const className = s.parent ? `${s.plan}.${s.parent}` : s.plan;
    for (const r of scoped) if (testcase(suite, className, r.id, here.filter((f) => f.rule === r.id), opts.lang, failing)) failed++;
    // Rules outside the catalogue (none today) keep their findings visible as extra testcases.
    const extra = [...new Set(here.map((f) => f.rule))].filter((id) => !scoped.some((r) => r.id === id)).sort(cmp);
    for (const id of extra) if (testcase(suite, className, id, here.filter((f) => f.rule === id), opts.lang, failing)) failed++;
    suite.att({ failures: String(failed), errors: '0', skipped: '0', tests: String(scoped.length + extra.length) });
    tests += scoped.length + extra.length;
    failures += failed;
  }
  root.att({ tests: String(tests), failures: String(failures), errors: '0', time: '0' });
  return root.end({ prettyPrint: true }) + '\n';
}
