/**
 * Every agency name of the five seeds (task fields, "+" bullets, organisation sections and the
 * distribution lists) resolves to the reference written here by hand.
 */
import { describe, expect, it } from 'vitest';
import { resolveAgency, type ResolveContext } from '../../src/core/domain/agencies.js';

const TN: ResolveContext = { level: 'province', on: '2023-06-26', jurisdiction: 'Thái Nguyên' };
const CT: ResolveContext = { level: 'province', on: '2023-06-26', jurisdiction: 'Cần Thơ' };
const TH: ResolveContext = { level: 'province', on: '2023-06-26', jurisdiction: 'Thanh Hóa' };
const BS: ResolveContext = { level: 'district', on: '2023-06-26', jurisdiction: 'Bỉm Sơn, Thanh Hóa' };
const HB: ResolveContext = { level: 'province', on: '2023-11-01', jurisdiction: 'Hòa Bình' };
const NA: ResolveContext = { level: 'national', on: '2023-04-06' };

// [text, context, name, family, level, collective, vague, independent]
type Row = [string, ResolveContext, string, string | null, string | null, boolean, boolean, boolean];
const V = 'các cơ quan, đơn vị có liên quan';
const UB_H = 'Ủy ban nhân dân cấp huyện';
const UB_X = 'Ủy ban nhân dân cấp xã';
const SBN = 'các sở, ban, ngành';

const rows: Row[] = [
  // 000 Thái Nguyên
  ['các sở, ban, ngành', TN, SBN, null, 'province', true, false, false],
  ['các đơn vị sự nghiệp thuộc UBND tỉnh', TN, 'các đơn vị sự nghiệp công lập cấp tỉnh', null, 'province', true, false, false],
  ['các tổ chức Hội được giao biên chế', TN, 'các tổ chức hội được giao biên chế', null, 'province', true, false, false],
  ['UBND cấp huyện', TN, UB_H, 'executive', 'district', true, false, false],
  ['UBND cấp xã', TN, UB_X, 'executive', 'commune', true, false, false],
  ['các doanh nghiệp nhà nước trên địa bàn tỉnh', TN, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  ['Sở Thông tin và Truyền thông', TN, 'Sở Thông tin và Truyền thông', 'information', 'province', false, false, false],
  ['Đài Phát thanh - Truyền hình tỉnh', TN, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  ['Báo Thái Nguyên', TN, 'Báo Thái Nguyên', 'press', 'province', false, false, false],
  ['Trung tâm Thông tin tỉnh', TN, 'Trung tâm Thông tin tỉnh', 'broadcasting', 'province', false, false, false],
  ['Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện', TN, 'Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện', 'broadcasting', 'district', true, false, false],
  ['Sở Nội vụ', TN, 'Sở Nội vụ', 'home-affairs', 'province', false, false, false],
  ['UBND các huyện, thành phố', TN, UB_H, 'executive', 'district', true, false, false],
  ['Sở Nội vụ tổ chức tập huấn chuyên sâu về Luật', TN, 'Sở Nội vụ', 'home-affairs', 'province', false, false, false],
  ['UBND các huyện, thành phố tổ chức tập huấn chuyên sâu', TN, UB_H, 'executive', 'district', true, false, false],
  ['Ủy ban Mặt trận Tổ quốc tỉnh', TN, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Liên đoàn Lao động tỉnh', TN, 'Liên đoàn Lao động tỉnh', 'trade-union', 'province', false, false, true],
  ['Bộ Chỉ huy quân sự tỉnh', TN, 'Bộ Chỉ huy quân sự tỉnh', 'army', 'province', false, false, false],
  ['Công an tỉnh', TN, 'Công an tỉnh', 'police', 'province', false, false, false],
  ['Bộ quốc phòng', TN, 'Bộ Quốc phòng', 'army', 'national', false, false, false],
  ['Bộ Công an', TN, 'Bộ Công an', 'police', 'national', false, false, false],
  ['HĐND các cấp', TN, 'Hội đồng nhân dân các cấp', 'council', 'province', true, false, true],
  ['Sở Nội vụ phối hợp với các cơ quan, đơn vị liên quan tham mưu cho UBND tỉnh trình HĐND tỉnh', TN, 'Sở Nội vụ', 'home-affairs', 'province', false, false, false],
  ['UBND cấp huyện, UBND cấp xã trình HĐND cấp huyện, cấp xã', TN, UB_H, 'executive', 'district', true, false, false],
  ['HĐND tỉnh', TN, 'Hội đồng nhân dân tỉnh', 'council', 'province', false, false, true],
  ['các sở, ban, ngành, các đơn vị sự nghiệp công lập thuộc UBND cấp tỉnh', TN, SBN, null, 'province', true, false, false],
  ['các phòng, ban chuyên môn, các đơn vị sự nghiệp thuộc UBND cấp huyện', TN, 'các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', null, 'district', true, false, false],
  ['cơ quan, đơn vị trực thuộc theo phân cấp quản lý', TN, V, null, null, true, true, false],
  ['doanh nghiệp nhà nước, doanh nghiệp ngoài nhà nước trên địa bàn tỉnh', TN, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  ['Sở Tư pháp', TN, 'Sở Tư pháp', 'justice', 'province', false, false, false],
  ['Các cơ quan, đơn vị liên quan', TN, V, null, null, true, true, false],
  ['Bộ Nội vụ', TN, 'Bộ Nội vụ', 'home-affairs', 'national', false, false, false],
  ['Sở Tài chính', TN, 'Sở Tài chính', 'finance', 'province', false, false, false],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', TN, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Ban Dân vận Tỉnh ủy', TN, 'Ban Dân vận Tỉnh ủy', 'party-mass-work', 'province', false, false, true],
  ['Thường trực Tỉnh ủy', TN, 'Tỉnh ủy', 'party', 'province', false, false, true],
  ['Thường trực HĐND tỉnh', TN, 'Hội đồng nhân dân tỉnh', 'council', 'province', false, false, true],
  ['Ủy ban MTTQ tỉnh', TN, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Các đơn vị sự nghiệp thuộc UBND tỉnh', TN, 'các đơn vị sự nghiệp công lập cấp tỉnh', null, 'province', true, false, false],
  ['Các Hội đặc thù tỉnh', TN, 'các tổ chức hội được giao biên chế', null, 'province', true, false, false],
  ['Các doanh nghiệp nhà nước', TN, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  ['Đài PT-TH tỉnh', TN, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  // 001 Cần Thơ (a thành phố trực thuộc trung ương: "thành phố" is the province)
  ['Sở, ban ngành thành phố', CT, SBN, null, 'province', true, false, false],
  ['doanh nghiệp Nhà nước', CT, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  ['Thường trực Hội đồng nhân dân và Ủy ban nhân dân cấp huyện', CT, 'Hội đồng nhân dân cấp huyện', 'council', 'district', true, false, true],
  ['Ủy ban nhân dân cấp xã', CT, UB_X, 'executive', 'commune', true, false, false],
  ['các cơ quan, tổ chức có liên quan', CT, V, null, null, true, true, false],
  ['Đài Phát thanh - Truyền hình Cần Thơ', CT, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  ['Báo Cần Thơ', CT, 'Báo Cần Thơ', 'press', 'province', false, false, false],
  ['các cơ quan, phương tiện thông tin đại chúng khác đóng trên địa bàn thành phố Cần Thơ', CT, 'các cơ quan thông tin đại chúng', null, null, true, true, false],
  ['Ủy ban nhân dân cấp huyện', CT, UB_H, 'executive', 'district', true, false, false],
  ['Phòng Nội vụ', CT, 'Phòng Nội vụ', 'home-affairs', 'district', false, false, false],
  ['các tổ chức chính trị - xã hội cấp xã', CT, 'các tổ chức chính trị - xã hội cấp xã', null, 'commune', true, false, true],
  ['công chức giữ các chức danh chuyên môn cấp xã', CT, 'công chức chuyên môn cấp xã', null, 'commune', true, false, false],
  ['người hoạt động không chuyên trách cấp xã, ấp, khu vực', CT, 'công chức chuyên môn cấp xã', null, 'commune', true, false, false],
  ['đại diện nhân dân trên địa bàn quản lý', CT, V, null, null, true, true, false],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam thành phố', CT, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Liên đoàn Lao động thành phố', CT, 'Liên đoàn Lao động tỉnh', 'trade-union', 'province', false, false, true],
  ['Cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố và Ủy ban nhân dân cấp huyện', CT, 'các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh', null, 'province', true, false, false],
  ['doanh nghiệp Nhà nước, doanh nghiệp ngoài Nhà nước đóng trên địa bàn thành phố', CT, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  ['đơn vị sự nghiệp công lập thành phố', CT, 'các đơn vị sự nghiệp công lập cấp tỉnh', null, 'province', true, false, false],
  ['cơ quan, tổ chức có liên quan và địa phương được phân công chủ trì, phối hợp thực hiện nhiệm vụ cụ thể quy định trong Kế hoạch này', CT, V, null, null, true, true, false],
  ['Giám đốc Sở Nội vụ', CT, 'Sở Nội vụ', 'home-affairs', 'province', false, false, false],
  ['Chủ tịch Ủy ban nhân dân quận, huyện', CT, UB_H, 'executive', 'district', true, false, false],
  ['Ủy ban nhân dân xã, phường, thị trấn', CT, UB_X, 'executive', 'commune', true, false, false],
  ['Hội đồng nhân dân thành phố', CT, 'Hội đồng nhân dân tỉnh', 'council', 'province', false, false, true],
  ['Ủy ban nhân dân thành phố', CT, 'Ủy ban nhân dân tỉnh', 'executive', 'province', false, false, false],
  ['UB.MTTQVN TP', CT, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Đài PT&TH TPCT', CT, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  ['VP UBND TP', CT, 'Văn phòng Ủy ban nhân dân tỉnh', 'office', 'province', false, false, false],
  ['Doanh nghiệp NN trên địa bàn TP', CT, 'các doanh nghiệp trên địa bàn tỉnh', null, 'province', true, false, false],
  // 002 Bỉm Sơn (district: a thị xã of Thanh Hóa)
  ['Phòng Nội vụ', BS, 'Phòng Nội vụ', 'home-affairs', 'district', false, false, false],
  ['Phòng Tư pháp (Cơ quan Thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật thị xã)', BS, 'Phòng Tư pháp', 'justice', 'district', false, false, false],
  ['các phòng, ban liên quan', BS, 'các phòng, ban có liên quan', null, 'district', true, true, false],
  ['Ủy ban nhân dân các phường, xã', BS, UB_X, 'executive', 'commune', true, false, false],
  ['các cơ quan, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước, các tổ chức có liên quan trên địa bàn thị xã', BS, V, null, null, true, true, false],
  ['Phòng Văn hoá, Thông tin UBND thị xã', BS, 'Phòng Văn hóa và Thông tin', 'culture', 'district', false, false, false],
  ['Phòng Văn hoá, Thông tin UBND thị xã hướng dẫn Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã, Cổng Thông tin điện tử thị xã và Đài truyền thanh các phường, xã thực hiện', BS, 'Phòng Văn hóa và Thông tin', 'culture', 'district', false, false, false],
  ['Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã', BS, 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', 'broadcasting', 'district', false, false, false],
  ['Cổng Thông tin điện tử thị xã', BS, 'Cổng Thông tin điện tử huyện', 'portal', 'district', false, false, false],
  ['Đài truyền thanh các phường, xã', BS, 'Đài Truyền thanh cấp xã', 'broadcasting', 'commune', true, false, false],
  ['Các phòng, ban, ngành cấp thị xã', BS, 'các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', null, 'district', true, false, false],
  ['Ủy ban Mặt trận Tổ quốc thị xã', BS, 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'front', 'district', false, false, true],
  ['Liên đoàn Lao động thị xã', BS, 'Liên đoàn Lao động huyện', 'trade-union', 'district', false, false, true],
  ['Ủy ban nhân dân thị xã', BS, 'Ủy ban nhân dân huyện', 'executive', 'district', false, false, false],
  ['UBND xã, phường', BS, UB_X, 'executive', 'commune', true, false, false],
  ['các đơn vị trực thuộc', BS, V, null, null, true, true, false],
  ['các tổ chức, cơ quan, đơn vị trên địa bàn thị xã', BS, V, null, null, true, true, false],
  ['phòng Tư pháp', BS, 'Phòng Tư pháp', 'justice', 'district', false, false, false],
  ['các phòng, ban, ngành liên quan', BS, 'các phòng, ban có liên quan', null, 'district', true, true, false],
  ['Phòng Lao động - Thương binh và Xã hội', BS, 'Phòng Lao động - Thương binh và Xã hội', 'labour', 'district', false, false, false],
  ['các phòng, ban, ngành thị xã', BS, 'các phòng, ban chuyên môn thuộc Ủy ban nhân dân cấp huyện', null, 'district', true, false, false],
  ['phòng Tài chính- Kế hoạch', BS, 'Phòng Tài chính - Kế hoạch', 'finance', 'district', false, false, false],
  ['Hội đồng nhân dân cùng cấp', BS, 'Hội đồng nhân dân huyện', 'council', 'district', false, false, true],
  ['UBND tỉnh', BS, 'Ủy ban nhân dân tỉnh', 'executive', 'province', false, false, false],
  ['Sở Nội vụ', BS, 'Sở Nội vụ', 'home-affairs', 'province', false, false, false],
  ['Thị uỷ', BS, 'Huyện ủy', 'party', 'district', false, false, true],
  ['HĐND TX', BS, 'Hội đồng nhân dân huyện', 'council', 'district', false, false, true],
  ['Ban Dân vận Thị uỷ', BS, 'Ban Dân vận Huyện ủy', 'party-mass-work', 'district', false, false, true],
  ['MTTQ và các đoàn thể CT-XH thị xã', BS, 'các tổ chức chính trị - xã hội cấp huyện', null, 'district', true, false, true],
  ['Trung Tâm VHTTTT&DL', BS, 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', 'broadcasting', 'district', false, false, false],
  // 003 Thanh Hóa 172
  ['Sở Tư pháp (cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh)', TH, 'Sở Tư pháp', 'justice', 'province', false, false, false],
  ['các sở, ban, ngành cấp tỉnh', TH, SBN, null, 'province', true, false, false],
  ['Ủy ban nhân dân các huyện, thị xã, thành phố', TH, UB_H, 'executive', 'district', true, false, false],
  ['Đài Phát thanh và Truyền hình Thanh Hóa', TH, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  ['Báo Thanh Hóa', TH, 'Báo Thanh Hóa', 'press', 'province', false, false, false],
  ['Cổng Thông tin điện tử tỉnh', TH, 'Cổng Thông tin điện tử tỉnh', 'portal', 'province', false, false, false],
  // 004 Hòa Bình
  ['Văn phòng Ủy ban nhân dân tỉnh', HB, 'Văn phòng Ủy ban nhân dân tỉnh', 'office', 'province', false, false, false],
  ['Báo Hòa Bình', HB, 'Báo Hòa Bình', 'press', 'province', false, false, false],
  ['Đài Phát thanh và Truyền hình tỉnh', HB, 'Đài Phát thanh - Truyền hình tỉnh', 'broadcasting', 'province', false, false, false],
  ['các cơ quan báo, đài của tỉnh, huyện', HB, 'các cơ quan báo, đài', null, 'province', true, false, false],
  ['Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh', HB, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'front', 'province', false, false, true],
  ['Ban Dân vận Tỉnh uỷ', HB, 'Ban Dân vận Tỉnh ủy', 'party-mass-work', 'province', false, false, true],
  ['Phòng Nội vụ các huyện, thành phố', HB, 'Phòng Nội vụ', 'home-affairs', 'district', true, false, false],
  ['Thường trực Huyện uỷ', HB, 'Huyện ủy', 'party', 'district', false, false, true],
  ['Thường trực HĐND huyện', HB, 'Hội đồng nhân dân huyện', 'council', 'district', false, false, true],
  ['Uỷ ban nhân dân các xã, phường, thị trấn', HB, UB_X, 'executive', 'commune', true, false, false],
  ['Chánh VP UBND tỉnh', HB, 'Văn phòng Ủy ban nhân dân tỉnh', 'office', 'province', false, false, false],
  ['Thành viên Ban Chỉ đạo Thực hiện dân chủ ở cơ sở tỉnh', HB, 'Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh', 'democracy-steering', 'province', false, false, true],
  ['Các Sở, ban, ngành', HB, SBN, null, 'province', true, false, false],
  // QĐ 346 (as summarised in domain.md)
  ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', NA, 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'front', 'national', false, false, true],
  ['Tổng Liên đoàn Lao động Việt Nam', NA, 'Tổng Liên đoàn Lao động Việt Nam', 'trade-union', 'national', false, false, true],
  ['Văn phòng Quốc hội', NA, 'Văn phòng Quốc hội', 'council', 'national', false, false, true],
  ['Văn phòng Chính phủ', NA, 'Văn phòng Chính phủ', 'office', 'national', false, false, false],
  ['Bộ Tư pháp', NA, 'Bộ Tư pháp', 'justice', 'national', false, false, false],
  ['Bộ Lao động - Thương binh và Xã hội', NA, 'Bộ Lao động - Thương binh và Xã hội', 'labour', 'national', false, false, false],
  ['Thanh tra Chính phủ', NA, 'Thanh tra Chính phủ', 'inspection', 'national', false, false, false],
  ['Bộ Văn hóa, Thể thao và Du lịch', NA, 'Bộ Văn hóa, Thể thao và Du lịch', 'culture', 'national', false, false, false],
  ['các cơ quan có liên quan', NA, V, null, null, true, true, false],
];

describe('resolveAgency on the seeds', () => {
  it.each(rows)('%s', (text, ctx, name, family, level, collective, vague, independent) => {
    const r = resolveAgency(text, ctx);
    expect({ text: r.text, name: r.name, family: r.family, level: r.level, collective: r.collective, vague: r.vague, independent: r.independent, known: r.known })
      .toEqual({ text, name, family, level, collective, vague, independent, known: true });
  });
});

describe('resolveAgency rules', () => {
  it('"Đề nghị" sets request and does not change the body', () => {
    const r = resolveAgency('Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh', TN);
    expect([r.name, r.request, r.independent]).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', true, true]);
    expect(resolveAgency('Ủy ban Mặt trận Tổ quốc tỉnh', TN).request).toBe(false);
  });
  it('relative names take the level from the words, else from the plan', () => {
    expect(resolveAgency('Liên đoàn Lao động', { level: 'district' }).level).toBe('district');
    expect(resolveAgency('Liên đoàn Lao động tỉnh', { level: 'district' }).level).toBe('province');
    expect(resolveAgency('Liên đoàn Lao động', {}).level).toBeNull();
    expect(resolveAgency('Liên đoàn Lao động', {}).known).toBe(true);
    expect(resolveAgency('Ủy ban nhân dân thành phố', { level: 'district', jurisdiction: 'Sông Công, Thái Nguyên' }).level).toBe('district');
    expect(resolveAgency('Ủy ban nhân dân thành phố Sông Công', { level: 'province' }).level).toBe('district');
    expect(resolveAgency('UBND thành phố Thanh Hóa', TH).level).toBe('district');
    expect(resolveAgency('Ủy ban nhân dân thành phố', { jurisdiction: 'Cần Thơ' }).level).toBe('province');
  });
  it('unknown names come back, never dropped, with the level their head word tells', () => {
    const r = resolveAgency('Sở Du lịch', TN);
    expect([r.known, r.name, r.level, r.text]).toEqual([false, null, 'province', 'Sở Du lịch']);
    expect(resolveAgency('Hiệp hội doanh nghiệp tỉnh', TN).known).toBe(false);
    expect(resolveAgency('', TN).known).toBe(false);
  });
  it('judges by the structure in force on the date', () => {
    const gone = resolveAgency('Sở Thông tin và Truyền thông', { level: 'province', on: '2025-06-01' });
    expect([gone.known, gone.name, gone.outOfForce]).toEqual([false, 'Sở Thông tin và Truyền thông', { until: '2025-02-28' }]);
    expect(resolveAgency('Sở Thông tin và Truyền thông', { level: 'province', on: '2025-02-28' }).known).toBe(true);
    expect(resolveAgency('Phòng Nội vụ', { level: 'district', on: '2025-07-01' }).known).toBe(false);
    expect(resolveAgency('Phòng Văn hóa - Xã hội', { level: 'commune', on: '2025-08-01' }).known).toBe(true);
    expect(resolveAgency('Phòng Văn hóa - Xã hội', { level: 'commune', on: '2023-08-01' }).known).toBe(false);
    expect(resolveAgency('Sở Nông nghiệp và Môi trường', { level: 'province', on: '2025-04-01' }).known).toBe(true);
    expect(resolveAgency('UBND cấp huyện', { level: 'province', on: '2025-08-01' }).known).toBe(false);
    expect(resolveAgency('UBND các cấp', { level: 'province', on: '2025-08-01' }).covers).toEqual(['province', 'commune']);
    expect(resolveAgency('các địa phương', { level: 'province', on: '2023-08-01' }).covers).toEqual(['district', 'commune']);
  });
  it('the same name resolves alike without a date (no structure constraint)', () => {
    expect(resolveAgency('Sở Thông tin và Truyền thông', { level: 'province' }).known).toBe(true);
  });
});
