/**
 * `JSON.stringify(value, null, 2)` in pieces: the outer `levels` of objects and arrays are
 * written member by member, each deeper value by JSON.stringify (re-indented), so a large report
 * is written as it is made and never held as one string. Their concatenation is byte for byte
 * `JSON.stringify(value, null, 2)` for plain data (no toJSON below the outer levels' containers is
 * lost: a container with toJSON is handed to JSON.stringify whole).
 */
export function* jsonChunks(value: unknown, levels = 2, indent = ''): Generator<string> {
  if (levels <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const s = JSON.stringify(value, null, 2);
    // A string value never holds a raw line break (JSON escapes it): every one here is layout.
    yield indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
    return;
  }
  const inner = `${indent}  `;
  const dropped = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';
  if (Array.isArray(value)) {
    if (!value.length) return void (yield '[]');
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : '['}\n${inner}`;
      const x: unknown = value[i];
      if (dropped(x)) yield 'null';
      else yield* jsonChunks(x, levels - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, x]) => !dropped(x));
  if (!entries.length) return void (yield '{}');
  let first = true;
  for (const [k, x] of entries) {
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* jsonChunks(x, levels - 1, inner);
  }
  yield `\n${indent}}`;
}
