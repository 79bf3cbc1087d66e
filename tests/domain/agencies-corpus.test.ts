/**
 * Every agency string of the corpus (plans/**\/*.yaml: lead, implement, coordinate, duty owners)
 * resolves, in its plan's context, to a known or vague reference, and to the one written here
 * by hand. A string added to the corpus without a row here fails the test: none is forgotten.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveAgency } from '../../src/core/domain/agencies.js';
import type { Level } from '../../src/core/model/plan.js';

const ROOT = fileURLToPath(new URL('../../plans', import.meta.url));
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
  });
}

interface Use { text: string; level: Level; on: string; jurisdiction: string | null; file: string }
const uses: Use[] = [];
for (const file of yamlFiles(ROOT)) {
  const plan = parse(readFileSync(file, 'utf8')) as { level: Level; issued?: string; jurisdiction?: string; tasks?: Record<string, unknown>[] };
  // The corpus is of 2023: undated plans are judged on the 2023 structure.
  const on = plan.issued ? `${plan.issued}-01-01`.slice(0, 10) : '2023-06-26';
  for (const t of plan.tasks ?? []) {
    const names = (['lead', 'implement', 'coordinate'] as const).flatMap((k) => (t[k] as string[] | undefined) ?? []);
    for (const d of (t.duties as { owner?: string | string[] }[] | undefined) ?? []) names.push(...(d.owner === undefined ? [] : ([] as string[]).concat(d.owner)));
    for (const text of names) uses.push({ text, level: plan.level, on, jurisdiction: plan.jurisdiction ?? null, file });
  }
}

const V = 'các cơ quan, đơn vị có liên quan';
// text → [name, level]; written by hand from the ontology, per the plan the text appears in.
const EXPECTED: Record<string, [string, Level | null]> = {
  'Phòng Nội vụ': ['Phòng Nội vụ', 'district'],
  'Phòng Tư pháp (Cơ quan Thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật thị xã)': ['Phòng Tư pháp', 'district'],
  'các phòng, ban liên quan': ['các phòng, ban có liên quan', 'district'],
  'Ủy ban nhân dân các phường, xã': ['Ủy ban nhân dân cấp xã', 'commune'],
  'các cơ quan, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước, các tổ chức có liên quan trên địa bàn thị xã': [V, null],
  'Phòng Văn hoá, Thông tin UBND thị xã': ['Phòng Văn hóa và Thông tin', 'district'],
  'Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã': ['Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', 'district'],
  'Cổng Thông tin điện tử thị xã': ['Cổng Thông tin điện tử huyện', 'district'],
  'Đài truyền thanh các phường, xã': ['Đài Truyền thanh cấp xã', 'commune'],
  'Các cơ quan, đơn vị có liên quan': [V, null],
  'Các phòng, ban, ngành cấp thị xã': ['các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', 'district'],
  'các cơ quan, đơn vị có liên quan': [V, null],
  'Ủy ban Mặt trận Tổ quốc thị xã': ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'district'],
  'Liên đoàn Lao động thị xã': ['Liên đoàn Lao động huyện', 'district'],
  'Ủy ban nhân dân thị xã': ['Ủy ban nhân dân huyện', 'district'],
  'UBND cấp xã': ['Ủy ban nhân dân cấp xã', 'commune'],
  'các đơn vị trực thuộc': [V, null],
  'UBND xã, phường': ['Ủy ban nhân dân cấp xã', 'commune'],
  'các tổ chức, cơ quan, đơn vị trên địa bàn thị xã': [V, null],
  'phòng Tư pháp': ['Phòng Tư pháp', 'district'],
  'các phòng, ban, ngành liên quan': ['các phòng, ban có liên quan', 'district'],
  'Phòng Lao động - Thương binh và Xã hội': ['Phòng Lao động - Thương binh và Xã hội', 'district'],
  'các phòng, ban, ngành thị xã': ['các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', 'district'],
  'phòng Tài chính- Kế hoạch': ['Phòng Tài chính - Kế hoạch', 'district'],
  'các phòng, ban, ngành': ['các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', 'district'],
  'Bộ Nội vụ': ['Bộ Nội vụ', 'national'],
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam': ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'national'],
  'Tổng Liên đoàn Lao động Việt Nam': ['Tổng Liên đoàn Lao động Việt Nam', 'national'],
  'Văn phòng Quốc hội': ['Văn phòng Quốc hội', 'national'],
  'Văn phòng Chính phủ': ['Văn phòng Chính phủ', 'national'],
  'Bộ Tư pháp': ['Bộ Tư pháp', 'national'],
  'Bộ Lao động - Thương binh và Xã hội': ['Bộ Lao động - Thương binh và Xã hội', 'national'],
  'Thanh tra Chính phủ': ['Thanh tra Chính phủ', 'national'],
  'các cơ quan có liên quan': [V, null],
  'Bộ Văn hóa, Thể thao và Du lịch': ['Bộ Văn hóa, Thể thao và Du lịch', 'national'],
  'Sở Nội vụ': ['Sở Nội vụ', 'province'],
  'Sở, ban ngành thành phố': ['các sở, ban, ngành', 'province'],
  'doanh nghiệp Nhà nước': ['các doanh nghiệp trên địa bàn tỉnh', 'province'],
  'Thường trực Hội đồng nhân dân và Ủy ban nhân dân cấp huyện': ['Hội đồng nhân dân cấp huyện', 'district'],
  'Ủy ban nhân dân cấp xã': ['Ủy ban nhân dân cấp xã', 'commune'],
  'các cơ quan, tổ chức có liên quan': [V, null],
  'Sở Thông tin và Truyền thông': ['Sở Thông tin và Truyền thông', 'province'],
  'Đài Phát thanh - Truyền hình Cần Thơ': ['Đài Phát thanh - Truyền hình tỉnh', 'province'],
  'Báo Cần Thơ': ['Báo Cần Thơ', 'province'],
  'các cơ quan, phương tiện thông tin đại chúng khác đóng trên địa bàn thành phố Cần Thơ': ['các cơ quan thông tin đại chúng', null],
  'Sở Tư pháp': ['Sở Tư pháp', 'province'],
  'Ủy ban nhân dân cấp huyện': ['Ủy ban nhân dân cấp huyện', 'district'],
  'các tổ chức chính trị - xã hội cấp xã': ['các tổ chức chính trị - xã hội cấp xã', 'commune'],
  'công chức giữ các chức danh chuyên môn cấp xã': ['công chức chuyên môn cấp xã', 'commune'],
  'người hoạt động không chuyên trách cấp xã, ấp, khu vực': ['công chức chuyên môn cấp xã', 'commune'],
  'đại diện nhân dân trên địa bàn quản lý': [V, null],
  'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố': ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'province'],
  'Liên đoàn Lao động thành phố': ['Liên đoàn Lao động tỉnh', 'province'],
  'Cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố và Ủy ban nhân dân cấp huyện': ['các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh', 'province'],
  'cơ quan, đơn vị trực thuộc theo phân cấp quản lý': [V, null],
  'doanh nghiệp Nhà nước, doanh nghiệp ngoài Nhà nước đóng trên địa bàn thành phố': ['các doanh nghiệp trên địa bàn tỉnh', 'province'],
  'Cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố': ['các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh', 'province'],
  'đơn vị sự nghiệp công lập thành phố': ['các đơn vị sự nghiệp công lập cấp tỉnh', 'province'],
  'sở, ban ngành thành phố': ['các sở, ban, ngành', 'province'],
  'cơ quan, tổ chức có liên quan và địa phương được phân công chủ trì, phối hợp thực hiện nhiệm vụ cụ thể quy định trong Kế hoạch này': [V, null],
  'Sở Tài chính': ['Sở Tài chính', 'province'],
  'Các sở, ban ngành thành phố': ['các sở, ban, ngành', 'province'],
  'Ủy ban nhân dân quận, huyện': ['Ủy ban nhân dân cấp huyện', 'district'],
  'Ủy ban nhân dân xã, phường, thị trấn': ['Ủy ban nhân dân cấp xã', 'commune'],
  'các cơ quan, đơn vị liên quan': [V, null],
  'Văn phòng Ủy ban nhân dân tỉnh': ['Văn phòng Ủy ban nhân dân tỉnh', 'province'],
  'Cổng Thông tin điện tử tỉnh': ['Cổng Thông tin điện tử tỉnh', 'province'],
  'Báo Hòa Bình': ['Báo Hòa Bình', 'province'],
  'Đài Phát thanh và Truyền hình tỉnh': ['Đài Phát thanh - Truyền hình tỉnh', 'province'],
  'các cơ quan báo, đài của tỉnh, huyện': ['các cơ quan báo, đài', 'province'],
  'Các Sở, ban, ngành': ['các sở, ban, ngành', 'province'],
  'UBND các huyện, thành phố': ['Ủy ban nhân dân cấp huyện', 'district'],
  'Ủy ban nhân dân các huyện, thành phố': ['Ủy ban nhân dân cấp huyện', 'district'],
  'các sở, ban, ngành': ['các sở, ban, ngành', 'province'],
  'các đơn vị sự nghiệp thuộc UBND tỉnh': ['các đơn vị sự nghiệp công lập cấp tỉnh', 'province'],
  'các tổ chức Hội được giao biên chế': ['các tổ chức hội được giao biên chế', 'province'],
  'UBND cấp huyện': ['Ủy ban nhân dân cấp huyện', 'district'],
  'các doanh nghiệp nhà nước trên địa bàn tỉnh': ['các doanh nghiệp trên địa bàn tỉnh', 'province'],
  'Đài Phát thanh - Truyền hình tỉnh': ['Đài Phát thanh - Truyền hình tỉnh', 'province'],
  'Báo Thái Nguyên': ['Báo Thái Nguyên', 'province'],
  'Trung tâm Thông tin tỉnh': ['Trung tâm Thông tin tỉnh', 'province'],
  'Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện': ['Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện', 'district'],
  'Ủy ban Mặt trận Tổ quốc tỉnh': ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'province'],
  'Liên đoàn Lao động tỉnh': ['Liên đoàn Lao động tỉnh', 'province'],
  'Bộ Chỉ huy quân sự tỉnh': ['Bộ Chỉ huy quân sự tỉnh', 'province'],
  'Công an tỉnh': ['Công an tỉnh', 'province'],
  'HĐND các cấp': ['Hội đồng nhân dân các cấp', 'province'],
  'các sở, ban, ngành, các đơn vị sự nghiệp công lập thuộc UBND cấp tỉnh': ['các sở, ban, ngành', 'province'],
  'các phòng, ban chuyên môn, các đơn vị sự nghiệp thuộc UBND cấp huyện': ['các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', 'district'],
  'doanh nghiệp nhà nước, doanh nghiệp ngoài nhà nước trên địa bàn tỉnh': ['các doanh nghiệp trên địa bàn tỉnh', 'province'],
  'Các cơ quan, đơn vị liên quan': [V, null],
  'Các sở, ban, ngành': ['các sở, ban, ngành', 'province'],
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh': ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'province'],
  'Ban Dân vận Tỉnh ủy': ['Ban Dân vận Tỉnh ủy', 'province'],
  'Sở Tư pháp (cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh)': ['Sở Tư pháp', 'province'],
  'các sở, ban, ngành cấp tỉnh': ['các sở, ban, ngành', 'province'],
  'Ủy ban nhân dân các huyện, thị xã, thành phố': ['Ủy ban nhân dân cấp huyện', 'district'],
  'các cơ quan, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước, các tổ chức có liên quan trên địa bàn tỉnh': [V, null],
  'Đài Phát thanh và Truyền hình Thanh Hóa': ['Đài Phát thanh - Truyền hình tỉnh', 'province'],
  'Báo Thanh Hóa': ['Báo Thanh Hóa', 'province'],
  'Các sở, ban, ngành cấp tỉnh': ['các sở, ban, ngành', 'province'],
};

describe('agencies of the corpus', () => {
  it('finds the corpus', () => {
    expect(uses.length).toBeGreaterThan(50);
  });
  it.each(uses.map((u) => [u.text, u.file.slice(ROOT.length + 1), u] as const))('%s (%s)', (text, _file, u) => {
    const r = resolveAgency(text, { level: u.level, on: u.on, jurisdiction: u.jurisdiction });
    expect(r.known || r.vague, 'known or vague').toBe(true);
    expect(EXPECTED[text], 'a hand-written expectation for this text').toBeDefined();
    expect([r.name, r.level]).toEqual(EXPECTED[text]);
  });
});
