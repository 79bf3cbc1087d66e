/**
 * A bounded memo for pure functions of one string. Titles and deadline texts repeat across a
 * national corpus (children copy their parents' wording), so each is worked out once. The
 * results are shared: callers treat them as read-only.
 */
export function memoByText<V>(fn: (text: string) => V, limit = 100_000): (text: string) => V {
  let cache = new Map<string, V>();
  return (text: string): V => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= limit) cache = new Map(); // start afresh rather than track recency
      v = fn(text);
      cache.set(text, v);
    }
    return v;
  };
}
