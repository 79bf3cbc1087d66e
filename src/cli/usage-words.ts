/**
 * Commander's own words in the reader's language: the help's headings and the "(default: …)",
 * "(choices: …)" notes, and its usage errors ("unknown option", "missing required argument" …),
 * which it writes in English. Its messages are matched by their fixed English forms (commander
 * 14's lib/command.js); one that no pattern knows is shown as commander wrote it.
 */
import { Help, type HelpConfiguration } from 'commander';
import { say as t } from '../format/said.js';
import type { Lang } from '../format/messages.js';


const TITLES: Record<string, string> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.global',
};

/** configureHelp settings that write the help's own words in `lang`. */
export function helpWords(lang: Lang): Partial<HelpConfiguration> {
  if (lang === 'en') return {};
  const base = new Help();
  const notes = (s: string): string => s.replace(/\((choices|default): /g, (_, w: string) => `(${t(`cli.help.${w}`, lang)}: `).replace(/, default: /g, `, ${t('cli.help.default', lang)}: `);
  return {
    styleTitle: (s) => (TITLES[s] ? t(TITLES[s], lang) : s),
    optionDescription: (o) => notes(base.optionDescription(o)),
    argumentDescription: (a) => notes(base.argumentDescription(a)),
  };
}

const ERRORS: [RegExp, string, string[]][] = [
  [/^error: unknown option '([^']+)'/, 'cli.err.unknown-option', ['option']],
  [/^error: unknown command '([^']+)'/, 'cli.err.unknown-command', ['command']],
  [/^error: missing required argument '([^']+)'/, 'cli.err.missing-argument', ['name']],
  [/^error: option '([^']+)' argument missing/, 'cli.err.missing-option-value', ['option']],
  [/^error: required option '([^']+)' not specified/, 'cli.err.required-option', ['option']],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+?)\.?$/m, 'cli.err.invalid-choice', ['option', 'value', 'choices']],
  [/^error: too many arguments( for '[^']+')?\./, 'cli.err.too-many', []],
];

/** A usage error commander wrote, in `lang` (its "Did you mean …?" hint kept, it names an option). */
export function commanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  for (const [re, key, names] of ERRORS) {
    const m = re.exec(text);
    if (!m) continue;
    const vars = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']));
    const hint = /\(Did you mean ([^?]+)\?\)/.exec(text);
    return `${t('cli.err.prefix', lang)}: ${t(key, lang, vars)}${hint ? ` ${t('cli.err.did-you-mean', lang, { option: hint[1]! })}` : ''}\n`;
  }
  return text;
}
