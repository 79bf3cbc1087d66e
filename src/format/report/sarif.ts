/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), the log code-scanning tools read. One run, the
 * whole rule catalogue as `tool.driver.rules`, one result per finding located in the plan's
 * YAML; waived findings stay as results with an in-source `suppression` carrying the
 * reason (SARIF's own way to say "accepted", so viewers hide them without losing them).
 *
 * Built as a plain object typed with @types/sarif: node-sarif-builder 5 needs Node 22 and
 * 4.x takes the tool name from process.env, while this formatter must be pure and
 * byte-stable. tests/format/sarif.test.ts validates the output against the official schema.
 */
import { createHash } from 'node:crypto';
import type { Location, Log, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { Finding, Report, RuleInfo, Severity } from '../../core/model/finding.js';
import { messageOf, ruleDescription, type Lang } from '../messages.js';

export interface SarifOptions {
  lang: Lang;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The final 2.1.0 schema names the field `state` (@types/sarif still follows rtm.5's `status`). */
type FinalSuppression = Omit<Suppression, 'status'> & { state?: 'accepted' | 'underReview' | 'rejected' };

/** A relative path as a URI reference (Vietnamese file names are percent-encoded); absolute paths as file: URIs. */
export function fileUri(file: string): { uri: string; uriBaseId?: string } {
  const path = file.replace(/\\/g, '/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encoded.replace('%3A', ':')}` };
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  // %SRCROOT%: the repository root, as GitHub code scanning expects for relative paths.
  return { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}

function rulesCatalogue(rules: readonly RuleInfo[], lang: Lang): ReportingDescriptor[] {
  return rules.map((r) => ({
      id: r.id,
      shortDescription: { text: ruleDescription(r.id, lang) },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties: { scope: r.scope, graded: r.graded, tags: ['kehoach', r.graded ? 'graded' : 'advisory'] },
    }));
}

function locationsOf(f: Finding): Location[] {
  const label = f.labels.task;
  const logical = [{ name: label ?? f.plan, fullyQualifiedName: label ? `${f.plan}/${label}` : f.plan, kind: label ? 'object' : 'module' }];
  if (!f.file) return [{ logicalLocations: logical }];
  return [
    {
      physicalLocation: {
        artifactLocation: fileUri(f.file),
        ...(f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {}),
      },
      logicalLocations: logical,
    },
  ];
}

/** Stable identity of a finding across runs (line numbers excluded: editing above must not re-open it). */
function identity(f: Finding): string {
  const key = [f.rule, f.plan, f.parent ?? '', f.parentTask ?? '', f.task ?? ''].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function resultOf(f: Finding, ruleIndex: number | undefined, lang: Lang): Result {
  const suppressions: FinalSuppression[] = f.waived
    ? [{ kind: 'inSource', state: 'accepted', justification: f.waived.reason, ...(f.waived.expires ? { properties: { expires: f.waived.expires } } : {}) }]
    : [];
  return {
    ruleId: f.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[f.severity],
    message: { text: messageOf(f, lang) },
    locations: locationsOf(f),
    partialFingerprints: { 'kehoachFinding/v1': identity(f) },
    ...(suppressions.length ? { suppressions: suppressions as Suppression[] } : {}),
    properties: { plan: f.plan, parent: f.parent, task: f.task, parentTask: f.parentTask, data: f.data },
  };
}

export function formatSarif(report: Report, opts: SarifOptions): string {
  const rules = rulesCatalogue(report.rules, opts.lang);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kehoach', language: opts.lang, rules } },
        language: opts.lang,
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => resultOf(f, index.get(f.rule), opts.lang)),
        properties: { summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
