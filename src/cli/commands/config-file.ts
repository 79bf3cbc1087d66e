/**
 * Configuration: --config <file>, else a kehoach.config.yaml in the working directory,
 * merged over rules/config.yaml. Errors (YAML, schema, unknown rule id) are located.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultConfig, mergeConfig, parseYamlWith, UserConfig, type CheckConfig } from '../../core/check/config.js';
import type { LoadError } from '../../core/load/errors.js';
import { positionOfKey, START } from '../../core/load/positions.js';
import { RULE_IDS } from '../../core/rules/index.js';
import type { CliIO } from './context.js';

export const CONFIG_FILE = 'kehoach.config.yaml';

export type ConfigResult = { ok: true; config: CheckConfig; file: string | null } | { ok: false; errors: LoadError[] };

export async function loadConfig(_io: CliIO, explicit?: string): Promise<ConfigResult> {
  const file = explicit ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : null);
  if (!file) return { ok: true, config: defaultConfig(), file: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [{ file, ...START, code: code === 'ENOENT' ? 'not-found' : 'unreadable', message: code === 'ENOENT' ? 'no such configuration file' : `cannot read: ${code}` }] };
  }
  const r = parseYamlWith(file, text, UserConfig);
  if (!r.ok) return r;
  const unknown = Object.keys(r.value.severity ?? {}).filter((id) => !RULE_IDS.includes(id));
  if (unknown.length) {
    const { doc, lc } = r;
    return {
      ok: false,
      errors: unknown.map((id) => ({
        file,
        ...(positionOfKey(doc, lc, ['severity'], id) ?? START),
        code: 'schema' as const,
        message: `severity.${id}: no rule has this id (see \`kehoach rules\`)`,
      })),
    };
  }
  return { ok: true, config: mergeConfig(defaultConfig(), r.value), file };
}
