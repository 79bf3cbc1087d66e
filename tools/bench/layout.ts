/**
 * The shape of the synthetic country for a requested number of plans. `--plans N` keeps the
 * real proportions: N = 11,000 is the whole 2023 country (63 provinces, ~700 districts,
 * ~10,600 communes, a few departments each) and N = 3,560 the whole 2025 one (34 provinces,
 * ~3,321 communes, no districts). Smaller N takes fewer provinces with the same fan-out
 * (so 1k and 10k runs have the same structure); larger N keeps all provinces and grows them.
 */
import { type Role, type Shape, type Unit } from './agencies.js';
import { placeName, provincesOf } from './places.js';
import { apportion, Rng } from './prng.js';

export interface DistrictSlot {
  unit: Unit;
  communes: Unit[];
}

export interface ProvinceSlot {
  unit: Unit;
  depts: Role[];
  districts: DistrictSlot[];
  /** 2025: communes directly under the province */
  communes: Unit[];
}

const SHAPES: Record<Shape, { refTotal: number; weights: { dept: number; district: number; commune: number }; depts: Role[] }> = {
  2023: { refTotal: 11000, weights: { dept: 5, district: 11.2, commune: 168 }, depts: ['home', 'justice', 'info', 'culture', 'labour', 'finance'] },
  2025: { refTotal: 3560, weights: { dept: 5, district: 0, commune: 97.7 }, depts: ['home', 'justice', 'info', 'culture', 'finance'] },
};

export const nationalUnit = (shape: Shape): Unit => ({ level: 'national', name: '', kind: '', shape, parent: null });

export function planLayout(shape: Shape, plans: number, seed: number): ProvinceSlot[] {
  const spec = SHAPES[shape];
  const all = provincesOf(shape);
  const rng = Rng.for(seed, `layout:${shape}`);
  const count = Math.max(0, Math.min(all.length, plans - 1, Math.round((all.length * plans) / spec.refTotal) || 1));
  const order = all.map((d, i) => ({ d, i, r: rng.next() })).sort((a, b) => a.r - b.r).slice(0, count).sort((a, b) => a.i - b.i);
  const budgets = apportion(Math.max(0, plans - 1), order.map(() => rng.real(0.6, 1.4)));
  const nat = nationalUnit(shape);
  return order.map(({ d }, k) => {
    const prng = Rng.for(seed, `layout:${shape}:${d.name}`);
    const unit: Unit = { level: 'province', name: d.name, kind: d.city ? 'thành phố' : 'tỉnh', shape, parent: nat };
    const rest = budgets[k]! - 1;
    const w = spec.weights;
    let [nDept, nDist, nComm] = apportion(Math.max(0, rest), [w.dept, w.district, w.commune]) as [number, number, number];
    if (nDept > spec.depts.length) [nComm, nDept] = [nComm + nDept - spec.depts.length, spec.depts.length];
    if (shape === 2023 && nDist === 0 && nComm > 0) [nDist, nComm] = [1, nComm - 1];
    const chosen = new Set(spec.depts.map((r) => ({ r, k: prng.next() })).sort((a, b) => a.k - b.k).slice(0, nDept).map((x) => x.r));
    const depts = spec.depts.filter((r) => chosen.has(r));
    const taken = new Set<string>();
    if (shape === 2025) return { unit, depts, districts: [], communes: communes(prng, unit, nComm, taken) };
    const perDistrict = apportion(nComm, Array.from({ length: nDist }, () => prng.real(0.5, 1.5)));
    const districts = perDistrict.map((n, i) => {
      const du: Unit = { level: 'district', name: placeName(prng, taken), kind: districtKind(prng, unit, i), shape, parent: unit };
      return { unit: du, communes: communes(prng, du, n, new Set(taken)) };
    });
    return { unit, depts, districts, communes: [] };
  });
}

function districtKind(rng: Rng, province: Unit, i: number): string {
  if (province.kind === 'thành phố') return rng.weighted([{ value: 'quận', weight: 55 }, { value: 'huyện', weight: 35 }, { value: 'thị xã', weight: 5 }, { value: 'thành phố', weight: 5 }]);
  if (i === 0) return 'thành phố'; // the provincial capital
  return rng.weighted([{ value: 'huyện', weight: 85 }, { value: 'thị xã', weight: 10 }, { value: 'thành phố', weight: 5 }]);
}

function communeKind(rng: Rng, parent: Unit, i: number): string {
  if (parent.level === 'province') {
    if (parent.kind === 'thành phố') return rng.chance(0.6) ? 'phường' : 'xã';
    return rng.weighted([{ value: 'xã', weight: 80 }, { value: 'phường', weight: 19 }, { value: 'đặc khu', weight: 1 }]);
  }
  if (parent.kind === 'quận') return 'phường';
  if (parent.kind === 'huyện') return i === 0 ? 'thị trấn' : rng.chance(0.93) ? 'xã' : 'thị trấn';
  return rng.chance(0.65) ? 'phường' : 'xã';
}

function communes(rng: Rng, parent: Unit, n: number, taken: Set<string>): Unit[] {
  const out: Unit[] = [];
  let numbered = 0;
  for (let i = 0; i < n; i++) {
    const kind = communeKind(rng, parent, i);
    // Wards of the big cities are often numbered ("Phường 12").
    const name = kind === 'phường' && parent.shape === 2023 && parent.kind === 'quận' && rng.chance(0.3) ? String(++numbered) : placeName(rng, taken);
    out.push({ level: 'commune', name, kind, shape: parent.shape, parent });
  }
  return out;
}
