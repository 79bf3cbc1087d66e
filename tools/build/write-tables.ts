/**
 * Build step: validates every table of rules/ with its own schema, then writes it as JSON
 * beside the compiled code (dist/tables/, read by src/app/tables.ts without validating again), and
 * writes the plan JSON Schema. A broken table fails the build, not a user's first run.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot, tableJsonFile, useDiskTables } from '../../src/app/tables.js';
import { planJsonSchemaText } from '../../src/core/model/json-schema.js';
import { buildOntology } from '../../src/core/domain/ontology.js';
import { validateTimeWords } from '../../src/core/domain/time-words.js';
import { validateCatalogue } from '../../src/format/messages.js';
import { validateConfig } from '../../src/core/check/config.js';
import { missingTerms } from '../../src/format/terms.js';
import { validateTableColumns } from '../../src/core/import/table.js';
import { validateDistricts } from '../../src/core/domain/districts.js';

useDiskTables();
const root = packageRoot();
const rules = join(root, 'rules');
const text = (name: string): string => readFileSync(join(rules, `${name}.yaml`), 'utf8');
const data = (name: string): unknown => parse(text(name));

buildOntology(data('agencies'), data('units'), { agencies: 'rules/agencies.yaml', units: 'rules/units.yaml' });
const words = validateTimeWords(data('time-words'));
if (!words.ok) throw new Error(`rules/time-words.yaml is invalid: ${words.errors.join('; ')}`);
validateCatalogue(data('messages'));
validateConfig(data('config'));
const missing = missingTerms(validateCatalogue(data('messages')).terms);
if (missing.length) throw new Error(`rules/messages.yaml lacks the report terms ${missing.join(', ')}`);
validateTableColumns(data('table-columns'));
validateDistricts(data('districts'));

const known = new Set(['agencies', 'units', 'time-words', 'messages', 'config', 'table-columns', 'districts']);
rmSync(join(root, 'dist', 'tables'), { recursive: true, force: true }); // no copy of a table that is gone may linger
mkdirSync(join(root, 'dist', 'tables'), { recursive: true });
for (const f of readdirSync(rules).filter((n) => n.endsWith('.yaml'))) {
  const name = f.replace(/\.yaml$/, '');
  if (!known.has(name)) throw new Error(`rules/${f}: no schema validates this table; add it to tools/build/write-tables.ts`);
  writeFileSync(tableJsonFile(name), JSON.stringify(data(name)));
}
writeFileSync(join(root, 'schema', 'plan.schema.json'), planJsonSchemaText());
