/** Reading letters back: a .docx's paragraphs (mammoth) and parts (jszip), and what a letter may not contain. */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { catalogue } from '../../src/format/messages.js';
import { runCli, type CliRun } from '../helpers/cli.js';

/** One part of the package as text (word/document.xml, word/styles.xml…). */
export async function docxPart(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(name);
  if (!part) throw new Error(`no ${name} in the .docx`);
  return part.async('string');
}

/**
 * The text of every paragraph, in document order (table cells included), as mammoth reads a Word
 * file: a maintained reader that is not the project's own, so the letter is judged by what another
 * program finds in it.
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value.split('\n\n');
}

const words = (s: string): string[] => s.toLowerCase().match(/[a-z]{4,}/g) ?? [];

/**
 * Words of four letters or more that occur in the English texts of the catalogue and in none of
 * its Vietnamese texts: a Vietnamese letter containing one has leaked English.
 */
export function englishOnlyWords(): Set<string> {
  const cat = catalogue();
  const texts = [...Object.values(cat.terms), ...Object.values(cat.rules).flatMap((r) => [r.description, r.message, ...Object.values(r.variants ?? {})])];
  const vi = new Set(texts.flatMap((t) => words(t.vi)));
  return new Set(texts.flatMap((t) => words(t.en)).filter((w) => !vi.has(w)));
}

/** English words of the catalogue in a text, leaving out words the plans themselves contain (plan text is quoted as written). */
export function englishIn(text: string, planFiles: readonly string[]): string[] {
  const planWords = new Set(planFiles.flatMap((f) => words(readFileSync(f, 'utf8'))));
  const english = englishOnlyWords();
  return [...new Set(words(text).filter((w) => english.has(w) && !planWords.has(w)))];
}

/** What the check knows of a run: plan ids, rule ids, the child's graded findings (JSON contract). */
export interface Checked {
  ids: string[];
  rules: string[];
  findings: { rule: string; severity: string; plan: string; parent: string | null; task: string | null; parentTask: string | null; data: Record<string, unknown>; waived?: unknown }[];
}

export async function checked(args: string[]): Promise<Checked> {
  const r: CliRun = await runCli(['check', ...args, '--format', 'json', '--no-cache', '--fail-on', 'never']);
  if (r.code !== 0) throw new Error(`check ${args.join(' ')}: ${r.err}`);
  const json = JSON.parse(r.out) as { findings: Checked['findings'] };
  const rules = (await runCli(['rules', '--format', 'json'])).out;
  const ids = [...new Set(json.findings.flatMap((f) => [f.plan, f.parent].filter((x): x is string => x !== null)))];
  return { ids, rules: (JSON.parse(rules) as { id: string }[]).map((x) => x.id), findings: json.findings };
}

/** Things no Vietnamese letter may hold: ISO dates, task keys of the "-2" kind, rule ids, plan ids. */
export function forbiddenIn(text: string, plansIds: readonly string[], ruleIds: readonly string[]): string[] {
  const out: string[] = [];
  const iso = text.match(/\d{4}-\d{2}-\d{2}/);
  if (iso) out.push(`ISO date ${iso[0]}`);
  const key = text.match(/\b[IVX]+\.\d+(\.[a-zđ])?-\d+\b/u);
  if (key) out.push(`task key ${key[0]}`);
  for (const id of plansIds) if (text.includes(id)) out.push(`plan id ${id}`);
  for (const id of ruleIds) if (text.includes(id)) out.push(`rule id ${id}`);
  return out;
}

/** The plan ids of YAML files under folders (the `id:` line). */
export function idsIn(files: readonly string[]): string[] {
  return files.flatMap((f) => /^id:\s*(\S+)/m.exec(readFileSync(f, 'utf8'))?.[1] ?? []);
}
