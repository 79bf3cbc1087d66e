/**
 * Appends lines one by one. `out.push(...lines)` passes each line as an argument, and a call
 * takes only so many (about 100 000 at Node's default stack): a plan with that many tasks, or a
 * title long enough to wrap into that many lines, would end the program with a RangeError.
 */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (const x of items) out.push(x);
  return out;
}
