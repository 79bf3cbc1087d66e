/**
 * The agency ontology and the gazetteer of province-level units, read from rules/ once
 * per process (src/app/tables.ts locates them).
 */
import { rawTable } from '../table-source.js';
import { AgencyTable, UnitTable, describeIssues } from './ontology-schema.js';
import { compile, type Ontology } from './ontology-compile.js';

export type { Ontology, Member, NameEntry, UnitEntry } from './ontology-compile.js';


let cached: Ontology | undefined;

/** Names used in error messages for tables given as objects (tests) rather than files. */
export interface Sources {
  agencies: string;
  units: string;
}

/**
 * Validates and compiles two tables given as plain objects (parsed YAML). Throws an Error
 * naming the source and the path of every problem.
 */
export function buildOntology(
  agencies: unknown,
  units: unknown,
  sources: Sources = { agencies: 'agencies table', units: 'units table' },
): Ontology {
  const a = AgencyTable.safeParse(agencies);
  if (!a.success) throw new Error(describeIssues(sources.agencies, a.error));
  const u = UnitTable.safeParse(units);
  if (!u.success) throw new Error(describeIssues(sources.units, u.error));
  return compile(a.data, u.data, sources.agencies);
}

/** The ontology of rules/agencies.yaml and rules/units.yaml, loaded on first use. */
export function ontology(): Ontology {
  if (!cached) {
    const a = rawTable('agencies');
    const u = rawTable('units');
    cached =
      a.built && u.built
        ? compile(a.data as AgencyTable, u.data as UnitTable, a.file) // validated by the build
        : buildOntology(a.data, u.data, { agencies: a.file, units: u.file });
  }
  return cached;
}
