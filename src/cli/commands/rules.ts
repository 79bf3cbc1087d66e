/**
 * `kehoach rules [--lang vi|en] [--format text|json]`: the rule catalogue, each rule with
 * its id, default severity and one-line description, so a config's `severity:` keys and a
 * waiver's `rule:` can be looked up. The severity shown is the rule's default: rules that
 * follow addressing (checking.md) lower it to warning for a task the child mirrors.
 */
import type { Lang } from '../../format/messages.js';
import { ruleDescription, term } from '../../format/messages.js';
import { cmp } from '../../core/graph/derivation.js';
import { RULES } from '../../core/rules/index.js';
import { EXIT, emit, readerLang, type CliIO } from './context.js';

export const RULES_FORMATS = ['text', 'json'] as const;

export interface RulesCommandOptions {
  lang?: Lang;
  format?: (typeof RULES_FORMATS)[number];
  output?: string;
}

export interface RuleInfo {
  id: string;
  severity: string;
  scope: string;
  graded: boolean;
  description: string;
}

export function ruleInfos(lang: Lang): RuleInfo[] {
  return [...RULES]
    .sort((a, b) => cmp(a.id, b.id))
    .map((r) => ({ id: r.id, severity: r.defaultSeverity, scope: r.scope, graded: r.graded, description: ruleDescription(r.id, lang) }));
}

export function rulesText(infos: readonly RuleInfo[], lang: Lang): string {
  const idWidth = Math.max(...infos.map((r) => r.id.length));
  const sevWidth = Math.max(...infos.map((r) => term(r.severity, lang).length));
  return infos.map((r) => `${r.id.padEnd(idWidth)}  ${term(r.severity, lang).padEnd(sevWidth)}  ${r.description}`).join('\n') + '\n';
}

export async function rulesCommand(io: CliIO, opts: RulesCommandOptions): Promise<number> {
  const lang = readerLang(io, opts.lang);
  const infos = ruleInfos(lang);
  const text = opts.format === 'json' ? JSON.stringify(infos, null, 2) + '\n' : rulesText(infos, lang);
  if (!(await emit(io, text, opts.output, { lang }))) return EXIT.load;
  return EXIT.ok;
}
