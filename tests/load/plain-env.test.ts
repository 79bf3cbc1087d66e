import { describe, expect, it } from 'vitest';
import { withPlainEnv } from '../../src/app/source/plain-env.js';

describe('withPlainEnv', () => {
  it('parses with a plain copy of the environment and puts the real one back', () => {
    const real = process.env;
    const seen = withPlainEnv(() => ({ same: process.env === real, proto: Object.getPrototypeOf(process.env), path: process.env.PATH }));
    expect(seen).toEqual({ same: false, proto: Object.prototype, path: real.PATH });
    expect(process.env).toBe(real);
  });

  it('puts the real environment back when the parse throws', () => {
    const real = process.env;
    expect(() =>
      withPlainEnv(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(real);
  });
});
