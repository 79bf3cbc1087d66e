/** `kehoach resolve`: the JSON shapes of issue 3 and the exit codes (0 understood, 1 not, 2 usage). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kehoach resolve', () => {
  it('deadline --format json prints every field, absent ones null', async () => {
    const r = await runCli(['resolve', 'deadline', 'Trong năm 2024 (sau khi có văn bản quy định, hướng dẫn của cấp trên)', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      text: 'Trong năm 2024 (sau khi có văn bản quy định, hướng dẫn của cấp trên)',
      kind: 'window',
      start: '2024-01-01',
      end: '2024-12-31',
      due: [],
      qualifiers: [],
      condition: 'sau khi có văn bản quy định, hướng dẫn của cấp trên',
      reason: null,
    });
  });

  it('a yearly due day is resolved to the day before "trước ngày"', async () => {
    const r = await runCli(['resolve', 'deadline', 'Hằng năm, trước ngày 01/11 hoặc đột xuất', '--format', 'json']);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'yearly', due: [{ month: 10, day: 31, label: null }], qualifiers: ['hoặc đột xuất'] });
  });

  it('an unreadable deadline exits 1 with its reason', async () => {
    const r = await runCli(['resolve', 'deadline', 'khi nào xong thì thôi']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/kind: unreadable\nreason: .+/);
  });

  it('agency --format json splits a written list and resolves each name', async () => {
    const r = await runCli(['resolve', 'agency', 'Sở Thông tin và Truyền thông; Phòng Văn hoá, Thông tin', '--level', 'district', '--format', 'json']);
    expect(r.code).toBe(0);
    const refs = JSON.parse(r.out) as Record<string, unknown>[];
    expect(refs.map((x) => Object.keys(x))).toEqual([
      ['text', 'name', 'family', 'level', 'kind', 'collective', 'vague', 'request'],
      ['text', 'name', 'family', 'level', 'kind', 'collective', 'vague', 'request'],
    ]);
    expect(refs[0]).toMatchObject({ name: 'Sở Thông tin và Truyền thông', level: 'province' });
    expect(refs[1]).toMatchObject({ text: 'Phòng Văn hoá, Thông tin', level: 'district' });
  });

  it('"Đề nghị" marks a request; an unknown name exits 1', async () => {
    expect(JSON.parse((await runCli(['resolve', 'agency', 'Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh', '--format', 'json'])).out)[0]).toMatchObject({ request: true, kind: 'mass-organisation' });
    expect((await runCli(['resolve', 'agency', 'Hội những người nuôi ong'])).code).toBe(1);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['resolve', 'deadline'])).code).toBe(2);
    expect((await runCli(['resolve', 'agency', 'Sở Nội vụ', '--level', 'city'])).code).toBe(2);
    expect((await runCli(['resolve', 'agency', 'Sở Nội vụ', '--on', 'yesterday'])).code).toBe(2);
  });
});
