/**
 * Linear string helpers for the importer. A regular expression anchored only at the end
 * (`/[\s,;:.]+$/`) is tried at every starting position of a long run of its characters and
 * takes time quadratic in the run's length ("…, , , , …" a megabyte long); these do the same
 * work scanning back from the end, once.
 */

/** Start of the run of characters at the end of `s` that `one` accepts (`one` tests one character, e.g. /^[\s,;:.]$/u). */
export function trailingRunStart(s: string, one: RegExp): number {
  let i = s.length;
  while (i > 0) {
    let j = i - 1;
    const c = s.charCodeAt(j);
    // A surrogate pair is one character, as for a regular expression with the u flag.
    if (c >= 0xdc00 && c <= 0xdfff && j > 0) {
      const h = s.charCodeAt(j - 1);
      if (h >= 0xd800 && h <= 0xdbff) j--;
    }
    if (!one.test(s.slice(j, i))) break;
    i = j;
  }
  return i;
}

/** `s` without the run of characters at its end that `one` accepts: s.replace(/[…]+$/u, ''), in linear time. */
export const trimEndRun = (s: string, one: RegExp): string => s.slice(0, trailingRunStart(s, one));

/** Pushes every element of `items` onto `into` (push(...items) overflows the stack past some 100,000 items). */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}
