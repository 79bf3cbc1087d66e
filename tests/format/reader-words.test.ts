/**
 * The check's reports in the reviewers' words (issue 17): plans named as documents, rules by
 * name, dates dd/mm/yyyy, errors first, --quiet, KEHOACH_LANG, -f, --fail-on info and JUnit's
 * failures following --fail-on. Through the CLI on the format fixtures (an error, warnings, a
 * note and a waived finding).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const PLANS = 'tests/fixtures/format/plans';
const base = ['check', PLANS, '--no-cache', '--today', '2024-01-01'];

describe('check reports in the reviewers\' words', () => {
  it('text: errors, then warnings, then notes, then waived; no plan id, no rule id, no ISO date', async () => {
    const r = await runCli([...base, '-f', 'text']);
    expect(r.code).toBe(1);
    const order = ['Lỗi (', 'Cảnh báo (', 'Thông tin (', 'Đã miễn trừ ('].map((h) => r.out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // File locations name files (an editor opens them); the prose names documents.
    expect(r.out.replace(/\S+\.yaml:\d+:\d+/g, '')).not.toMatch(/huyen-mau-2023|tinh-mau-2023/);
    expect(r.out).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(r.out).not.toMatch(/ (missing-task|late-deadline|order-to-independent-body)\b/);
    expect(r.out).toContain('Thiếu nhiệm vụ');
    expect(r.out).toContain('99/KH-UBND');
  });

  it('--quiet shows errors only; the summary still counts everything', async () => {
    const r = await runCli([...base, '--quiet']);
    expect(r.out).toContain('Lỗi (1)');
    expect(r.out).not.toContain('Cảnh báo (');
    expect(r.out).toMatch(/Tổng cộng: 1 lỗi, 2 cảnh báo/);
  });

  it('KEHOACH_LANG=en gives English; --lang wins over it', async () => {
    expect((await runCli(base, { KEHOACH_LANG: 'en' })).out).toContain('Missing task');
    expect((await runCli([...base, '--lang', 'vi'], { KEHOACH_LANG: 'en' })).out).toContain('Thiếu nhiệm vụ');
  });

  it('--fail-on info fails on a note; JUnit counts as failures what fails the run', async () => {
    expect((await runCli([...base, '--fail-on', 'never'])).code).toBe(0);
    expect((await runCli([...base, '--fail-on', 'info'])).code).toBe(1);
    const plain = (await runCli([...base, '-f', 'junit'])).out;
    const strict = (await runCli([...base, '-f', 'junit', '--fail-on', 'warning'])).out;
    const failures = (xml: string): number => Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)![1]);
    expect(failures(plain)).toBe(1);
    expect(failures(strict)).toBeGreaterThan(failures(plain));
  });

  it('-f is --format on every command that has one (letter and scaffold too)', async () => {
    expect((await runCli(['rules', '-f', 'json'])).code).toBe(0);
    const letter = await runCli(['letter', 'bim-son-2023', '-f', 'md', '--today', '2026-12-03']);
    expect(letter.err).not.toContain('unknown option');
    expect(letter.out).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const scaffold = await runCli(['scaffold', 'thanh-hoa-172-2023', '--unit', 'huyện Hậu Lộc', '-f', 'md']);
    expect(scaffold.err).not.toContain('unknown option');
    expect(scaffold.code).toBe(0);
  });
});
