/**
 * Relations between resolved agencies: counterparts one or more levels apart (Sở Nội vụ →
 * Phòng Nội vụ; Sở Thông tin và Truyền thông → Phòng Văn hóa và Thông tin), each relation
 * taken as in force on a date, and family agreement for task matching.
 */
import type { Level } from '../model/plan.js';
import { foldKey } from './canonical.js';
import { RANK, type Member, type Ontology } from './ontology-compile.js';
import type { AgencyLevel } from './ontology-schema.js';
import type { AgencyRef } from './agency-ref.js';
import { inForce } from './validity.js';

/** The table bodies a ref stands for: by id, else by canonical name at its level. */
export function membersOf(o: Ontology, ref: AgencyRef): Member[] {
  if (ref.id) {
    const m = o.members.get(ref.id);
    if (m) return [m];
  }
  if (!ref.name) return [];
  const all = o.byName.get(foldKey(ref.name)) ?? [];
  const at = all.filter((m) => m.level === ref.level);
  return at.length ? at : all;
}

const asAgencyLevel = (l: Level, from: Member): AgencyLevel | null =>
  l === 'department' ? from.level : l;

/**
 * Members at `toLevel` linked to m by counterpart relations in force on `on`, walking
 * down (or up) level by level: national → province reaches the district through the province.
 */
export function counterpartMembers(o: Ontology, m: Member, toLevel: Level, on: string | null | undefined): Member[] {
  const goal = asAgencyLevel(toLevel, m);
  if (!goal || !m.level) return [];
  if (goal === m.level) return [m];
  const down = RANK[goal] > RANK[m.level];
  const found = new Map<string, Member>();
  const seen = new Set<string>([m.id]);
  let frontier: Member[] = [m];
  while (frontier.length) {
    const next: Member[] = [];
    for (const x of frontier) {
      const links = down ? x.down.map((l) => ({ id: l.to, valid: l.valid })) : (o.up.get(x.id) ?? []).map((l) => ({ id: l.from, valid: l.valid }));
      for (const l of links) {
        const y = o.members.get(l.id);
        if (!y || !y.level || seen.has(y.id) || !inForce(l.valid, on ?? null) || !inForce(y.valid, on ?? null)) continue;
        seen.add(y.id);
        if (y.level === goal) found.set(y.id, y);
        else if (down ? RANK[y.level] < RANK[goal] : RANK[y.level] > RANK[goal]) next.push(y);
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

export function counterpartsWith(o: Ontology, ref: AgencyRef, toLevel: Level, on?: string | null): string[] {
  if (ref.vague) return [];
  const names = new Set<string>();
  for (const m of membersOf(o, ref))
    for (const c of counterpartMembers(o, m, toLevel, on)) names.add(ref.collective && c.plural ? c.plural : c.name.replace('{tỉnh}', 'tỉnh'));
  return [...names];
}

/**
 * Is `child` (named in a plan of level childLevel) the counterpart of `parent` on `on`? A
 * collective counterpart ("các phòng, ban chuyên môn thuộc UBND cấp huyện") is also met by any
 * one body of its kind and level (Phòng Tư pháp).
 */
export function isCounterpartWith(o: Ontology, parent: AgencyRef, child: AgencyRef, childLevel: Level, on?: string | null): boolean {
  if (!parent.known || !child.known || parent.vague || child.vague) return false;
  const targets = new Map<string, Member>();
  for (const m of membersOf(o, parent)) for (const c of counterpartMembers(o, m, childLevel, on)) targets.set(c.id, c);
  return membersOf(o, child).some(
    (m) => targets.has(m.id) || (!m.collective && [...targets.values()].some((t) => t.collective && t.kind !== null && t.kind === m.kind && t.level === m.level)),
  );
}

/** The families a ref works in: its own and those its body serves at its level. */
export function familiesOf(o: Ontology, ref: AgencyRef): Set<string> {
  const out = new Set<string>();
  if (ref.family) out.add(ref.family);
  for (const m of membersOf(o, ref)) for (const s of m.serves) out.add(s);
  return out;
}

/** Same line of work: a shared family, counting what a body serves (Phòng VH&TT serves information). */
export function sameFamilyWith(o: Ontology, a: AgencyRef, b: AgencyRef): boolean {
  if (a.vague || b.vague) return false;
  const fa = familiesOf(o, a);
  for (const f of familiesOf(o, b)) if (fa.has(f)) return true;
  return false;
}
