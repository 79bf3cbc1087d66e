/**
 * The pure pieces under `kehoach serve`: an upload's kind told by content (core/workspace/sniff.ts)
 * and a waiver appended to a plan's YAML with the rest of the file unchanged (core/link/waiver-insert.ts).
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sniffUpload } from '../../src/core/workspace/sniff.js';
import { insertWaivers } from '../../src/core/link/waiver-insert.js';
import { parsePlanText } from '../../src/core/load/parse-plan.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffUpload', () => {
  it('tells Word, PDF, text, Markdown and YAML by content, the name choosing only among text kinds', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    expect(sniffUpload(docx, '.docx')).toEqual({ ok: true, kind: 'docx', ext: '.docx' });
    expect(sniffUpload(text('%PDF-1.7\n...'), '.PDF')).toEqual({ ok: true, kind: 'pdf', ext: '.pdf' });
    expect(sniffUpload(text('KẾ HOẠCH\n'), '.txt')).toEqual({ ok: true, kind: 'txt', ext: '.txt' });
    expect(sniffUpload(text('# KẾ HOẠCH\n'), '.md')).toEqual({ ok: true, kind: 'md', ext: '.md' });
    expect(sniffUpload(text('id: x\n'), '.yml')).toEqual({ ok: true, kind: 'yaml', ext: '.yaml' });
  });

  it('refuses what the content is not', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<x/>');
    const xlsx = await zip.generateAsync({ type: 'uint8array' });
    expect(sniffUpload(xlsx, '.docx')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(text('%PDF-1.7'), '.docx')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(text('KẾ HOẠCH'), '.pdf')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(text('KẾ HOẠCH'), '.exe')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(text('KẾ HOẠCH'), '')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(new Uint8Array([0x4d, 0x5a, 0x90, 0]), '.txt')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(new Uint8Array([0xff, 0xfe, 0x41]), '.txt')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), '.docx')).toEqual({ ok: false, reason: 'type' });
    expect(sniffUpload(new Uint8Array(), '.txt')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('insertWaivers', () => {
  const plan = readFileSync('plans/district/thanh-hoa/bim-son-2023.yaml', 'utf8');
  const w = { rule: 'late-deadline', task: 'II.1.a', parentTask: 'II.1.a', reason: 'Dời sang Quý IV: "kinh phí" cấp tháng 9 # không phải chú thích' };

  it('appends a waivers block, the file before it byte-identical, and the plan still loads', () => {
    const r = insertWaivers(plan, [w]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(plan)).toBe(true);
    expect((parse(r.text) as { waivers: unknown[] }).waivers).toEqual([w]);
    expect(parsePlanText('x.yaml', r.text).ok).toBe(true);
  });

  it('adds to an existing list, once', () => {
    const first = insertWaivers(plan, [w]);
    if (!first.ok) throw new Error(first.message);
    const other = { rule: 'misassigned-agency', task: 'II.2', reason: 'Phòng Nội vụ là đầu mối' };
    const second = insertWaivers(first.text, [w, other]);
    if (!second.ok) throw new Error(second.message);
    expect((parse(second.text) as { waivers: unknown[] }).waivers).toEqual([w, other]);
    expect(insertWaivers(second.text, [other])).toEqual({ ok: true, text: second.text });
  });

  it('keeps CRLF line ends and refuses a flow-style list', () => {
    const crlf = plan.replace(/\n/g, '\r\n');
    const r = insertWaivers(crlf, [w]);
    if (!r.ok) throw new Error(r.message);
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(insertWaivers(`${plan}\nwaivers: [{ rule: x, reason: y }]\n`, [w]).ok).toBe(false);
  });
});
