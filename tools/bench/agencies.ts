/**
 * Agencies of each level, by role, as written in real plans (domain.md's counterpart table),
 * and the collective names ("Ủy ban nhân dân các huyện, thị xã, thành phố") that address the
 * level below. A role that does not exist at a level (no press at district level, no trade
 * union at commune level, no district level after 2025) resolves to null and is left out.
 */
export type Shape = 2023 | 2025;
export type GovLevel = 'national' | 'province' | 'district' | 'commune';

export interface Unit {
  level: GovLevel;
  /** "Thanh Hóa", "Bỉm Sơn"; "" for the national level */
  name: string;
  /** tỉnh, thành phố, huyện, thị xã, quận, xã, phường, thị trấn, đặc khu; "" for national */
  kind: string;
  shape: Shape;
  parent: Unit | null;
}

/** How one plan spells things: kept for the whole plan, as a drafter would. */
export interface Style {
  /** old tone placement: "hoá", "Uỷ" (the seeds mix both) */
  oldTones: boolean;
  /** "UBND", "HĐND" for the written-out names */
  abbrev: boolean;
  /** which of two usual spellings of a name the drafter uses */
  variant: 0 | 1;
  /** "Luật Thực hiện dân chủ ở cơ sở" where others write "Luật và các văn bản quy định chi tiết …" */
  brief: boolean;
}

export const ROLES = [
  'home', 'justice', 'info', 'culture', 'finance', 'labour', 'broadcast', 'press', 'portal',
  'front', 'union', 'army', 'police', 'council', 'exec', 'office', 'partyMass',
] as const;
export type Role = (typeof ROLES)[number];
export type Collective = 'lowerExec' | 'depts' | 'vague' | 'lowerBroadcast';
export type Ref = Role | Collective;

/** "tỉnh Thanh Hóa", "thị xã Bỉm Sơn" ("Thành phố Hồ Chí Minh" keeps its capital). */
export function fullName(u: Unit): string {
  if (u.level === 'national') return 'Việt Nam';
  if (u.level === 'province' && u.name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return `${u.kind} ${u.name}`;
}

/** The word a province-level agency name ends with: "Sở … tỉnh", "Công an thành phố". */
const kw = (u: Unit): string => u.kind;

/** The units one level down, as plans list them ("các huyện, thị xã, thành phố"). */
export function lowerPlaces(u: Unit): string {
  switch (u.level) {
    case 'national':
      return 'tỉnh, thành phố trực thuộc trung ương';
    case 'province':
      if (u.shape === 2025) return 'xã, phường';
      return u.kind === 'thành phố' ? 'quận, huyện' : 'huyện, thị xã, thành phố';
    case 'district':
      return u.kind === 'huyện' ? 'xã, thị trấn' : u.kind === 'quận' ? 'phường' : 'phường, xã';
    case 'commune':
      return u.kind === 'phường' ? 'tổ dân phố' : 'thôn, tổ dân phố';
  }
}

function national(role: Role, shape: Shape): string | null {
  const late = shape === 2025;
  const names: Record<Role, string | null> = {
    home: 'Bộ Nội vụ', justice: 'Bộ Tư pháp', info: late ? 'Bộ Khoa học và Công nghệ' : 'Bộ Thông tin và Truyền thông',
    culture: 'Bộ Văn hóa, Thể thao và Du lịch', finance: 'Bộ Tài chính', labour: late ? 'Bộ Nội vụ' : 'Bộ Lao động - Thương binh và Xã hội',
    broadcast: 'Đài Truyền hình Việt Nam', press: 'Đài Tiếng nói Việt Nam', portal: 'Cổng Thông tin điện tử Chính phủ',
    front: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', union: 'Tổng Liên đoàn Lao động Việt Nam', army: 'Bộ Quốc phòng',
    police: 'Bộ Công an', council: 'Quốc hội', exec: 'Chính phủ', office: 'Văn phòng Chính phủ', partyMass: 'Ban Dân vận Trung ương',
  };
  return names[role];
}

function province(role: Role, u: Unit, v: 0 | 1): string | null {
  const late = u.shape === 2025;
  const k = kw(u);
  const names: Record<Role, string | null> = {
    home: 'Sở Nội vụ', justice: 'Sở Tư pháp', info: late ? 'Sở Khoa học và Công nghệ' : 'Sở Thông tin và Truyền thông',
    culture: 'Sở Văn hóa, Thể thao và Du lịch', finance: 'Sở Tài chính', labour: late ? 'Sở Nội vụ' : 'Sở Lao động - Thương binh và Xã hội',
    broadcast: late ? `Báo và Phát thanh, Truyền hình ${u.name}` : v ? `Đài Phát thanh - Truyền hình ${k}` : `Đài Phát thanh và Truyền hình ${u.name}`,
    press: late ? null : `Báo ${u.name}`, portal: `Cổng Thông tin điện tử ${k}`,
    front: v ? `Ủy ban Mặt trận Tổ quốc ${k}` : `Ủy ban Mặt trận Tổ quốc Việt Nam ${k}`, union: `Liên đoàn Lao động ${k}`,
    army: `Bộ Chỉ huy quân sự ${k}`, police: `Công an ${k}`, council: `Hội đồng nhân dân ${k}`, exec: `Ủy ban nhân dân ${k}`,
    office: `Văn phòng Ủy ban nhân dân ${k}`, partyMass: late ? null : `Ban Dân vận ${u.kind === 'thành phố' ? 'Thành ủy' : 'Tỉnh ủy'}`,
  };
  return names[role];
}

const PARTY: Record<string, string> = { 'huyện': 'Huyện ủy', 'thị xã': 'Thị ủy', 'thành phố': 'Thành ủy', 'quận': 'Quận ủy' };

function district(role: Role, u: Unit, v: 0 | 1): string | null {
  const k = u.kind;
  const culture = v ? 'Phòng Văn hóa, Thông tin' : 'Phòng Văn hóa và Thông tin';
  const names: Record<Role, string | null> = {
    home: 'Phòng Nội vụ', justice: 'Phòng Tư pháp', info: culture, culture, finance: 'Phòng Tài chính - Kế hoạch',
    labour: 'Phòng Lao động - Thương binh và Xã hội',
    broadcast: v ? `Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch ${k}` : `Trung tâm Văn hóa - Thể thao và Truyền thông ${k}`,
    press: null, portal: `Cổng Thông tin điện tử ${k}`, front: `Ủy ban Mặt trận Tổ quốc ${k}`, union: `Liên đoàn Lao động ${k}`,
    army: `Ban Chỉ huy quân sự ${k}`, police: `Công an ${k}`, council: `Hội đồng nhân dân ${k}`, exec: `Ủy ban nhân dân ${k}`,
    office: `Văn phòng Hội đồng nhân dân và Ủy ban nhân dân ${k}`, partyMass: `Ban Dân vận ${PARTY[k] ?? 'Huyện ủy'}`,
  };
  return names[role];
}

function commune(role: Role, u: Unit): string | null {
  const k = u.kind;
  if (u.shape === 2025) {
    const social = 'Phòng Văn hóa - Xã hội';
    const office = `Văn phòng Hội đồng nhân dân và Ủy ban nhân dân ${k}`;
    const names: Record<Role, string | null> = {
      home: social, justice: office, info: social, culture: social, labour: social, office,
      finance: k === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế', broadcast: null, press: null, portal: null,
      front: `Ủy ban Mặt trận Tổ quốc Việt Nam ${k}`, union: null, army: null, police: null,
      council: `Hội đồng nhân dân ${k}`, exec: `Ủy ban nhân dân ${k}`, partyMass: null,
    };
    return names[role];
  }
  const social = 'công chức Văn hóa - Xã hội';
  const names: Record<Role, string | null> = {
    home: 'công chức Văn phòng - Thống kê', justice: 'công chức Tư pháp - Hộ tịch', info: social, culture: social, labour: social,
    finance: 'công chức Tài chính - Kế toán', broadcast: `Đài truyền thanh ${k}`, press: null, portal: null,
    front: `Ủy ban Mặt trận Tổ quốc ${k}`, union: null, army: null, police: null, council: `Hội đồng nhân dân ${k}`,
    exec: `Ủy ban nhân dân ${k}`, office: `Văn phòng Ủy ban nhân dân ${k}`, partyMass: null,
  };
  return names[role];
}

function collective(c: Collective, u: Unit, v: 0 | 1): string | null {
  switch (c) {
    case 'lowerExec':
      if (u.level === 'commune') return null;
      if (u.level === 'national') return 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương';
      if (v === 0) return `Ủy ban nhân dân các ${lowerPlaces(u)}`;
      return u.level === 'province' && u.shape === 2023 ? 'Ủy ban nhân dân cấp huyện' : 'Ủy ban nhân dân cấp xã';
    case 'depts':
      if (u.level === 'national') return 'các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ';
      if (u.level === 'province') return v ? 'Các sở, ban, ngành cấp tỉnh' : `các sở, ban, ngành ${u.kind}`;
      if (u.level === 'district') return v ? `các phòng, ban chuyên môn thuộc Ủy ban nhân dân ${u.kind}` : `các phòng, ban, ngành ${u.kind}`;
      return null;
    case 'vague':
      return v ? 'Các cơ quan, đơn vị liên quan' : 'các cơ quan, đơn vị có liên quan';
    case 'lowerBroadcast':
      if (u.level === 'province') return u.shape === 2023 ? 'Trung tâm Văn hóa - Thể thao và Truyền thông cấp huyện' : null;
      if (u.level === 'district') return `Đài truyền thanh các ${lowerPlaces(u)}`;
      return null;
  }
}

const isRole = (r: Ref): r is Role => (ROLES as readonly string[]).includes(r);

/** The name of `ref` for a plan of unit `u`, spelled in the plan's style; null where it does not exist. */
export function agency(ref: Ref, u: Unit, style: Style): string | null {
  let name: string | null;
  if (!isRole(ref)) name = collective(ref, u, style.variant);
  else if (u.level === 'national') name = national(ref, u.shape);
  else if (u.level === 'province') name = province(ref, u, style.variant);
  else if (u.level === 'district') name = district(ref, u, style.variant);
  else name = commune(ref, u);
  return name === null ? null : spell(name, style);
}

/** Applies the plan's spelling habits to any text (names and titles alike). */
export function spell(text: string, style: Style): string {
  let s = text;
  if (style.brief) s = s.replace(/Luật (?:Thực hiện dân chủ ở cơ sở )?và các văn bản quy định chi tiết một số điều của Luật/g, 'Luật Thực hiện dân chủ ở cơ sở');
  if (style.abbrev) s = s.replace(/Ủy ban nhân dân/g, 'UBND').replace(/Hội đồng nhân dân/g, 'HĐND');
  if (style.oldTones) s = s.replace(/hóa/g, 'hoá').replace(/Ủy/g, 'Uỷ').replace(/Hòa/g, 'Hoà');
  return s;
}
