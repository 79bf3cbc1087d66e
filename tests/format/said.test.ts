/**
 * Messages said as data (load errors, unreadable documents, the importer's warnings and summary):
 * every key the code says is in the dictionary, and a Vietnamese reader gets them in Vietnamese,
 * through the CLI, with nothing left in English but file names, ids, codes and quoted text.
 */
import { readdirSync, readFileSync, mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/format/messages.js';
import { MODEL_MESSAGES } from '../../src/core/model/plan.js';
import { YAML_CODES } from '../../src/core/load/yaml-text.js';
import { runCli, fixture } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

/** Words that are English prose, not a name: what a Vietnamese line must not hold outside quotes, paths and codes. */
const ENGLISH = /\b(the|is|not|no|cannot|file|files|plan|plans|with|of|read|found|error|warning|among|loaded|must|expected|received|tasks?|parent)\b/i;

/** A line with what may stay as written removed: the location, the code, quoted text, paths and ids. */
const prose = (line: string): string =>
  line
    .replace(/^\S+?:\d+:\d+: /, '')
    .replace(/\[[\w-]+\]$/, '')
    .replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, '')
    .replace(/(\/|\.{0,2}\/)?[\w./-]+\.(ya?ml|txt|md|docx|pdf)\b/g, '')
    .replace(/--[\w-]+( <[^>]+>)?/g, '')
    .replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, '')
    .replace(/\b(basedOn|id|title|level|tasks|severity|law|decree|decision|circular|label|key|YAML|UTF-8|DTD|XML|PDF|Word|OCR|MB|kehoach|rules|ocrmypdf|vie|true|false|YYYY(-MM(-DD)?)?)\b/g, '');

describe('said messages', () => {
  it('every key the code says is a term of the dictionary, with Vietnamese and English', () => {
    const terms = catalogue().terms;
    const code = [...sources('src/core'), ...sources('src/app'), ...sources('src/cli'), ...sources('src/format')].join('\n');
    const literal = [...code.matchAll(/\bkey: '((?:load|doc|import|diff)\.[\w.-]+)'/g)].map((m) => m[1]!);
    const say = [...code.matchAll(/\b(?:say|t)\('((?:load|doc|import|diff)\.[\w.-]+)'/g)].map((m) => m[1]!);
    const built = [
      ...Object.keys(MODEL_MESSAGES).map((k) => `load.schema.${k}`),
      ...[...YAML_CODES].map((c) => `load.yaml.${c}`),
      'load.yaml.other',
      ...['number-and-date', 'number', 'issuer-and-subject'].map((h) => `import.parent.${h}`),
      ...['owner', 'deadline'].map((f) => `import.summary.field.${f}`),
      ...['required', 'invalid_type', 'invalid_value', 'unrecognized_keys', 'too_small', 'too_small_array', 'invalid_union', 'other'].map((k) => `load.schema.${k}`),
    ];
    expect(literal.length).toBeGreaterThan(50);
    const missing = [...new Set([...literal, ...say, ...built])].filter((k) => !terms[k]);
    expect(missing).toEqual([]);
  });

  it('load errors read in Vietnamese by default, in English with --lang en / KEHOACH_LANG=en', async () => {
    const dirs = readdirSync(fixture('load'));
    expect(dirs.length).toBeGreaterThan(10);
    for (const dir of dirs) {
      const vi = await runCli(['validate', fixture('load', dir)]);
      const en = await runCli(['validate', fixture('load', dir)], { KEHOACH_LANG: 'en' });
      expect(vi.code, dir).toBe(2);
      const lines = vi.err.trim().split('\n');
      expect(lines.at(-1), dir).toMatch(/^kehoach: \d+ lỗi khi nạp; chưa kiểm tra gì$/);
      for (const line of lines.slice(0, -1)) {
        expect(line, dir).toMatch(/: lỗi: .+ \[[\w-]+\]$/);
        expect(line, dir).not.toMatch(/\{\w+\}/);
        expect(prose(line), `${dir}: ${line}`).not.toMatch(ENGLISH);
      }
      expect(en.err, dir).toMatch(/: error: /);
      expect(en.err, dir).not.toMatch(/: lỗi: /);
    }
  });

  it('schema errors name the field and say what was expected, in Vietnamese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-said-'));
    writeFileSync(join(dir, 'p.yaml'), 'id: Bad_Id\ntitle: 3\nlevel: town\nissued: 2023-02-30\ntasks: []\n');
    const r = await runCli(['validate', join(dir, 'p.yaml')]);
    expect(r.err).toContain('id: mã viết thường, nối bằng gạch ngang');
    expect(r.err).toContain('title: cần một chuỗi văn bản, nhưng tệp ghi một số');
    expect(r.err).toMatch(/level: giá trị không hợp lệ; chỉ nhận một trong các giá trị "national"/);
    expect(r.err).toContain('issued: không phải một ngày có trên lịch');
  });

  it('documents that cannot be read, and the import, speak Vietnamese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-said-'));
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    writeFileSync(join(dir, 'old.doc'), 'x');
    symlinkSync('/nonexistent', join(dir, 'gone.pdf'));
    for (const f of ['broken.docx', 'old.doc', 'gone.pdf']) {
      const r = await runCli(['import', join(dir, f)]);
      expect(r.code, f).toBe(2);
      const line = r.err.trim().split('\n').at(-1)!;
      expect(line, f).toMatch(/: lỗi: /);
      expect(prose(line.replace(/^.*?: lỗi: /, '')), line).not.toMatch(ENGLISH);
    }
    const ok = await runCli(['import', fixture('import', 'synthetic-district.txt'), '--plans', 'plans']);
    expect(ok.err).toContain('số nhiệm vụ đọc được:');
    expect(ok.err).toContain('kế hoạch cấp trên:');
    for (const line of ok.err.trim().split('\n').filter((l) => !/^\s/.test(l) && !/^số nhiệm vụ/.test(l))) {
      expect(prose(line.replace(/\(xác định theo.*\)$/, '')), line).not.toMatch(ENGLISH);
    }
  });
});
