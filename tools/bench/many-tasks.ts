/**
 * Two very long plans (issue 16): a province plan of N tasks and a district plan of about N tasks
 * based on it, for timing how the check grows with the number of tasks per file (the corpus
 * generator, generate.ts, grows the number of plans; its plans hold 10–60 tasks each).
 *
 *   node dist-tools/tools/bench/many-tasks.js --out <dir> --tasks N [--seed S]
 *
 * Titles are the bundled plans' own task titles (plans/**), each given a subject of work, a
 * group and a round ("… lĩnh vực giáo dục cho cán bộ, công chức cấp xã, đợt 12") so that titles
 * repeat their wording as real plans do yet tell tasks apart; numbering runs in sections (II.1.a,
 * II.14.đ, III.7, V.3-2 labelled V.3, a repeated "d)" keyed II.2.d-2). The child carries most
 * tasks addressed to it and some others (counterpart agencies, one in twenty another agency, a
 * reworded title now and then, numbering of its own, an explicit link on some, a few tasks of its
 * own), leaves a few out, and sets some deadlines later than its parent's. Deterministic: the same N and seed give the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { packageRoot } from '../../src/app/tables.js';
import { scalar } from './emit.js';
import { Rng } from './prng.js';

export interface ManyTasksOptions {
  /** Directory to write parent.yaml and child.yaml into (created when missing). */
  out: string;
  /** Tasks of the parent plan; the child has about as many. */
  tasks: number;
  seed: number;
}

export interface ManyTasksReport {
  parentTasks: number;
  childTasks: number;
  /** parent tasks addressed to the child that it leaves out */
  missing: number;
  /** carried tasks given a deadline later than the parent's */
  late: number;
  bytes: number;
  files: string[];
}

interface Task0 {
  key: string;
  label?: string;
  title: string;
  lead?: string[];
  implement?: string[];
  coordinate?: string[];
  deadline?: string;
  implements?: string[];
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

/** The bundled plans' task titles, without a closing stop, each once, in file order. */
export function bundledTitles(root = packageRoot()): string[] {
  const seen = new Set<string>();
  for (const file of yamlFiles(path.join(root, 'plans'))) {
    const plan = parse(readFileSync(file, 'utf8')) as { tasks?: { title?: unknown }[] };
    for (const t of plan.tasks ?? []) {
      if (typeof t.title !== 'string') continue;
      const title = t.title.trim().replace(/[.;:]+$/u, '');
      if (title.length >= 20 && title.length <= 400) seen.add(title);
    }
  }
  return [...seen];
}

const FIELDS = [
  'giáo dục', 'y tế', 'đất đai', 'xây dựng', 'giao thông', 'tài nguyên và môi trường', 'nông nghiệp', 'lao động', 'việc làm',
  'an sinh xã hội', 'văn hóa', 'thể thao', 'du lịch', 'thông tin', 'truyền thông', 'tư pháp', 'hộ tịch', 'tài chính', 'thuế',
  'ngân sách', 'đầu tư công', 'kế hoạch', 'khoa học', 'công nghệ', 'công thương', 'quản lý thị trường', 'nội vụ', 'thi đua khen thưởng',
  'tôn giáo', 'dân tộc', 'quốc phòng', 'an ninh trật tự', 'phòng cháy', 'thanh tra', 'tiếp công dân', 'khiếu nại tố cáo',
  'phòng chống tham nhũng', 'cải cách hành chính', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'bảo hiểm xã hội', 'trẻ em', 'bình đẳng giới',
  'người cao tuổi', 'người khuyết tật', 'giảm nghèo', 'nông thôn mới', 'đô thị', 'thủy lợi', 'lâm nghiệp', 'thủy sản', 'khuyến nông',
];
const GROUPS = [
  'cán bộ, công chức cấp xã', 'viên chức', 'người lao động', 'đoàn viên thanh niên', 'hội viên phụ nữ', 'hội viên nông dân',
  'cựu chiến binh', 'trưởng thôn, tổ trưởng tổ dân phố', 'người có uy tín', 'doanh nghiệp', 'hợp tác xã', 'học sinh, sinh viên',
  'báo cáo viên pháp luật', 'tuyên truyền viên', 'hòa giải viên', 'ban thanh tra nhân dân', 'ban giám sát đầu tư cộng đồng',
  'đại biểu Hội đồng nhân dân', 'thành viên Mặt trận', 'công an xã', 'dân quân tự vệ', 'nhân dân',
];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** Province agencies and their district counterparts (rules/agencies.yaml knows both). */
const DEPTS: [string, string][] = [
  ['Sở Nội vụ', 'Phòng Nội vụ'],
  ['Sở Tư pháp', 'Phòng Tư pháp'],
  ['Sở Thông tin và Truyền thông', 'Phòng Văn hóa và Thông tin'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'Phòng Văn hóa và Thông tin'],
  ['Sở Tài chính', 'Phòng Tài chính - Kế hoạch'],
  ['Sở Lao động - Thương binh và Xã hội', 'Phòng Lao động - Thương binh và Xã hội'],
  ['Sở Giáo dục và Đào tạo', 'Phòng Giáo dục và Đào tạo'],
  ['Sở Y tế', 'Phòng Y tế'],
  ['Sở Tài nguyên và Môi trường', 'Phòng Tài nguyên và Môi trường'],
  ['Thanh tra tỉnh', 'Thanh tra huyện'],
];
const DISTRICTS = 'Ủy ban nhân dân các huyện, thị xã, thành phố';
const COMMUNES = 'Ủy ban nhân dân các xã, thị trấn';
const PARENT_COORD = ['Các sở, ban, ngành', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'các cơ quan, đơn vị có liên quan'];
const CHILD_COORD = ['các phòng, ban, ngành huyện', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'các cơ quan, đơn vị có liên quan'];

const R = ['I', 'II', 'III', 'IV'];
/** Deadline texts of 2024 and the month each ends with. */
interface Dl {
  text: string;
  /** the month it ends with: a child's deadline of a lower or equal rank is on time */
  rank: number;
}
const DEADLINES: Dl[] = [
  ...R.map((q, i) => ({ text: `Quý ${q} năm 2024`, rank: (i + 1) * 3 })),
  ...Array.from({ length: 12 }, (_, m) => ({ text: `Tháng ${m + 1} năm 2024`, rank: m + 1 })),
  ...Array.from({ length: 11 }, (_, m) => ({ text: `trước ngày 01/${m + 2}/2024`, rank: m + 1 })),
  { text: 'Năm 2024', rank: 12 },
  { text: '6 tháng đầu năm 2024', rank: 6 },
];
const STANDING = ['Thường xuyên', 'Hằng năm', 'Trong năm 2024 và các năm tiếp theo'];

/** A deadline within `d` (ending no later), or a later one when `late`. */
function childDeadline(d: string | undefined, late: boolean, rng: Rng): string | undefined {
  const parent = DEADLINES.find((x) => x.text === d);
  if (!parent) return d; // standing or none: copied
  const pool = DEADLINES.filter((x) => (late ? x.rank > parent.rank : x.rank <= parent.rank));
  if (!pool.length) return late ? 'Quý I năm 2025' : parent.text;
  return rng.pick(pool).text;
}

/** How drafters restate a title: mostly as is, sometimes another verb, a province word for the district's, a lower case. */
function reword(title: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) return title;
  if (r < 0.8) return title.replace(/tỉnh/gu, 'huyện');
  if (r < 0.9) return title.replace(/^Tổ chức /u, 'Triển khai ').replace(/^Ban hành /u, 'Xây dựng và ban hành ');
  return title.charAt(0).toLowerCase() + title.slice(1);
}

function emit(out: string[], t: Task0): void {
  const i = '    ';
  out.push(`  - key: ${scalar(t.key)}`);
  if (t.label) out.push(`${i}label: ${scalar(t.label)}`);
  out.push(`${i}title: ${scalar(t.title)}`);
  for (const [k, list] of [['lead', t.lead], ['implement', t.implement], ['coordinate', t.coordinate], ['implements', t.implements]] as const) {
    if (!list?.length) continue;
    out.push(`${i}${k}:`);
    for (const x of list) out.push(`${i}  - ${scalar(x)}`);
  }
  if (t.deadline) out.push(`${i}deadline: ${scalar(t.deadline)}`);
}

interface Numbered {
  key: string;
  label?: string;
}

/** Printed numbers of section II: subsections of 4 to 23 lettered items, now and then a letter printed twice (Thái Nguyên's second "d)": a key of its own, the label kept). */
function* contentKeys(rng: Rng): Generator<Numbered> {
  for (let sub = 1; ; sub++) {
    const size = rng.int(4, LETTERS.length);
    for (let i = 0; i < size; i++) {
      if (i > 0 && i < size - 1 && rng.chance(0.01)) yield { key: `II.${sub}.${LETTERS[i - 1]}-2`, label: `II.${sub}.${LETTERS[i - 1]}` };
      else yield { key: `II.${sub}.${LETTERS[i]}` };
    }
  }
}

/** Printed numbers of the organisation sections: III.n items and V.n items split into "-" duties (V.n-1, V.n-2 … labelled V.n). */
function* organisationKeys(rng: Rng): Generator<Numbered> {
  for (let item = 1; ; item++) {
    if (rng.chance(0.5)) yield { key: `III.${item}` };
    else for (let m = 1, parts = rng.int(2, 5); m <= parts; m++) yield { key: `V.${item}-${m}`, label: `V.${item}` };
  }
}

const take = (keys: Generator<Numbered>): Numbered => keys.next().value as Numbered;

export function writeManyTasks(o: ManyTasksOptions): ManyTasksReport {
  const rng = Rng.for(o.seed, `many-tasks-${o.tasks}`);
  const titles = bundledTitles();
  if (!titles.length) throw new Error('no task titles under plans/');
  const round = Math.max(1, Math.ceil(o.tasks / (titles.length * 4)));
  const parent: (Task0 & { addressed: boolean; dept: number; organisation: boolean })[] = [];
  const parentContent = contentKeys(rng);
  const parentOrganisation = organisationKeys(rng);
  for (let n = 0; n < o.tasks; n++) {
    const organisation = n >= Math.round(o.tasks * 0.8);
    const k = take(organisation ? parentOrganisation : parentContent);
    const base = rng.pick(titles);
    const field = rng.pick(FIELDS);
    const title = rng.chance(0.2)
      ? `${base} trong lĩnh vực ${field} đối với ${rng.pick(GROUPS)} (đợt ${rng.int(1, round)})`
      : `${base} lĩnh vực ${field} cho ${rng.pick(GROUPS)}, đợt ${rng.int(1, round)}`;
    const dept = rng.int(0, DEPTS.length - 1);
    const addressed = rng.chance(0.7);
    const lead = organisation ? undefined : [DEPTS[dept]![0]];
    const implement = organisation ? (addressed ? [DISTRICTS] : [DEPTS[dept]![0]]) : addressed ? [DISTRICTS] : undefined;
    const coordinate = rng.chance(0.4) ? [rng.pick(PARENT_COORD)] : undefined;
    const deadline = rng.chance(0.08) ? undefined : rng.chance(0.2) ? rng.pick(STANDING) : rng.pick(DEADLINES).text;
    parent.push({ ...k, title, lead, implement, coordinate, deadline, addressed, dept, organisation });
  }
  const child: Task0[] = [];
  const report: ManyTasksReport = { parentTasks: parent.length, childTasks: 0, missing: 0, late: 0, bytes: 0, files: [] };
  // The child numbers its tasks in sections of its own, which drift from the parent's as it leaves tasks out.
  const childContent = contentKeys(rng);
  const childOrganisation = organisationKeys(rng);
  for (const p of parent) {
    const carry = p.addressed ? !rng.chance(0.04) : rng.chance(0.8);
    if (!carry) {
      if (p.addressed) report.missing++;
      continue;
    }
    const k = take(p.organisation ? childOrganisation : childContent);
    const late = p.deadline !== undefined && rng.chance(0.08);
    const deadline = childDeadline(p.deadline, late, rng);
    if (late && deadline !== p.deadline) report.late++;
    const counterpart = DEPTS[p.dept]![1];
    const lead = p.organisation ? undefined : [rng.chance(0.05) ? DEPTS[(p.dept + 3) % DEPTS.length]![1] : counterpart];
    const implement = p.organisation ? [counterpart] : rng.chance(0.5) ? [COMMUNES] : undefined;
    const coordinate = rng.chance(0.4) ? [rng.pick(CHILD_COORD)] : undefined;
    child.push({ ...k, title: reword(p.title, rng), lead, implement, coordinate, deadline, ...(rng.chance(0.15) ? { implements: [p.key] } : {}) });
    // A task of the child's own now and then.
    if (rng.chance(0.05)) {
      child.push({ ...take(p.organisation ? childOrganisation : childContent), title: `${rng.pick(titles)} lĩnh vực ${rng.pick(FIELDS)} trên địa bàn huyện, đợt ${rng.int(1, round)}`, lead: [DEPTS[rng.int(0, DEPTS.length - 1)]![1]], deadline: rng.pick(DEADLINES).text });
    }
  }
  report.childTasks = child.length;
  const head = (lines: string[]): string[] => [
    '# yaml-language-server: $schema=../schema/plan.schema.json',
    `# SYNTHETIC (kehoach bench many-tasks, ${o.tasks} tasks, seed ${o.seed}): not a real document.`,
    ...lines,
    'completeness:',
    '  status: complete',
    'tasks:',
  ];
  const parentText = head([
    'id: syn-many-parent',
    'number: 101/KH-UBND',
    `title: ${scalar('Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Thanh Hóa')}`,
    'issuer: Ủy ban nhân dân tỉnh Thanh Hóa',
    'level: province',
    'jurisdiction: Thanh Hóa',
    'place: Thanh Hóa',
    'issued: 2024-01-15',
    'basedOn:',
    '  - law: 10/2022/QH15',
  ]);
  const childText = head([
    'id: syn-many-child',
    'number: 27/KH-UBND',
    `title: ${scalar('Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Đông Sơn')}`,
    'issuer: Ủy ban nhân dân huyện Đông Sơn',
    'level: district',
    `jurisdiction: ${scalar('Đông Sơn, Thanh Hóa')}`,
    'place: Đông Sơn',
    'issued: 2024-02-20',
    'basedOn:',
    '  - syn-many-parent',
  ]);
  for (const t of parent) emit(parentText, t);
  for (const t of child) emit(childText, t);
  mkdirSync(o.out, { recursive: true });
  for (const [name, lines] of [['parent.yaml', parentText], ['child.yaml', childText]] as const) {
    const file = path.join(o.out, name);
    const text = `${lines.join('\n')}\n`;
    writeFileSync(file, text);
    report.bytes += Buffer.byteLength(text);
    report.files.push(file);
  }
  return report;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, tasks: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) throw new Error('--out <dir> is required');
  const r = writeManyTasks({ out: path.resolve(values.out), tasks: Number(values.tasks), seed: Number(values.seed) });
  process.stdout.write(`${r.parentTasks} parent tasks, ${r.childTasks} child tasks (${r.missing} left out, ${r.late} late), ${(r.bytes / 1048576).toFixed(1)} MB\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`many-tasks: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
