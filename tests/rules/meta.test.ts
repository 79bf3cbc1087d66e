/** Every rule: a file named by its id, a test with valid and invalid cases, a README entry, messages in both languages. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { catalogue } from '../../src/format/messages.js';

const readme = readFileSync('README.md', 'utf8');

describe('rule meta', () => {
  it('every file in src/core/rules is a listed rule (or a shared helper)', () => {
    const files = readdirSync('src/core/rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'helpers.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id]))('%s has a kebab-case id, a test with valid and invalid cases, a README entry and messages', (id) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const test = `tests/rules/${id}.test.ts`;
    expect(existsSync(test)).toBe(true);
    const text = readFileSync(test, 'utf8');
    expect(text).toMatch(/valid: \[\s*\{/);
    expect(text).toMatch(/invalid: \[\s*\{/);
    expect(readme).toContain(`| \`${id}\` |`);
    expect(catalogue().rules[id]).toBeDefined();
  });
});
