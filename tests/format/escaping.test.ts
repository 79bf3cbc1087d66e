/**
 * Each format escapes what its syntax reserves: GitHub workflow commands (% \r \n, and : ,
 * in properties), JUnit XML (parsed back to prove it is well-formed), Markdown table cells.
 * Uses a hand-made report so the awkward characters are exactly where we want them.
 */
import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/model/finding.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/report/github.js';
import { formatJunit } from '../../src/format/report/junit.js';
import { formatMarkdown } from '../../src/format/report/markdown.js';
import { mdCell as cell, workflowText } from '../../src/format/escape.js';
import { messageOf } from '../../src/format/messages.js';

const nasty = 'Tỷ lệ 100%, «a|b» <c> & "d"\r\nline two: \u0001end';

// The message is rendered from the rule's template; the nasty text stands where the plan's name goes.
function finding(over: Partial<Finding>): Finding {
  return { rule: 'late-deadline', severity: 'error', plan: 'c', parent: 'p', task: 'II.1', parentTask: 'II.1', labels: { plan: nasty, parent: 'p', task: 'II.1', parentTask: 'II.1' }, file: 'plans/a,b:c.yaml', line: 3, column: 5, data: {}, ...over };
}

const report: Report = {
  version: 1,
  findings: [finding({}), finding({ severity: 'warning', task: 'II.2', labels: { plan: nasty, parent: 'p', task: '2', parentTask: 'II.1' }, waived: { reason: 'lý do: 50%, xem\nCông văn', expires: '2025-01' } })],
  summary: { error: 1, warning: 0, info: 0, waived: 1, unchecked: 0 },
  rules: [{ id: 'late-deadline', scope: 'pair', defaultSeverity: 'error', graded: true }],
  plans: [
    { id: 'p', number: null, title: 'P', issuer: null, parents: [], checked: true },
    // The child's document number holds the nasty text too: readers' formats name plans by number.
    { id: 'c', number: nasty, title: 'C', issuer: null, parents: ['p'], checked: true },
  ],
};

describe('github workflow commands', () => {
  it('escapes % CR LF in data and also : , in properties (as @actions/core does)', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
  });

  it('keeps one annotation per line, with escaped file and title', () => {
    const out = formatGithub(report, { lang: 'en' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // Titles name the rule and the plans as a reader does (issue 17): by number, else by title.
    const name = (id: string): string => (id === 'c' ? nasty : '«P»');
    expect(lines[0]).toBe(`::error file=plans/a%2Cb%3Ac.yaml,line=3,col=5,title=Later deadline — ${escapeProperty(workflowText(`${name('c')} against ${name('p')}`))}::${escapeData(workflowText(messageOf(report.findings[0]!, 'en', name)))}`);
    // CR and LF percent-encoded, the other control characters shown escaped.
    expect(lines[0]).toContain(escapeData(workflowText(nasty)));
    expect(lines[0]).toContain('line two: \\x01end');
    expect(lines[1]).toMatch(/^::notice file=plans\/a%2Cb%3Ac\.yaml,line=3,col=5,title=Later deadline \(waived\) — /);
    expect(lines[1]).toContain('%0Awaived; reason: lý do: 50%25, xem%0ACông văn (→ 01/2025)');
    expect(lines[2]).toMatch(/^kehoach: Summary: 1 error/);
  });
});

describe('junit', () => {
  it('is well-formed XML that reads back with the original text', () => {
    const xml = formatJunit(report, { lang: 'en' });
    const doc = create(xml).end({ format: 'object' }) as Record<string, unknown>;
    expect(doc).toHaveProperty('testsuites');
    expect(xml).toContain('&lt;c&gt; &amp;');
    expect(xml).not.toContain('\u0001');
    expect(xml).toMatch(/<testsuites name="kehoach" tests="\d+" failures="1"/);
    // The failure's message attribute is one line; the body lists the finding in full.
    expect(xml).toMatch(/<failure message="1 error: Tỷ lệ 100%, «a\|b» &lt;c&gt; &amp; &quot;d&quot; line two: end [^"\n]*"/);
  });

  it('lists the waived finding with its reason instead of dropping it', () => {
    const xml = formatJunit(report, { lang: 'en' });
    expect(xml).toContain('waived (reason: lý do: 50%, xem\nCông văn; → 2025-01)');
    expect(xml).toContain('<property name="waived" value="1"/>');
  });
});

describe('markdown', () => {
  it('cells stay on one line and cannot break the table or start markup', () => {
    expect(cell('a|b\nc *d* _e_ `f` <g> [h](i) \\')).toBe('a\\|b c \\*d\\* \\_e\\_ \\`f\\` \\<g\\> \\[h\\](i) \\\\');
  });

  it('shows the printed task label and keeps every table row on one line', () => {
    const md = formatMarkdown(report, { lang: 'en' });
    const rows = md.split('\n').filter((l) => l.startsWith('| 1 |'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('| Later deadline | 2 | II.1 |'); // II.2 is printed "2"
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(9);
  });
});
