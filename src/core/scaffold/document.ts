/**
 * The draft as the paragraphs of a plan document, shaped like a real one (seed 002, Bỉm Sơn):
 * the issuer block, an empty number and date to fill, KẾ HOẠCH and the title, the "Thực hiện …"
 * sentence citing the parent, I. MỤC ĐÍCH, YÊU CẦU, II. NHIỆM VỤ with the numbered tasks and
 * their fields ("- Cơ quan chủ trì: …", "+" duties, "- Thời gian thực hiện: …"), III. TỔ CHỨC
 * THỰC HIỆN, the closing, "Nơi nhận" and the signature. The words are the document's own
 * (Vietnamese, whatever the reader's language): `kehoach import` reads them back, and gives
 * the same task keys, titles, agencies and deadline texts (tests/scaffold). Markdown and Word
 * render these paragraphs (markdown.ts, docx.ts).
 */
import type { Plan, Task } from '../model/plan.js';
import type { Unit } from './unit.js';

export type BlockKind = 'issuer' | 'motto' | 'number' | 'date' | 'doctype' | 'title' | 'preamble' | 'section' | 'item' | 'field' | 'bullet' | 'body' | 'closing' | 'recipients' | 'signature';

export interface Block {
  kind: BlockKind;
  text: string;
}

/** What the document writes for a deadline the draft leaves `unknown`. */
export const UNKNOWN_DEADLINE = 'chưa rõ';

const LEVEL_NAME: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', department: 'sở, ban, ngành' };

const upper = (s: string): string => s.toLocaleUpperCase('vi');
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
/** A field's value ends with one full stop. */
const stop = (s: string): string => (/[.;:!?)]$/u.test(s) ? s : `${s}.`);

/** "26/6/2023" from "2023-06-26"; "6/2023" and "2023" from partial dates. */
function writtenDate(issued: string): string {
  const [y, m, d] = issued.split('-');
  return [d && String(Number(d)), m && String(Number(m)), y].filter(Boolean).join('/');
}

/** "Kế hoạch số 172/KH-UBND ngày 26/6/2023 của Ủy ban nhân dân tỉnh Thanh Hóa về việc triển khai …": the parent, as a child cites it. */
export function citation(parent: Plan, subject = true): string {
  const decision = parent.number ? /QĐ/u.test(parent.number) : false;
  const kind = decision ? 'Quyết định' : 'Kế hoạch';
  const parts = [kind];
  if (parent.number) parts.push(`số ${parent.number}`);
  if (parent.issued) parts.push(`ngày ${writtenDate(parent.issued)}`);
  if (parent.issuer) parts.push(`của ${parent.issuer}`);
  if (subject) {
    const about = parent.title.replace(/[.;:]+$/u, '');
    parts.push(/^ban hành\s/iu.test(about) ? lowerFirst(about) : `về việc ${lowerFirst(about)}`);
  }
  return parts.join(' ');
}

function agencies(names: readonly string[] | undefined): string {
  return (names ?? []).join('; ');
}

function deadlineLabel(t: Task): string {
  return t.deadlineKind === 'completion' ? 'Thời gian hoàn thành' : t.deadlineKind === 'execution' ? 'Thời gian thực hiện' : 'Thời hạn';
}

function taskBlocks(t: Task, n: number): Block[] {
  const out: Block[] = [{ kind: 'item', text: `${n}. ${t.title}` }];
  if (t.lead?.length) out.push({ kind: 'field', text: `- Cơ quan chủ trì: ${stop(agencies(t.lead))}` });
  if (t.implement?.length) out.push({ kind: 'field', text: `- Cơ quan thực hiện: ${stop(agencies(t.implement))}` });
  if (t.coordinate?.length) out.push({ kind: 'field', text: `- Cơ quan phối hợp: ${stop(agencies(t.coordinate))}` });
  if (t.details) out.push({ kind: 'field', text: `- Nội dung thực hiện: ${stop(t.details)}` });
  if (t.duties?.length) {
    if (!t.details) out.push({ kind: 'field', text: '- Nội dung thực hiện:' });
    for (const d of t.duties) {
      const owners = d.owner === undefined ? [] : Array.isArray(d.owner) ? d.owner : [d.owner];
      const who = owners.length ? `${d.request ? 'Đề nghị ' : ''}${owners.join(', ')} ` : '';
      out.push({ kind: 'bullet', text: `+ ${who}${who ? lowerFirst(d.does) : d.does}` });
    }
  }
  if (t.form) out.push({ kind: 'field', text: `- Hình thức: ${stop(t.form)}` });
  const deadline = t.deadline === undefined ? undefined : t.deadline === 'unknown' ? UNKNOWN_DEADLINE : t.deadline;
  if (deadline !== undefined) out.push({ kind: 'field', text: `- ${deadlineLabel(t)}: ${stop(deadline)}` });
  if (t.note) out.push({ kind: 'field', text: `- Ghi chú: ${stop(t.note)}` });
  return out;
}

/** The paragraphs of the draft document. `plan` carries its notes (withNotes); `parent` is the plan it derives from. */
export function draftDocument(plan: Plan, parent: Plan, unit: Unit): Block[] {
  const dept = unit.level === 'department';
  const parentPlace = parent.issuer?.replace(/^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+/iu, '') ?? parent.jurisdiction ?? '';
  const issuerBlock: Block[] = dept
    ? [{ kind: 'issuer', text: upper(`Ủy ban nhân dân ${parentPlace}`) }, { kind: 'issuer', text: upper(unit.text) }]
    : [{ kind: 'issuer', text: 'ỦY BAN NHÂN DÂN' }, { kind: 'issuer', text: upper(unit.text) }];
  const place = dept ? (parent.jurisdiction ?? '') : unit.name;
  const cite = citation(parent);
  const levelName = LEVEL_NAME[unit.level] ?? unit.level;
  const blocks: Block[] = [
    ...issuerBlock,
    { kind: 'motto', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
    { kind: 'motto', text: 'Độc lập - Tự do - Hạnh phúc' },
    // Left blank for the drafter: a number and a date are never invented.
    { kind: 'number', text: 'Số:        /KH-' },
    { kind: 'date', text: `${place}, ngày     tháng     năm` },
    { kind: 'doctype', text: 'KẾ HOẠCH' },
    { kind: 'title', text: plan.title },
    { kind: 'preamble', text: `Thực hiện ${cite}, ${plan.issuer ?? unit.issuer} ban hành Kế hoạch ${lowerFirst(plan.title)} như sau:` },
    { kind: 'section', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'item', text: '1. Mục đích' },
    { kind: 'body', text: `- Triển khai đầy đủ, kịp thời các nhiệm vụ ${citation(parent, false)} giao cho ${levelName}, phù hợp với tình hình thực tế của ${unit.text}.` },
    { kind: 'item', text: '2. Yêu cầu' },
    { kind: 'body', text: '- Xác định rõ nội dung công việc, cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành của từng nhiệm vụ; thời hạn không muộn hơn thời hạn của kế hoạch cấp trên.' },
    { kind: 'section', text: 'II. NHIỆM VỤ' },
    ...plan.tasks.flatMap((t, i) => taskBlocks(t, i + 1)),
    { kind: 'section', text: 'III. TỔ CHỨC THỰC HIỆN' },
    {
      kind: 'closing',
      text: `Trên đây là Kế hoạch ${lowerFirst(plan.title)}. Các cơ quan, đơn vị được giao nhiệm vụ tại Mục II căn cứ chức năng, nhiệm vụ tổ chức triển khai thực hiện; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo ${plan.issuer ?? unit.issuer} để xem xét, giải quyết./.`,
    },
    { kind: 'recipients', text: 'Nơi nhận:' },
    { kind: 'recipients', text: `- ${parent.issuer ?? parent.id} (để báo cáo);` },
    { kind: 'recipients', text: '- Như Mục II;' },
    { kind: 'recipients', text: '- Lưu: VT.' },
    ...(dept
      ? [{ kind: 'signature' as const, text: 'GIÁM ĐỐC' }]
      : [{ kind: 'signature' as const, text: 'TM. ỦY BAN NHÂN DÂN' }, { kind: 'signature' as const, text: 'CHỦ TỊCH' }]),
  ];
  return blocks;
}
