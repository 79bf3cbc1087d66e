/**
 * A word trie: longest-prefix lookup of names in time proportional to the words read,
 * whatever the size of the table (resolution runs over hundreds of thousands of tasks).
 */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  items: T[];
}

export const trie = <T>(): TrieNode<T> => ({ next: new Map(), items: [] });

export function insert<T>(root: TrieNode<T>, words: readonly string[], item: T): void {
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) {
      child = trie<T>();
      node.next.set(w, child);
    }
    node = child;
  }
  node.items.push(item);
}

export interface Hit<T> {
  /** Word index just after the match. */
  end: number;
  items: readonly T[];
}

/**
 * Every prefix of words[from…] that is a key, shortest first. `boundary(end)` says whether
 * a match may end there (not inside one written token's expansion).
 */
export function prefixes<T>(
  root: TrieNode<T>,
  words: readonly string[],
  from: number,
  boundary: (end: number) => boolean = () => true,
): Hit<T>[] {
  const hits: Hit<T>[] = [];
  let node: TrieNode<T> | undefined = root;
  for (let i = from; i < words.length; i++) {
    node = node.next.get(words[i]!);
    if (!node) break;
    if (node.items.length && boundary(i + 1)) hits.push({ end: i + 1, items: node.items });
  }
  return hits;
}

/** The longest key starting at `from`, or null. */
export function longest<T>(
  root: TrieNode<T>,
  words: readonly string[],
  from: number,
  boundary?: (end: number) => boolean,
): Hit<T> | null {
  const hits = prefixes(root, words, from, boundary);
  return hits[hits.length - 1] ?? null;
}
