/**
 * Configuration: --config <file>, else a kehoach.config.yaml in the working directory,
 * merged over rules/config.yaml. Errors (YAML, schema, unknown rule id) are located.
 */
import { existsSync } from 'node:fs';
import { isMap, isScalar } from 'yaml';
import { DEFAULT_MAX_FILE_MB, readSourceSync } from '../../app/source/files.js';
import { defaultConfig, mergeConfig, parseYamlWith, UserConfig, type CheckConfig } from '../../core/check/config.js';
import { loadError, type LoadError } from '../../core/load/errors.js';
import { positionOfKey, START } from '../../core/load/positions.js';
import { RULE_IDS } from '../../core/rules/index.js';
import { readerLang, reportLoadErrors, type CliIO } from './context.js';
import type { Lang } from '../../format/messages.js';

export const CONFIG_FILE = 'kehoach.config.yaml';

export type ConfigResult = { ok: true; config: CheckConfig; file: string | null } | { ok: false; errors: LoadError[] };

export async function loadConfig(_io: CliIO, explicit?: string): Promise<ConfigResult> {
  const file = explicit ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : null);
  if (!file) return { ok: true, config: defaultConfig(), file: null };
  // Read like a plan: the bytes read are counted (a config path may name a device or a pipe).
  const read = readSourceSync(file, DEFAULT_MAX_FILE_MB * 1048576);
  if (!('text' in read)) return { ok: false, errors: [read.code === 'not-found' ? { ...read, message: 'no such configuration file', said: { key: 'load.no-config' } } : read] };
  const text = read.text;
  const r = parseYamlWith(file, text, UserConfig);
  if (!r.ok) return r;
  // The keys as written, read from the document: zod drops a key such as __proto__ without a word.
  const severity = r.doc.get('severity');
  const written = isMap(severity) ? severity.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)) : [];
  const unknown = written.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length) {
    const { doc, lc } = r;
    return {
      ok: false,
      errors: unknown.map((id) => loadError(file, positionOfKey(doc, lc, ['severity'], id) ?? START, 'schema', `severity.${id}: no rule has this id (see \`kehoach rules\`)`, 'load.no-rule', { id })),
    };
  }
  return { ok: true, config: mergeConfig(defaultConfig(), r.value), file };
}

/**
 * What every command that reads the configuration starts with: the configuration, and the reader's
 * language (--lang, $KEHOACH_LANG, the configuration's, Vietnamese); or, when the configuration does
 * not load, its errors printed in the language of --lang or $KEHOACH_LANG and the exit code.
 */
export async function commandSetup(io: CliIO, opts: { config?: string | undefined; lang?: Lang | undefined }): Promise<{ ok: true; cfg: CheckConfig; lang: Lang; file: string | null } | { ok: false; code: number }> {
  const conf = await loadConfig(io, opts.config);
  if (!conf.ok) return { ok: false, code: reportLoadErrors(io, conf.errors, readerLang(io, opts.lang)) };
  return { ok: true, cfg: conf.config, lang: readerLang(io, opts.lang, conf.config.lang), file: conf.file };
}
