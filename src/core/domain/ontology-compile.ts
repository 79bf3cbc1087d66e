/**
 * Compiles the validated tables into lookup structures, once: members by id, word tries
 * for names, units, localities and connector words. Checks what zod cannot: links to
 * unknown ids, links that do not go down, a name that means two bodies at once.
 */
import type { Level } from '../model/plan.js';
import type { AgencyEntry, AgencyLevel, AgencyTable, Kind, LocalityLevel, UnitTable, Validity } from './ontology-schema.js';
import { type Abbreviations, nameWords } from './agency-tokens.js';
import { insert, trie, type TrieNode } from './trie.js';
import { foldKey } from './canonical.js';

export const RANK: Record<AgencyLevel, number> = { national: 0, province: 1, district: 2, commune: 3 };

export interface Member {
  id: string;
  family: string | null;
  level: AgencyLevel | null;
  name: string;
  plural: string | null;
  kind: Kind | null;
  independent: boolean;
  collective: boolean;
  covers: AgencyLevel[] | 'below' | 'self-and-below' | null;
  vague: boolean;
  serves: string[];
  valid: Validity;
  down: { to: string; valid: Validity }[];
}

/** One way of writing a member: fixed names set the level, relative ones take it from context. */
export interface NameEntry {
  member: Member;
  relative: boolean;
  /** "Báo {tỉnh}": only a name when a place follows. */
  needsPlace: boolean;
}

export interface UnitEntry {
  name: string;
  city: boolean;
  valid: Validity;
}

export interface Ontology {
  members: ReadonlyMap<string, Member>;
  /** Folded canonical name or plural → members (for counterparts of a ref). */
  byName: ReadonlyMap<string, Member[]>;
  /** Member id → ids of the members whose `down` points at it. */
  up: ReadonlyMap<string, { from: string; valid: Validity }[]>;
  families: ReadonlyMap<string, { label: string; kind: Kind; independent: boolean }>;
  levelValid: Readonly<Record<Level, Validity>>;
  abbreviations: Abbreviations;
  names: TrieNode<NameEntry>;
  units: TrieNode<UnitEntry>;
  localities: TrieNode<LocalityLevel>;
  connectors: TrieNode<true>;
  request: TrieNode<true>;
  ignore: TrieNode<true>;
  heads: TrieNode<true>;
  headLevels: ReadonlyMap<string, { level: AgencyLevel; valid: Validity }[]>;
}

export function intersect(a: Validity, b: Validity): Validity {
  const from = [a.from, b.from].filter((d): d is string => Boolean(d)).sort().pop();
  const until = [a.until, b.until].filter((d): d is string => Boolean(d)).sort()[0];
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

const overlap = (a: Validity, b: Validity): boolean =>
  (!a.from || !b.until || a.from <= b.until) && (!b.from || !a.until || b.from <= a.until);

function phraseTrie(phrases: readonly string[], abbreviations: Abbreviations): TrieNode<true> {
  const root = trie<true>();
  for (const p of phrases) insert(root, nameWords(p, abbreviations), true);
  return root;
}

export function compile(table: AgencyTable, units: UnitTable, file: string): Ontology {
  const fail = (path: string, message: string): never => {
    throw new Error(`${file}: ${path}: ${message}`);
  };
  const abbreviations = new Map<string, string[]>();
  for (const [k, v] of Object.entries(table.abbreviations)) abbreviations.set(foldKey(k), nameWords(v, new Map()));

  const families = new Map(table.families.map((f) => [f.id, { label: f.label, kind: f.kind, independent: Boolean(f.independent) }]));
  const members = new Map<string, Member>();
  const sources: { entry: AgencyEntry; member: Member; path: string }[] = [];
  const add = (entry: AgencyEntry, path: string, family: string | null, defaults: { kind: Kind | null; independent: boolean; vague: boolean }): void => {
    const id = entry.id ?? (family && entry.level ? `${family}.${entry.level}` : fail(path, 'an id is required'));
    if (members.has(id)) fail(`${path}.id`, `duplicate id "${id}"`);
    const member: Member = {
      id,
      family,
      level: entry.level ?? null,
      name: entry.name,
      plural: entry.plural ?? null,
      kind: entry.kind ?? defaults.kind,
      independent: entry.independent ?? defaults.independent,
      collective: entry.collective ?? false,
      covers: entry.covers ?? null,
      vague: entry.vague ?? defaults.vague,
      serves: entry.serves ?? [],
      valid: entry.level ? intersect(entry.valid, table.levels[entry.level].valid) : entry.valid,
      down: entry.down ?? [],
    };
    members.set(id, member);
    sources.push({ entry, member, path });
  };
  table.families.forEach((f, i) =>
    f.agencies.forEach((a, j) => add(a, `families.${i}.agencies.${j}`, f.id, { kind: f.kind, independent: Boolean(f.independent), vague: false })),
  );
  const family = (e: AgencyEntry, path: string): string | null =>
    e.family === undefined ? null : families.has(e.family) ? e.family : fail(`${path}.family`, `unknown family "${e.family}"`);
  table.collectives.forEach((a, i) => add(a, `collectives.${i}`, family(a, `collectives.${i}`), { kind: null, independent: false, vague: false }));
  table.vague.forEach((a, i) => add(a, `vague.${i}`, family(a, `vague.${i}`), { kind: null, independent: false, vague: true }));

  const up = new Map<string, { from: string; valid: Validity }[]>();
  const byName = new Map<string, Member[]>();
  const names = trie<NameEntry>();
  const seen = new Map<string, NameEntry[]>();
  for (const { entry, member, path } of sources) {
    for (const s of member.serves) if (!families.has(s)) fail(`${path}.serves`, `unknown family "${s}"`);
    member.down.forEach((l, k) => {
      const target = members.get(l.to) ?? fail(`${path}.down.${k}.to`, `unknown agency id "${l.to}"`);
      if (!member.level || !target.level || RANK[target.level] <= RANK[member.level])
        fail(`${path}.down.${k}`, `"${l.to}" is not at a level below "${member.id}"`);
      up.set(l.to, [...(up.get(l.to) ?? []), { from: member.id, valid: l.valid }]);
    });
    for (const n of [member.name, member.plural]) {
      if (!n) continue;
      const k = foldKey(n.replace('{tỉnh}', 'tỉnh'));
      byName.set(k, [...(byName.get(k) ?? []), member]);
    }
    const written: [string, boolean][] = [
      [entry.name, false],
      ...(entry.aliases ?? []).map((a): [string, boolean] => [a, false]),
      ...(entry.relative ?? []).map((a): [string, boolean] => [a, true]),
    ];
    for (const [text, relative] of written) {
      const needsPlace = text.includes('{tỉnh}');
      const words = nameWords(text.replace('{tỉnh}', ''), abbreviations);
      if (!words.length) fail(path, `"${text}" has no words`);
      // "các sở, ban, ngành" is also written "sở, ban, ngành".
      const variants = words[0] === 'các' && words.length > 2 ? [words, words.slice(1)] : [words];
      for (const v of variants) {
        const key = v.join(' ');
        const prior = seen.get(key) ?? [];
        if (prior.some((p) => p.member === member && p.relative === relative)) continue;
        const clash = prior.find(
          (p) => p.member !== member && p.member.level === member.level && !p.relative && !relative && overlap(p.member.valid, member.valid),
        );
        if (clash) fail(path, `"${text}" also names "${clash.member.id}" at the same level and time`);
        const item: NameEntry = { member, relative, needsPlace };
        seen.set(key, [...prior, item]);
        insert(names, v, item);
      }
    }
  }

  const unitTrie = trie<UnitEntry>();
  for (const u of units.units) {
    const item: UnitEntry = { name: u.name, city: u.kind === 'thành phố trực thuộc trung ương', valid: u.valid };
    for (const n of [u.name, ...(u.aliases ?? [])]) insert(unitTrie, nameWords(n, abbreviations), item);
  }
  const localities = trie<LocalityLevel>();
  for (const l of table.localities) for (const w of l.words) insert(localities, nameWords(w, abbreviations), l.level);
  const headLevels = new Map<string, { level: AgencyLevel; valid: Validity }[]>();
  for (const h of table.heads) {
    const k = foldKey(h.word);
    headLevels.set(k, [...(headLevels.get(k) ?? []), { level: h.level, valid: h.valid }]);
  }
  const levelValid = Object.fromEntries(Object.entries(table.levels).map(([k, v]) => [k, v.valid])) as Record<Level, Validity>;
  return {
    members, byName, up, families, levelValid, abbreviations, names, units: unitTrie, localities, headLevels,
    connectors: phraseTrie(table.connectors, abbreviations),
    request: phraseTrie(table.leading.request, abbreviations),
    ignore: phraseTrie(table.leading.ignore, abbreviations),
    heads: phraseTrie(table.leading.heads, abbreviations),
  };
}
