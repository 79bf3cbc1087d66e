/**
 * Messages that the core and the application layer say as data (a `Said`: a term of
 * rules/messages.yaml and its values) rendered in the reader's language: load errors, documents
 * that cannot be read, the importer's warnings and summary. English output keeps the core's own
 * English text (`message`), so logs and scripts read what they always read.
 */
import { formatLoadError, visibleControls, type LoadError, type Said } from '../core/load/errors.js';
import type { ImportSummary, ImportWarning, ParentResolution } from '../core/import/index.js';
import { catalogue, termText, type Lang } from './messages.js';

/** Values that are themselves words of the dictionary: a kind of file, a kind of value, an error code of the system. */
const WORDS: Record<string, string> = { what: 'load.what.', expected: 'load.type.', received: 'load.type.', reason: 'load.errno.', how: 'import.how.' };

function word(name: string, value: string | number, lang: Lang): string {
  const prefix = WORDS[name];
  const t = prefix ? catalogue().terms[`${prefix}${value}`] : undefined;
  return t ? t[lang] : String(value);
}

/** A said message in one language; every key it names is in the dictionary (tests/format/said.test.ts). */
export function saidText(s: Said, lang: Lang): string {
  const vars = s.vars ?? {};
  return termText(s.key, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'inner') return s.inner ? saidText(s.inner, lang) : '';
    return name in vars ? word(name, vars[name]!, lang) : whole;
  });
}

/** A said message, or the English text when it was not said as data (or the reader reads English). */
const either = (message: string, said: Said | undefined, lang: Lang): string => (lang === 'en' || !said ? message : saidText(said, lang));

/** One line per load error: file:line:column, the message in the reader's language, the code. */
export function loadErrorLine(e: LoadError, lang: Lang): string {
  if (lang === 'en' || !e.said) return formatLoadError(e);
  return `${visibleControls(e.file)}:${e.line}:${e.column}: ${termText('load.error', 'vi')}: ${visibleControls(saidText(e.said, lang))} [${e.code}]`;
}

/** The closing line after load errors: how many, and that nothing was checked. */
export function loadErrorsSummary(n: number, lang: Lang): string {
  return termText(n === 1 ? 'load.summary.one' : 'load.summary', lang).replace('{n}', String(n));
}

/** An importer warning located in the document (`where`: file:line, or the document's own paragraph). */
export function importWarningLine(where: string, w: ImportWarning, lang: Lang): string {
  return `${visibleControls(where)}: ${termText('import.warning', lang)}: ${visibleControls(either(w.message, w.said, lang))}`;
}

/** A document that could not be read, or text that is not a plan. */
export function documentErrorLine(where: string, message: string, said: Said | undefined, lang: Lang): string {
  return `${visibleControls(where)}: ${termText('load.error', lang)}: ${visibleControls(either(message, said, lang))}`;
}

/** A term of the dictionary with its values, in one language (the said message of `key`). */
export const say = (key: string, lang: Lang, vars: Record<string, string | number> = {}): string => saidText({ key, vars }, lang);

/** How the parent was found, for people: "thanh-hoa-172-2023 (xác định theo số hiệu …)". */
export function parentText(p: ParentResolution, lang: Lang): string {
  if (p.how === 'explicit') return say('import.parent.explicit', lang, { id: p.id ?? '' });
  if (p.id) {
    const implied = p.impliedIssuer ? say('import.parent.implied', lang, { issuer: p.impliedIssuer }) : '';
    const how = p.how === 'number-and-date' || p.how === 'number' || p.how === 'issuer-and-subject' ? p.how : 'number';
    const found = say(`import.parent.${how}`, lang, { id: p.id, cited: p.cited ?? '', implied });
    return found + (p.unconfirmedNumber ? say('import.parent.unconfirmed', lang, { number: p.unconfirmedNumber }) : '');
  }
  if (p.how === 'ambiguous') return say('import.parent.ambiguous', lang, { cited: p.cited ?? '', candidates: p.candidates?.join(', ') ?? '' });
  if (p.how === 'unresolved') return say('import.parent.unresolved', lang, { cited: p.cited ?? '' });
  return say(p.how === 'legal-bases-only' ? 'import.parent.legal-bases-only' : 'import.parent.none', lang);
}

/** What the import read: tasks, parent, what each task lacks, what was not placed. */
export function importSummaryText(s: ImportSummary, lang: Lang): string {
  const fields = (f: readonly string[]): string => f.map((x) => say(`import.summary.field.${x}`, lang)).join(termText('import.summary.field.join', lang));
  const lines = [
    say('import.summary.tasks', lang, { n: s.tasks }) + (s.tasks ? ` (${s.keys.join(', ')})` : ''),
    say('import.summary.parent', lang, { parent: parentText(s.parent, lang) }),
    ...s.missing.map((m) => say('import.summary.missing', lang, { key: m.key, fields: fields(m.fields) })),
    ...(s.unplaced ? [say('import.summary.unplaced', lang, { n: s.unplaced })] : []),
    ...(s.partial ? [say('import.summary.partial', lang)] : []),
    ...s.tables.filter((x) => x.read).map((x) => say('import.summary.table', lang, { line: x.line })),
  ];
  return visibleControls(lines.join('\n'), '\n') + '\n';
}

/** One document's line in a check or a diff: its tasks and its parent. */
export function importNoticeText(file: string, s: ImportSummary, lang: Lang): string {
  return visibleControls(say('import.summary.notice', lang, { file, n: s.tasks, parent: parentText(s.parent, lang) }));
}

/** Why an imported plan cannot be checked as it stands (core/import importRefusals), in the reader's language. */
export function refusalText(r: { message: string; said: Said }, lang: Lang): string {
  return visibleControls(either(r.message, r.said, lang));
}
