/**
 * Places of the synthetic country: the real province-level units (so that the gazetteer in
 * rules/units.yaml resolves "Báo Thanh Hóa", "Ủy ban nhân dân thành phố Cần Thơ"), and made-up
 * district and commune names built from common place-name syllables. Made-up names never
 * equal a province's name: "thành phố Thanh Hóa" (the district-level city) would be a trap the
 * generator has no reason to set.
 */
import type { Rng } from './prng.js';

export interface ProvinceDef {
  name: string;
  /** thành phố trực thuộc trung ương (a city) rather than a tỉnh */
  city: boolean;
}

const CITIES_2023 = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ'];
const TINH_2023 = [
  'Hà Giang', 'Cao Bằng', 'Bắc Kạn', 'Tuyên Quang', 'Lào Cai', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Yên Bái',
  'Hòa Bình', 'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh', 'Bắc Giang', 'Phú Thọ', 'Vĩnh Phúc', 'Bắc Ninh',
  'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Hà Nam', 'Nam Định', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa',
  'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng', 'Bình Phước',
  'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Bà Rịa - Vũng Tàu', 'Long An', 'Tiền Giang', 'Bến Tre', 'Trà Vinh',
  'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau',
];
const CITIES_2025 = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'];
const TINH_2025 = [
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** Province-level units of the shape, in a fixed order (cities first, as official lists do). */
export function provincesOf(shape: 2023 | 2025): ProvinceDef[] {
  const [cities, tinh] = shape === 2023 ? [CITIES_2023, TINH_2023] : [CITIES_2025, TINH_2025];
  return [...cities.map((name) => ({ name, city: true })), ...tinh.map((name) => ({ name, city: false }))];
}

const ALL_PROVINCE_NAMES = new Set([...CITIES_2023, ...TINH_2023, ...CITIES_2025, ...TINH_2025]);

const SYLLABLES = [
  'An', 'Bình', 'Đông', 'Hòa', 'Phú', 'Tân', 'Thạch', 'Thành', 'Vĩnh', 'Yên', 'Lộc', 'Xuân', 'Hưng', 'Mỹ',
  'Long', 'Phước', 'Sơn', 'Hải', 'Quảng', 'Cẩm', 'Nghĩa', 'Đức', 'Triệu', 'Thọ', 'Kim', 'Lâm', 'Ninh', 'Gia',
  'Thiệu', 'Hoằng', 'Nông', 'Ngọc', 'Lạc', 'Tĩnh', 'Hậu', 'Cát', 'Trung', 'Nam', 'Bắc', 'Tây', 'Hà', 'Lương',
  'Quan', 'Bá', 'Thường', 'Thuận', 'Hiệp', 'Định', 'Thanh', 'Khánh', 'Tiên', 'Châu', 'Quang', 'Minh', 'Tiến',
  'Hợp', 'Phong', 'Điền', 'Cao', 'Lam', 'Trường', 'Hồng', 'Việt', 'Dương', 'Vân', 'Kỳ', 'Diễn', 'Đồng',
];

/** "Thanh Hóa" → "thanh-hoa": ASCII kebab-case for ids and directory names. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A fresh two-syllable place name, unique within `taken` (compared by slug). */
export function placeName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const a = rng.pick(SYLLABLES);
    const b = rng.pick(SYLLABLES);
    if (a === b) continue;
    const name = `${a} ${b}`;
    const slug = slugify(name);
    if (taken.has(slug) || ALL_PROVINCE_NAMES.has(name)) continue;
    taken.add(slug);
    return name;
  }
  // Thousands of combinations exist; a long run of collisions means a huge fan-out: number it.
  for (let n = 1; ; n++) {
    const name = `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)} ${n}`;
    if (!taken.has(slugify(name))) {
      taken.add(slugify(name));
      return name;
    }
  }
}
