/**
 * The SARIF report validates against the official SARIF 2.1.0 schema (a copy in
 * tests/fixtures/sarif, see ORIGIN.md: CI cannot download it), and carries what code
 * scanning needs: rules from the catalogue, results located in the plans' YAML, waived
 * findings as suppressions with their reason.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { fileUri } from '../../src/format/report/sarif.js';
import { RULE_IDS } from '../../src/core/rules/index.js';
import { checkFixture } from './run.js';

const schema = JSON.parse(readFileSync('tests/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as Record<string, unknown>;

// ajv-formats is CommonJS with exports.default: under NodeNext its default import is the module object.
const addFormats = ajvFormats.default;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('sarif', () => {
  it('the schema copy is the official draft-07 SARIF 2.1.0 schema', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['title']).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  });

  it('validates against the SARIF 2.1.0 schema (English and Vietnamese)', async () => {
    const validate = validator();
    for (const lang of ['vi', 'en']) {
      const r = await checkFixture('sarif', ['--lang', lang]);
      const ok = validate(JSON.parse(r.out));
      expect(validate.errors ?? [], lang).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema test is not vacuous: a broken log is rejected', async () => {
    const validate = validator();
    const log = JSON.parse((await checkFixture('sarif')).out) as Log;
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('lists the whole rule catalogue and locates each result in the plan YAML', async () => {
    const log = JSON.parse((await checkFixture('sarif')).out) as Log;
    const run = log.runs[0]!;
    expect(run.tool.driver.rules?.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of run.tool.driver.rules ?? []) expect(rule.shortDescription?.text.length).toBeGreaterThan(0);
    const late = run.results!.find((x) => x.ruleId === 'late-deadline' && !x.suppressions)!;
    expect(late.level).toBe('warning');
    expect(late.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'tests/fixtures/format/plans/huyen-mau-2023.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 5 },
    });
    expect(run.tool.driver.rules![late.ruleIndex!]!.id).toBe('late-deadline');
  });

  it('a waived finding stays as a result with an accepted in-source suppression and its reason', async () => {
    const log = JSON.parse((await checkFixture('sarif')).out) as Log;
    const waived = log.runs[0]!.results!.filter((x) => x.suppressions?.length);
    expect(waived).toHaveLength(1);
    expect(waived[0]!.suppressions![0]).toEqual({
      kind: 'inSource',
      state: 'accepted',
      justification: 'Lớp tập huấn dời sang Quý IV theo Công văn số 12/UBND-NV (kinh phí được cấp tháng 9).',
      properties: { expires: '2024-12-31' },
    });
    expect(log.runs[0]!.properties?.['summary']).toMatchObject({ waived: 1 });
  });

  it('file URIs: relative paths percent-encoded under %SRCROOT%, absolute paths as file: URIs', () => {
    expect(fileUri('plans/district/thanh-hoa/bỉm sơn.yaml')).toEqual({ uri: 'plans/district/thanh-hoa/b%E1%BB%89m%20s%C6%A1n.yaml', uriBaseId: '%SRCROOT%' });
    expect(fileUri('./plans/a.yaml')).toEqual({ uri: 'plans/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(fileUri('/tmp/x/a.yaml')).toEqual({ uri: 'file:///tmp/x/a.yaml' });
    expect(fileUri('C:\\plans\\a.yaml')).toEqual({ uri: 'file:///C:/plans/a.yaml' });
  });
});
