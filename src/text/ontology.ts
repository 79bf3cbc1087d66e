/**
 * The agency ontology and the gazetteer of province-level units, read from rules/ once
 * per process. The files are located relative to this module, which works from src/
 * (tsx, vitest) and from dist/ (the built CLI): both sit two levels below the package root.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AgencyTable, UnitTable, describeIssues } from './ontology-schema.js';
import { compile, type Ontology } from './ontology-compile.js';

export type { Ontology, Member, NameEntry, UnitEntry } from './ontology-compile.js';

const AGENCIES_URL = new URL('../../rules/agencies.yaml', import.meta.url);
const UNITS_URL = new URL('../../rules/units.yaml', import.meta.url);

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

function readYaml(url: URL): unknown {
  const file = fileURLToPath(url);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the table (${(e as Error).message})`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new Error(`${file}: YAML syntax error: ${(e as Error).message}`);
  }
}

/** The ontology of rules/agencies.yaml and rules/units.yaml, loaded on first use. */
export function ontology(): Ontology {
  if (!cached) {
    cached = buildOntology(readYaml(AGENCIES_URL), readYaml(UNITS_URL), {
      agencies: fileURLToPath(AGENCIES_URL),
      units: fileURLToPath(UNITS_URL),
    });
  }
  return cached;
}
