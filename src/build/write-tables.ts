/** Build step: rules/*.yaml → dist/tables/*.json (see src/tables.ts), and the plan JSON Schema. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { packageRoot, tableJsonFile } from '../tables.js';
import { planJsonSchemaText } from '../model/json-schema.js';

const root = packageRoot();
mkdirSync(join(root, 'dist', 'tables'), { recursive: true });
for (const f of readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.yaml'))) {
  const name = f.replace(/\.yaml$/, '');
  writeFileSync(tableJsonFile(name), JSON.stringify(parse(readFileSync(join(root, 'rules', f), 'utf8'))));
}
writeFileSync(join(root, 'schema', 'plan.schema.json'), planJsonSchemaText());
