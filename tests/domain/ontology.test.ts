/** rules/agencies.yaml and rules/units.yaml load and validate; small tables build; errors name file and path. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildOntology, ontology } from '../../src/core/domain/ontology.js';
import { agencyTools } from '../../src/core/domain/agencies.js';
import { UnitTable } from '../../src/core/domain/ontology-schema.js';
import { inForce } from '../../src/core/domain/validity.js';

const units = UnitTable.parse(parse(readFileSync(new URL('../../rules/units.yaml', import.meta.url), 'utf8')));
const inForceOn = (on: string) => units.units.filter((u) => inForce(u.valid, on));

/** A minimal agency table: two levels of one family, one collective, one vague phrase. */
function small(): Record<string, unknown> {
  return {
    version: 1,
    levels: { national: { valid: {} }, province: { valid: {} }, district: { valid: { until: '2025-06-30' } }, commune: { valid: {} }, department: { valid: {} } },
    kinds: { specialised: 'departments' },
    abbreviations: { UBND: 'Ủy ban nhân dân' },
    localities: [{ words: ['tỉnh'], level: 'province' }, { words: ['huyện'], level: 'district' }, { words: ['thành phố'], level: 'city' }],
    connectors: ['thuộc'],
    leading: { request: ['Đề nghị'], ignore: ['và'], heads: ['Giám đốc'] },
    heads: [{ word: 'Sở', level: 'province', valid: {} }],
    families: [
      {
        id: 'home-affairs', label: 'Nội vụ', kind: 'specialised',
        agencies: [
          { level: 'province', name: 'Sở Nội vụ', aliases: ['SNV'], valid: {}, down: [{ to: 'home-affairs.district', valid: {} }] },
          { level: 'district', name: 'Phòng Nội vụ', valid: {} },
        ],
      },
    ],
    collectives: [{ id: 'all', name: 'các cấp', family: 'home-affairs', collective: true, covers: 'self-and-below', valid: {} }],
    vague: [{ id: 'v', name: 'các cơ quan liên quan', valid: {} }],
  };
}
const smallUnits = { version: 1, units: [{ name: 'Cần Thơ', kind: 'thành phố trực thuộc trung ương', valid: {} }] };

describe('rules/units.yaml', () => {
  it('holds the 63 province-level units until 2025-06-30 and the 34 from 2025-07-01', () => {
    expect(inForceOn('2023-06-26')).toHaveLength(63);
    expect(inForceOn('2025-06-30')).toHaveLength(63);
    expect(inForceOn('2025-07-01')).toHaveLength(34);
    const cities = (on: string) => inForceOn(on).filter((u) => u.kind === 'thành phố trực thuộc trung ương').map((u) => u.name);
    expect(cities('2023-06-26')).toHaveLength(5);
    expect(cities('2025-07-01').sort()).toEqual(['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng'].sort());
  });
  it('names, for every unit merged away, a unit that exists after the merger', () => {
    const after = new Set(inForceOn('2025-07-01').map((u) => u.name));
    for (const u of units.units.filter((x) => x.mergedInto)) expect(after.has(u.mergedInto!), u.name).toBe(true);
  });
});

describe('rules/agencies.yaml', () => {
  it('loads, validates and compiles once', () => {
    const o = ontology();
    expect(o.members.size).toBeGreaterThan(100);
    expect(ontology()).toBe(o);
    expect(o.members.get('information.province')?.valid).toEqual({ until: '2025-02-28' });
    expect(o.members.get('home-affairs.district')?.valid).toEqual({ until: '2025-06-30' });
  });
});

describe('buildOntology', () => {
  it('builds a small table that the agency functions use', () => {
    const tools = agencyTools(buildOntology(small(), smallUnits));
    const r = tools.resolveAgency('Đề nghị Giám đốc SNV', { level: 'province' });
    expect([r.name, r.level, r.request, r.known]).toEqual(['Sở Nội vụ', 'province', true, true]);
    expect(tools.counterparts(r, 'district')).toEqual(['Phòng Nội vụ']);
    expect(tools.resolveAgency('các cấp', { level: 'province', on: '2025-08-01' }).covers).toEqual(['province', 'commune']);
    expect(tools.resolveAgency('các cơ quan liên quan').vague).toBe(true);
    expect(tools.resolveAgency('Sở Xây dựng').known).toBe(false);
  });
  it('reports a schema violation with the source name and the path', () => {
    const bad = small();
    (bad.families as { agencies: { valid?: unknown }[] }[])[0]!.agencies[1]!.valid = { until: '30/06/2025' };
    expect(() => buildOntology(bad, smallUnits, { agencies: 'rules/agencies.yaml', units: 'rules/units.yaml' }))
      .toThrow(/rules\/agencies\.yaml[\s\S]*families\.0\.agencies\.1\.valid\.until/);
    expect(() => buildOntology(small(), { version: 1, units: [{ name: 'X', kind: 'bang' }] }, { agencies: 'a', units: 'rules/units.yaml' }))
      .toThrow(/rules\/units\.yaml[\s\S]*units\.0\.kind/);
  });
  it('rejects links to unknown ids, links that do not go down, clashing names and stray placeholders', () => {
    const unknownLink = small();
    (unknownLink.families as { agencies: { down?: unknown }[] }[])[0]!.agencies[0]!.down = [{ to: 'nowhere', valid: {} }];
    expect(() => buildOntology(unknownLink, smallUnits)).toThrow(/families\.0\.agencies\.0\.down\.0\.to: unknown agency id "nowhere"/);
    const upward = small();
    (upward.families as { agencies: { down?: unknown }[] }[])[0]!.agencies[1]!.down = [{ to: 'home-affairs.province', valid: {} }];
    expect(() => buildOntology(upward, smallUnits)).toThrow(/not at a level below/);
    const clash = small();
    (clash.families as { agencies: unknown[] }[])[0]!.agencies.push({ id: 'x', level: 'province', name: 'SNV', valid: {} });
    expect(() => buildOntology(clash, smallUnits)).toThrow(/"SNV" also names "home-affairs.province"/);
    const stray = small();
    (stray.families as { agencies: { name: string }[] }[])[0]!.agencies[0]!.name = 'Sở {huyện} Nội vụ';
    expect(() => buildOntology(stray, smallUnits)).toThrow(/placeholder/);
  });
});
