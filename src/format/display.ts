/**
 * Words and dates as every report format shows them, so text, Markdown and HTML say the
 * same thing. Vietnamese reports write dates day/month/year, English ones ISO.
 */
import { readerDate, type Lang } from './messages.js';
import type { Addressing } from '../core/check/types.js';
import type { CellStatus } from './review-types.js';
import type { DeadlineView, Mark, PlanInfo, ReportFinding, TaskSide } from './review-types.js';
import { rt } from './terms.js';

const pad = (n: number): string => String(n).padStart(2, '0');

export function showDate(iso: string, lang: Lang): string {
  return lang === 'en' ? iso : readerDate(iso);
}

/** The resolved dates of a deadline in words: "01/07/2023 – 30/09/2023", "thường xuyên, không có hạn"… */
export function showResolved(d: DeadlineView, lang: Lang): string {
  if (d.text === null) return rt('deadline.none', lang);
  let s: string;
  switch (d.kind) {
    case 'window':
      s = d.start && d.end ? `${showDate(d.start, lang)} – ${showDate(d.end, lang)}` : rt('deadline.by', lang, { end: d.end ? showDate(d.end, lang) : '?' });
      break;
    case 'open-ended':
      s = rt('deadline.open-ended', lang, { start: d.start ? showDate(d.start, lang) : '?' });
      break;
    case 'yearly':
      s = rt('deadline.yearly', lang, { due: d.due.map((x) => `${pad(x.day)}/${pad(x.month)}${x.label ? ` (${x.label})` : ''}`).join(', ') });
      break;
    default:
      s = rt(`deadline.${d.kind}`, lang);
  }
  const extra = [
    ...(d.qualifiers.length ? [`${rt('deadline.qualifiers', lang)}: ${d.qualifiers.join(', ')}`] : []),
    ...(d.condition ? [`${rt('deadline.condition', lang)}: ${d.condition}`] : []),
  ];
  return extra.length ? `${s}; ${extra.join('; ')}` : s;
}

/** The deadline as written; the corpus's "unknown" marker (text cut off or not attested) in words. */
export const writtenDeadline = (text: string | null, lang: Lang): string =>
  text === null ? rt('deadline.none', lang) : text.trim().toLowerCase() === 'unknown' ? rt('deadline.unknown', lang) : text;
/** Whether the resolved dates add anything to the text (not for a missing or unknown deadline). */
export const hasResolved = (d: DeadlineView): boolean => d.text !== null && d.kind !== 'unknown';
export const showDeadlineText = (d: DeadlineView, lang: Lang): string => writtenDeadline(d.text, lang);

export const markLabel = (m: Mark, lang: Lang): string => rt(`mark.${m}`, lang);
export const marksLabel = (ms: readonly Mark[], lang: Lang): string => ms.map((m) => markLabel(m, lang)).join(', ');
export const cellLabel = (s: CellStatus, lang: Lang): string => rt(`cell.${s}`, lang);
export const addressingLabel = (a: Addressing, lang: Lang): string => rt(`addressing.${a}`, lang);

/** "Chủ trì: Sở Nội vụ" / "Thực hiện: …", with "(đề nghị)" on a request. */
export function ownersLine(t: TaskSide, lang: Lang): string {
  const role = t.ownerRole === 'implement' ? rt('column.implement', lang) : rt('column.lead', lang);
  const names = t.owners.length ? t.owners.join('; ') : rt('none', lang);
  return `${role}: ${names}${t.request ? ` (${rt('request', lang)})` : ''}`;
}

export const coordinateNames = (t: TaskSide, lang: Lang): string => (t.coordinate.length ? t.coordinate.join('; ') : rt('none', lang));
export const coordinateLine = (t: TaskSide, lang: Lang): string => `${rt('column.coordinate', lang)}: ${coordinateNames(t, lang)}`;

export function severityLabel(f: ReportFinding, lang: Lang): string {
  return f.waived ? `${rt('waived', lang)} (${rt(f.severity, lang)})` : rt(f.severity, lang);
}

/** One finding on one line: "cảnh báo · late-deadline · II.1.a: message". */
export function findingLine(f: ReportFinding, lang: Lang): string {
  const where = f.task ?? f.parentTask;
  return `${severityLabel(f, lang)} · ${f.rule}${where ? ` · ${where}` : ''}: ${f.message}${f.waived ? ` (${rt('waived', lang)}: ${f.waived.reason})` : ''}`;
}

/** Header facts of a plan: issuer, date (or "not in the copy"), partial/reconstructed. */
export function planFacts(p: PlanInfo, lang: Lang): string[] {
  const out = [`${rt('issuer', lang)}: ${p.issuer ?? rt('not-stated', lang)}`, `${rt('issued', lang)}: ${p.issued ? showDate(p.issued, lang) : rt('not-stated', lang)}`];
  if (p.partial && p.knownUntil) out.push(rt('partial', lang, { task: p.knownUntil }));
  if (p.reconstructed) out.push(rt('reconstructed', lang));
  return out;
}

export function matchLabel(c: { match: { method: 'explicit' | 'auto'; score: number } | null }, lang: Lang): string {
  if (!c.match) return '';
  return c.match.method === 'explicit' ? rt('match.explicit', lang) : rt('match.auto', lang, { score: c.match.score.toFixed(2) });
}
