/** splitAgencies: lists cut at their separators, never inside a known name. */
import { describe, expect, it } from 'vitest';
import { splitAgencies } from '../../src/core/domain/agencies.js';

const cases: [string, string[]][] = [
  [
    'Sở Thông tin và Truyền thông; Đài Phát thanh - Truyền hình tỉnh, Báo Thái Nguyên, Trung tâm Thông tin tỉnh; Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện.',
    ['Sở Thông tin và Truyền thông', 'Đài Phát thanh - Truyền hình tỉnh', 'Báo Thái Nguyên', 'Trung tâm Thông tin tỉnh', 'Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện'],
  ],
  ['Sở Nội vụ, UBND các huyện, thành phố.', ['Sở Nội vụ', 'UBND các huyện, thành phố']],
  ['Bộ Văn hóa, Thể thao và Du lịch, Bộ Nội vụ và Sở Văn hóa, Thể thao và Du lịch', ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Nội vụ', 'Sở Văn hóa, Thể thao và Du lịch']],
  ['Phòng Văn hoá, Thông tin, Phòng Nội vụ', ['Phòng Văn hoá, Thông tin', 'Phòng Nội vụ']],
  ['các sở, ban, ngành, UBND các huyện, thị xã, thành phố', ['các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố']],
  [
    'Sở Tư pháp (cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh), các sở, ban, ngành cấp tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố và các cơ quan, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước, các tổ chức có liên quan trên địa bàn tỉnh.',
    [
      'Sở Tư pháp (cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh)',
      'các sở, ban, ngành cấp tỉnh',
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
      'các cơ quan, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước, các tổ chức có liên quan trên địa bàn tỉnh',
    ],
  ],
  [
    'các sở, ban, ngành; các đơn vị sự nghiệp thuộc UBND tỉnh; các tổ chức Hội được giao biên chế; UBND cấp huyện; UBND cấp xã; các doanh nghiệp nhà nước trên địa bàn tỉnh.',
    ['các sở, ban, ngành', 'các đơn vị sự nghiệp thuộc UBND tỉnh', 'các tổ chức Hội được giao biên chế', 'UBND cấp huyện', 'UBND cấp xã', 'các doanh nghiệp nhà nước trên địa bàn tỉnh'],
  ],
  // A known name followed by a verb phrase keeps the clause whole.
  [
    'Phòng Văn hoá, Thông tin UBND thị xã hướng dẫn Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã, Cổng Thông tin điện tử thị xã và Đài truyền thanh các phường, xã thực hiện.',
    ['Phòng Văn hoá, Thông tin UBND thị xã hướng dẫn Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch thị xã, Cổng Thông tin điện tử thị xã và Đài truyền thanh các phường, xã thực hiện'],
  ],
  ['Sở Nội vụ phối hợp với các cơ quan, đơn vị liên quan tham mưu cho UBND tỉnh trình HĐND tỉnh.', ['Sở Nội vụ phối hợp với các cơ quan, đơn vị liên quan tham mưu cho UBND tỉnh trình HĐND tỉnh']],
  ['Bộ Chỉ huy quân sự tỉnh và Công an tỉnh theo quy định của Bộ quốc phòng và Bộ Công an.', ['Bộ Chỉ huy quân sự tỉnh', 'Công an tỉnh theo quy định của Bộ quốc phòng và Bộ Công an']],
  ['Phòng Lao động - Thương binh và Xã hội, phòng Tư pháp, Ủy ban Mặt trận Tổ quốc thị xã; Liên đoàn Lao động thị xã.', ['Phòng Lao động - Thương binh và Xã hội', 'phòng Tư pháp', 'Ủy ban Mặt trận Tổ quốc thị xã', 'Liên đoàn Lao động thị xã']],
  ['Ủy ban Mặt trận Tổ quốc tỉnh, Sở Tư pháp, Liên đoàn Lao động tỉnh.', ['Ủy ban Mặt trận Tổ quốc tỉnh', 'Sở Tư pháp', 'Liên đoàn Lao động tỉnh']],
  ['Ủy ban nhân dân thị xã và các đơn vị trực thuộc; UBND xã, phường', ['Ủy ban nhân dân thị xã', 'các đơn vị trực thuộc', 'UBND xã, phường']],
  ['Các cơ quan, đơn vị có liên quan; Ủy ban nhân dân các phường, xã.', ['Các cơ quan, đơn vị có liên quan', 'Ủy ban nhân dân các phường, xã']],
  // Unknown names run to the next comma; "và" inside them stays.
  ['Hiệp hội doanh nghiệp tỉnh, Báo Thái Nguyên, Trung tâm Hỗ trợ phụ nữ và trẻ em, Sở Y tế', ['Hiệp hội doanh nghiệp tỉnh', 'Báo Thái Nguyên', 'Trung tâm Hỗ trợ phụ nữ và trẻ em', 'Sở Y tế']],
  ['- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, Liên đoàn Lao động tỉnh', ['Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh', 'Liên đoàn Lao động tỉnh']],
  ['', []],
  ['  ;  ,  ', []],
];

describe('splitAgencies', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(splitAgencies(text)).toEqual(expected);
  });
  it('keeps the written spelling (tone placement, case) and joins broken lines', () => {
    expect(splitAgencies('Uỷ ban nhân dân các huyện,\n thị xã, thành phố; Phòng Văn hoá, Thông tin')).toEqual(['Uỷ ban nhân dân các huyện, thị xã, thành phố', 'Phòng Văn hoá, Thông tin']);
  });
});
