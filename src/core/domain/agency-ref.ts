/**
 * AgencyRef: what a written agency name resolves to. The CLI prints
 * {text, name, family, level, kind, collective, vague, request}; the other fields serve the
 * rules (covers, independent, known) and the relations (id).
 */
import type { Level } from '../model/plan.js';
import type { Validity } from './ontology-schema.js';
import type { Ontology } from './ontology-compile.js';
import type { Match } from './agency-match.js';

export interface AgencyRef {
  /** The text as given, untouched. */
  text: string;
  /** Canonical name from the ontology (the plural for a collective); null when unknown. */
  name: string | null;
  family: string | null;
  /** Level of the body, or of the highest level a collective covers; null when nothing tells it. */
  level: Level | null;
  kind: string | null;
  /** Many bodies at once ("UBND các huyện, thị xã, thành phố", "các sở, ban, ngành"). */
  collective: boolean;
  /** Levels the reference covers: its own, or all of a collective's. */
  covers: Level[];
  /** Names no body in particular ("các cơ quan, đơn vị có liên quan"). */
  vague: boolean;
  /** Written as a request: "Đề nghị …". */
  request: boolean;
  /** A body the issuer cannot command (mass organisations, party, councils). */
  independent: boolean;
  /** Resolved to a body of the ontology that exists on the date asked. */
  known: boolean;
  /** Ontology id of the body (not printed). */
  id?: string;
  /** Province-level unit named in the text ("Báo Thái Nguyên" → "Thái Nguyên"). */
  place?: string | null;
  /** The name is a body of the ontology, but not on the date asked: the period it exists. */
  outOfForce?: Validity;
}

/** The printed JSON shape. */
export const printable = (r: AgencyRef) => ({
  text: r.text, name: r.name, family: r.family, level: r.level, kind: r.kind, collective: r.collective, vague: r.vague, request: r.request,
});

export function refFromMatch(o: Ontology, text: string, m: Match, request: boolean): AgencyRef {
  const b = m.member;
  const label = b.family ? o.families.get(b.family)?.label ?? null : null;
  const base =
    m.selfAndBelow && label ? `${label} các cấp` : m.collective && b.plural ? b.plural : b.name.replace('{tỉnh}', m.place ?? 'tỉnh');
  const ref: AgencyRef = {
    text,
    // A relative name with nothing to tell its level ("Liên đoàn Lao động", no plan level): the family's name.
    name: m.level === null && b.level !== null && label ? label : base,
    family: b.family,
    level: m.level,
    kind: b.kind,
    collective: m.collective,
    covers: m.covers,
    vague: b.vague,
    request,
    independent: b.independent,
    known: m.inForce,
    id: b.id,
    place: m.place,
  };
  // The member's period already includes its level's (ontology-compile: intersect).
  if (!m.inForce) ref.outOfForce = b.valid;
  return ref;
}

export function unknownRef(text: string, level: Level | null, collective: boolean, request: boolean): AgencyRef {
  return {
    text, name: null, family: null, level, kind: null, collective, covers: level ? [level] : [],
    vague: false, request, independent: false, known: false,
  };
}
