/** The build's JSON copies of rules/ (trusted without validation at start-up) equal their YAML sources. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readTableWithOrigin, tableJsonFile } from '../src/app/tables.js';

const names = readdirSync('rules').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('rules/ tables', () => {
  it.each(names)('%s: the built copy equals the YAML', (name) => {
    expect(existsSync(tableJsonFile(name))).toBe(true); // npm test builds first
    expect(JSON.parse(readFileSync(tableJsonFile(name), 'utf8'))).toEqual(parse(readFileSync(`rules/${name}.yaml`, 'utf8')));
    expect(readTableWithOrigin(name).data).toEqual(parse(readFileSync(`rules/${name}.yaml`, 'utf8')));
  });
});
