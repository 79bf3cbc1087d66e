/**
 * Every deadline text in plans/ resolves to what a reader of the documents would say. The
 * texts are collected from the corpus (so none is forgotten: a new one fails until it has an
 * expected value here); the expected values are written by hand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/core/domain/deadline.js';

type Expected = { kind: string; start?: string | null; end?: string | null; due?: string[]; qualifiers?: string[]; condition?: string | null };

const EXPECTED: Record<string, Expected> = {
  'Quý III năm 2023': { kind: 'window', start: '2023-07-01', end: '2023-09-30' },
  'Quý IV năm 2023': { kind: 'window', start: '2023-10-01', end: '2023-12-31' },
  'Quý II và Quý III năm 2023': { kind: 'window', start: '2023-04-01', end: '2023-09-30' },
  'Quý III và quý IV năm 2023': { kind: 'window', start: '2023-07-01', end: '2023-12-31' },
  'Quý III hoặc quý IV năm 2023': { kind: 'window', end: '2023-12-31' },
  'Tháng 10 năm 2023': { kind: 'window', start: '2023-10-01', end: '2023-10-31' },
  'Tháng 4 năm 2023': { kind: 'window', start: '2023-04-01', end: '2023-04-30' },
  'Năm 2023': { kind: 'window', start: '2023-01-01', end: '2023-12-31' },
  'Năm 2024': { kind: 'window', start: '2024-01-01', end: '2024-12-31' },
  'Trong năm 2024 (sau khi có văn bản quy định, hướng dẫn của cấp trên)': { kind: 'window', start: '2024-01-01', end: '2024-12-31', condition: 'sau khi có văn bản quy định, hướng dẫn của cấp trên' },
  'Năm 2023 và các năm tiếp theo': { kind: 'open-ended', start: '2023-01-01', end: null },
  'Từ Quý IV năm 2023 và các năm tiếp theo': { kind: 'open-ended', start: '2023-10-01', end: null },
  'Quý IV năm 2023 và những năm tiếp theo': { kind: 'open-ended', start: '2023-10-01', end: null },
  'Thường xuyên': { kind: 'continuous', end: null },
  'thường xuyên': { kind: 'continuous', end: null },
  'Định kỳ và khi có yêu cầu': { kind: 'periodic', end: null },
  'Hằng năm, trước ngày 01/11 hoặc đột xuất': { kind: 'yearly', due: ['10/31'], qualifiers: ['hoặc đột xuất'] },
  'Hàng năm, trước ngày 15 tháng 11 hoặc đột xuất': { kind: 'yearly', due: ['11/14'], qualifiers: ['hoặc đột xuất'] },
  'Hàng năm, trước ngày 01 tháng 12': { kind: 'yearly', due: ['11/30'] },
  'báo cáo 6 tháng gửi trước ngày 05 tháng 6, báo cáo năm gửi trước ngày 25 tháng 11': { kind: 'yearly', due: ['6/4 6 tháng', '11/24 năm'] },
  'trước ngày 15/11/2023 (nếu có)': { kind: 'window', start: null, end: '2023-11-14', qualifiers: ['(nếu có)'] },
  unknown: { kind: 'unknown', start: null, end: null },
};

function corpusDeadlines(): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.yaml')) files.push(p);
    }
  };
  walk('plans');
  const texts = new Set<string>();
  for (const f of files) {
    for (const t of (parse(readFileSync(f, 'utf8')) as { tasks: { deadline?: string; duties?: { deadline?: string }[] }[] }).tasks) {
      if (t.deadline) texts.add(t.deadline);
      for (const d of t.duties ?? []) if (d.deadline) texts.add(d.deadline);
    }
  }
  return [...texts].sort();
}

describe('every deadline in plans/', () => {
  const texts = corpusDeadlines();
  it('has a hand-written expectation', () => {
    expect(texts.filter((t) => !(t in EXPECTED))).toEqual([]);
  });
  it.each(texts)('%s', (text) => {
    const want = EXPECTED[text];
    if (!want) return; // reported by the test above
    const d = parseDeadline(text);
    expect(d.kind).toBe(want.kind);
    if (want.start !== undefined) expect(d.start).toBe(want.start);
    if (want.end !== undefined) expect(d.end).toBe(want.end);
    expect(d.due.map((x) => `${x.month}/${x.day}${x.label ? ` ${x.label}` : ''}`)).toEqual(want.due ?? []);
    expect(d.qualifiers).toEqual(want.qualifiers ?? []);
    expect(d.condition).toBe(want.condition ?? null);
  });
});
