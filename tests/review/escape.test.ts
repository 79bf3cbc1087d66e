/**
 * Plan text is untrusted. A title with "<script>" or '"><img onerror=…>' must show as text in
 * every report: HTML (diff and audit), Markdown, and the terminal (control characters).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/check/config.js';
import { buildAudit } from '../helpers/reviews.js';
import { buildDiff } from '../helpers/reviews.js';
import { formatAudit } from '../../src/format/audit/index.js';
import { formatDiff } from '../../src/format/diff/index.js';
import { html, md } from '../../src/format/escape.js';
import { corpusWith, hostile, HOSTILE_TITLE, TODAY } from './helpers.js';

const P = 'thanh-hoa-172-2023';
const C = 'bim-son-2023';

/** The only elements the formatters write; plan text must never add one. */
const OWN_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'div', 'p', 'strong', 'em', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br', 'small', 'ul', 'li', 'code', 'section', 'footer', 'svg', 'defs', 'marker', 'path', 'g', 'rect', 'text']);

/** Every tag in the page is the formatter's own, with no event handler and no script URL. */
function assertInert(page: string): void {
  for (const [tag] of page.matchAll(/<[^>]+>/g)) {
    const name = /^<\/?([!\w-]+)/.exec(tag)![1]!.toLowerCase();
    expect(OWN_TAGS.has(name), tag).toBe(true);
    expect(tag, tag).not.toMatch(/\son\w+\s*=|javascript:/i);
  }
}

describe('escaping of plan text', () => {
  it('diff HTML shows hostile titles and agency names as text', async () => {
    const d = buildDiff(await corpusWith(hostile), P, C, defaultConfig(), 'vi', { today: TODAY });
    expect(d.child.title).toBe(HOSTILE_TITLE);
    const page = formatDiff('html', d, { color: false });
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('&lt;b onmouseover=alert(4)&gt;Phòng Nội vụ&lt;/b&gt;');
    expect(page.match(/<script/gi)).toBeNull();
    assertInert(page);
  });

  it('audit HTML (matrix, findings, graph SVG) shows them as text', async () => {
    const a = buildAudit(await corpusWith(hostile), P, { depth: 1, today: TODAY }, defaultConfig(), 'vi');
    const page = formatAudit('html', a);
    expect(page).toContain('&lt;script&gt;');
    assertInert(page);
  });

  it('Markdown escapes markup, table pipes and link syntax', async () => {
    const d = buildDiff(await corpusWith(hostile), P, C, defaultConfig(), 'vi', { today: TODAY });
    const text = formatDiff('markdown', d, { color: false });
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; \\| \\*x\\* \\[a\\](javascript:alert(3))');
    expect(text).not.toMatch(/<script|<img|<b /);
    // Every table row still has as many cells as its header: no pipe escaped the cell.
    for (const line of text.split('\n').filter((l) => l.startsWith('| ') && l.includes('alert'))) {
      expect(line.split(/(?<!\\)\|/).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('terminal text shows control characters escaped (no escape sequence from a plan reaches the terminal)', async () => {
    const evil = (file: string, text: string) => (file.endsWith('bim-son-2023.yaml') ? text.replace(/^title: .*$/m, 'title: "A\\x1b[2J\\x07B"') : text);
    const d = buildDiff(await corpusWith(evil), P, C, defaultConfig(), 'vi', { today: TODAY });
    expect(d.child.title).toBe('A\x1b[2J\x07B');
    const out = formatDiff('text', d, { color: false });
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(out).toContain('A\\x1b[2J\\x07B');
  });

  it('html() and md() escape what their target language treats as markup', () => {
    expect(html(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(md('# not a heading')).toBe('\\# not a heading');
    expect(md('1. not a list')).toBe('1\\. not a list');
    expect(md('a\nb|c')).toBe('a b\\|c');
  });
});
