/** Build step: writes schema/plan.schema.json, the copy editors and `plans/` files point at. */
import { writeFileSync } from 'node:fs';
import { planJsonSchemaText } from './json-schema.js';

writeFileSync(new URL('../../schema/plan.schema.json', import.meta.url), planJsonSchemaText());
