/**
 * The escaping helpers of src/format/escape.ts (issue 16): what each output does with control
 * characters, bidi overrides, backticks and line breaks from plan text, and the load error line.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/model/finding.js';
import { formatLoadError } from '../../src/core/load/errors.js';
import { clean, mdCell, mdCode, mermaidText, shownReport, terminalText, visibleControls, workflowText } from '../../src/format/escape.js';
import { formatGithub } from '../../src/format/report/github.js';
import { formatMarkdown } from '../../src/format/report/markdown.js';
import { formatText } from '../../src/format/report/text.js';

/** Every character the outputs must not carry raw (C0, DEL, C1, line/paragraph separators, bidi embeddings, overrides and isolates). */
export const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => String.fromCharCode(c));

/**
 * The content of a Markdown code span by the CommonMark rule, or null when `s` is not exactly one
 * code span: an opening run of n backticks, the next run of exactly n closes it, and one space is
 * stripped from each side when both are there and the content is not all spaces.
 */
export function codeSpan(s: string): string | null {
  const open = /^`+/.exec(s)?.[0];
  if (!open) return null;
  const runs = [...s.slice(open.length).matchAll(/`+/g)];
  const close = runs.find((r) => r[0].length === open.length);
  if (!close || open.length + close.index + close[0].length !== s.length) return null;
  const inner = s.slice(open.length, open.length + close.index);
  return inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

describe('visibleControls: the one definition', () => {
  it('shows each control character as written in code, and nothing else changes', () => {
    expect(visibleControls('a\x1b[31mb\x07c\x7f\x85\x9b')).toBe('a\\x1b[31mb\\x07c\\x7f\\x85\\x9b');
    expect(visibleControls('x\u202ey\u2066z\u2069\u2028')).toBe('x\\u{202e}y\\u{2066}z\\u{2069}\\u{2028}');
    expect(visibleControls('a\nb\rc\td\0')).toBe('a\\nb\\rc\\td\\x00');
    const plain = 'Ủy ban nhân dân tỉnh Thanh Hóa — «Quý III năm 2023» C:\\plans\\a.yaml 100% <b> `x` \u200e';
    expect(visibleControls(plain)).toBe(plain);
  });

  it('leaves no raw control character, whatever the input', () => {
    const all = CONTROLS.join('');
    expect(visibleControls(all)).not.toMatch(RAW_CONTROL);
    expect(terminalText(all)).not.toMatch(RAW_CONTROL);
    for (const c of CONTROLS) expect(visibleControls(c), JSON.stringify(c)).toMatch(/^\\(x[0-9a-f]{2}|u\{[0-9a-f]+\}|[nrt])$/);
  });

  it('keeps what the caller names: CR and LF for workflow commands, LF for the text diff', () => {
    expect(workflowText('a\r\nb\x1bc')).toBe('a\r\nb\\x1bc');
    expect(clean('a\tb\nc\x1b')).toBe('a b\nc\\x1b');
  });
});

describe('load errors', () => {
  it('stay on one line whatever the file name holds', () => {
    const line = formatLoadError({ file: 'plans/a\nb`\x1b[2J\u202e.yaml', line: 2, column: 8, message: 'Missing closing "quote\nnext', code: 'yaml-syntax' });
    expect(line).toBe('plans/a\\nb`\\x1b[2J\\u{202e}.yaml:2:8: error: Missing closing "quote\\nnext [yaml-syntax]');
    expect(line).not.toMatch(RAW_CONTROL);
  });
});

describe('Markdown', () => {
  it('mdCode: a code span nothing in the text can end', () => {
    const cases = ['plans/a.yaml:1:1', 'a`b', 'a``b`c', '`start', 'end`', '``', ' both ', 'a|b', 'new\nline\x1b', '   '];
    for (const s of cases) {
      const span = mdCode(s);
      expect(span, s).not.toMatch(RAW_CONTROL);
      expect(span, s).not.toContain('\n');
      // The table writes "\|" for "|" (GFM splits cells first, then shows "|").
      expect(codeSpan(span)?.replace(/\\\|/g, '|'), `${s} → ${span}`).toBe(visibleControls(s));
    }
    expect(mdCode('plans/a.yaml:1:1')).toBe('`plans/a.yaml:1:1`'); // ordinary paths as before
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('a``b`c')).toBe('```a``b`c```');
    expect(mdCode('`start')).toBe('`` `start ``');
    expect(mdCode('')).toBe('` `');
  });

  it('mdCell: one line, no raw control character, no unescaped "<" or backtick', () => {
    const s = mdCell('x\x1b[31m <script>alert(1)</script> `code` \u202eevil\nnext | *b*');
    expect(s).toBe('x\\\\x1b\\[31m \\<script\\>alert(1)\\</script\\> \\`code\\` \\\\u{202e}evil next \\| \\*b\\*');
    expect(s).not.toMatch(RAW_CONTROL);
    expect(s).not.toMatch(/(^|[^\\])[<`]/);
  });

  it('mermaidText: one line, quotes and angle brackets as Mermaid entities', () => {
    expect(mermaidText('a "b" <c>\nd\x07')).toBe('a #quot;b#quot; #lt;c#gt; d\\x07');
  });
});

describe('shownReport', () => {
  const f: Finding = {
    rule: 'unknown-agency', severity: 'warning', plan: 'c', parent: null, task: 'I.1', parentTask: null,
    labels: { plan: 'C\x1b[2J', parent: null, task: 'I.1', parentTask: null },
    file: 'p/c\n`.yaml', line: 3, column: 5,
    data: { agency: 'Sở\u202e Nội vụ', role: 'lead', list: ['a\x07', { deep: 'b\x1b' }], n: 3 },
    waived: { reason: 'lý do\x1b[7m', expires: '2026-01' },
  };
  const report: Report = { version: 1, findings: [f], summary: { error: 0, warning: 0, info: 0, waived: 1, unchecked: 0 }, rules: [], plans: [{ id: 'c', number: null, title: 'T\x1b', issuer: null, parents: [], checked: true }] };

  it('passes every string of the findings and plans through the function, and nothing else', () => {
    const r = shownReport(report, terminalText);
    expect(r.findings[0]).toEqual({
      ...f,
      labels: { ...f.labels, plan: 'C\\x1b[2J' },
      file: 'p/c\\n`.yaml',
      data: { agency: 'Sở\\u{202e} Nội vụ', role: 'lead', list: ['a\\x07', { deep: 'b\\x1b' }], n: 3 },
      waived: { reason: 'lý do\\x1b[7m', expires: '2026-01' },
    });
    expect(r.plans[0]!.title).toBe('T\\x1b');
    expect(report.findings[0]!.file).toBe('p/c\n`.yaml'); // the report itself is untouched
  });

  it('text, github and Markdown reports carry no raw control character from it', () => {
    const text = formatText(report, { lang: 'vi', color: false });
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(text).toContain('p/c\\n`.yaml:3:5');
    const gh = formatGithub(report, { lang: 'vi' });
    expect(gh.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(gh.trimEnd().split('\n')).toHaveLength(2);
    expect(gh).toContain('file=p/c%0A`.yaml,line=3,col=5');
    const md = formatMarkdown({ ...report, findings: [f, { ...f, waived: undefined }] }, { lang: 'vi' });
    expect(md.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(md).toContain('| ``p/c\\n`.yaml:3:5`` |');
  });

  it('with colour, the only escape sequences are the formatter\'s own', () => {
    const text = formatText(report, { lang: 'vi', color: true });
    expect(text.replace(/\x1b\[(?:\d+)m/g, '').replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});
