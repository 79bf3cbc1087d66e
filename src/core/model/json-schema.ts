/** The plan format as JSON Schema, generated from the zod model (never written by hand). */
import { z } from 'zod';
import { Plan } from './plan.js';



export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, title: 'kehoach plan', description: 'An implementation plan (kế hoạch triển khai) as kehoach YAML' };
}

export function planJsonSchemaText(): string {
  return JSON.stringify(planJsonSchema(), null, 2) + '\n';
}
