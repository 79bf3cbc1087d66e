/** The derivation graph of the bundled corpus, its queries and its formats. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpusFromPaths } from '../../src/app/source/load.js';
import { ancestorsOf, chainToRoot, childrenOf, descendantsOf, parentsOf } from '../../src/core/graph/derivation.js';
import { planJsonSchemaText } from '../../src/core/model/json-schema.js';
import { runCli } from '../helpers/cli.js';

async function corpus() {
  const r = await loadCorpusFromPaths(['plans']);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.corpus;
}

describe('derivation graph of plans/', () => {
  it('validate exits 0 on the bundled corpus', async () => {
    const r = await runCli(['validate', 'plans']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^6 kế hoạch, \d+ nhiệm vụ: tất cả hợp lệ\n$/);
  });

  it('has QĐ 346 → Thanh Hóa 172 → Bỉm Sơn, QĐ 346 → Thái Nguyên and Cần Thơ, Hòa Bình under its legal bases', async () => {
    const { graph, order } = await corpus();
    expect(childrenOf(graph, 'qd-346-ttg-2023')).toEqual(['can-tho-2023', 'thai-nguyen-2023', 'thanh-hoa-172-2023']);
    expect(childrenOf(graph, 'thanh-hoa-172-2023')).toEqual(['bim-son-2023']);
    expect(parentsOf(graph, 'hoa-binh-hoi-nghi-2023')).toEqual([]);
    expect(graph.inNeighbors('hoa-binh-hoi-nghi-2023').sort()).toEqual(['decree:59/2023/NĐ-CP', 'law:10/2022/QH15']);
    expect(chainToRoot(graph, 'bim-son-2023')).toEqual(['bim-son-2023', 'thanh-hoa-172-2023', 'qd-346-ttg-2023', 'law:10/2022/QH15']);
    expect(ancestorsOf(graph, 'bim-son-2023')).toEqual(['thanh-hoa-172-2023', 'qd-346-ttg-2023', 'law:10/2022/QH15']);
    expect(descendantsOf(graph, 'qd-346-ttg-2023', 1)).toHaveLength(3);
    expect(descendantsOf(graph, 'qd-346-ttg-2023')).toContain('bim-son-2023');
    expect(order.indexOf('qd-346-ttg-2023')).toBeLessThan(order.indexOf('thanh-hoa-172-2023'));
    expect(order.indexOf('thanh-hoa-172-2023')).toBeLessThan(order.indexOf('bim-son-2023'));
  });

  it('graph --format json prints nodes and parent → child edges', async () => {
    const r = await runCli(['graph', 'plans', '--format', 'json']);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out) as { nodes: { id: string; number: string | null; title: string; level: string | null; file: string | null }[]; edges: { from: string; to: string }[] };
    expect(g.nodes.find((n) => n.id === 'thanh-hoa-172-2023')).toMatchObject({ number: '172/KH-UBND', level: 'province', file: 'plans/province/thanh-hoa-172-2023.yaml' });
    expect(g.edges).toContainEqual({ from: 'qd-346-ttg-2023', to: 'thanh-hoa-172-2023' });
    expect(g.edges).toContainEqual({ from: 'thanh-hoa-172-2023', to: 'bim-son-2023' });
    expect(g.edges).toContainEqual({ from: 'decree:59/2023/NĐ-CP', to: 'hoa-binh-hoi-nghi-2023' });
  });

  it.each(['text', 'mermaid', 'dot'])('graph --format %s draws every edge and is deterministic', async (format) => {
    const a = await runCli(['graph', 'plans', '--format', format]);
    const b = await runCli(['graph', 'plans', '--format', format]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('bim-son-2023');
    if (format === 'mermaid') expect(a.out).toContain('n_thanh_hoa_172_2023 --> n_bim_son_2023');
    if (format === 'dot') expect(a.out).toContain('"thanh-hoa-172-2023" -> "bim-son-2023";');
    if (format === 'text') expect(a.out).toMatch(/└─ thanh-hoa-172-2023 \(172\/KH-UBND\)[^\n]*\n\s+└─ bim-son-2023/);
  });
});

describe('schema', () => {
  it('the shipped schema/plan.schema.json is the one generated from the zod model', () => {
    expect(readFileSync('schema/plan.schema.json', 'utf8')).toBe(planJsonSchemaText());
  });

  it('kehoach schema prints it', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ type: 'object', required: expect.arrayContaining(['id', 'title', 'level', 'tasks']) });
  });

  it('every plan file names the schema on its first line', () => {
    for (const f of ['plans/national/qd-346-ttg-2023.yaml', 'plans/district/thanh-hoa/bim-son-2023.yaml']) {
      expect(readFileSync(f, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/plan\.schema\.json$/);
    }
  });
});
