/**
 * The district-level units of each province (rules/districts.yaml), for what a district's plan
 * leaves unsaid: "của UBND tỉnh" with no name is the issuer's own province. Names compare
 * canonically; a district whose kind and name occur in two provinces decides nothing.
 */
import { z } from 'zod';
import { rawTable } from '../table-source.js';
import { foldKey } from './canonical.js';

const DistrictsFile = z
  .object({
    version: z.literal(1),
    source: z.string().min(1),
    valid: z.object({ until: z.union([z.string(), z.date()]) }).strict(),
    provinces: z.record(z.string().min(1), z.array(z.string().regex(/^(huyện|quận|thị xã|thành phố) \S/u, 'a district is "huyện|quận|thị xã|thành phố <name>"')).min(1)),
  })
  .strict();
export type Districts = z.infer<typeof DistrictsFile>;

export function validateDistricts(raw: unknown): Districts {
  const r = DistrictsFile.safeParse(raw);
  if (!r.success) throw new Error(`rules/districts.yaml is invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

let index: Map<string, string[]> | undefined;

function districtIndex(): Map<string, string[]> {
  if (index) return index;
  const { data, built } = rawTable('districts');
  const table = built ? (data as Districts) : validateDistricts(data);
  index = new Map();
  for (const [province, districts] of Object.entries(table.provinces)) {
    for (const d of districts) index.set(foldKey(d), [...(index.get(foldKey(d)) ?? []), province]);
  }
  return index;
}

/**
 * The province of a district-level unit named with its kind ("huyện Đại Từ", "quận Ninh Kiều",
 * also inside "Ủy ban nhân dân huyện Đại Từ"); null when unknown or found in several provinces.
 */
export function provinceOfDistrict(name: string): string | null {
  const m = /(?:^|\s)((?:huyện|quận|thị xã|thành phố)\s.+)$/u.exec(foldKey(name).replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const provinces = districtIndex().get(m[1]!);
  return provinces?.length === 1 ? provinces[0]! : null;
}
