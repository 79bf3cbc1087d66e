/**
 * A plan file's head without parsing it (issue 19): its `id` and the parent ids of its
 * `basedOn`, read line by line from the top-level keys, so that a command about one plan can
 * find that plan's ancestors and descendants without parsing the whole corpus. Only the simple
 * form plan files are written in is read here: top-level `key: value` lines, `id` a plain or
 * quoted scalar, `basedOn` a block sequence of scalars and of mappings (`plan:`, `law:` …).
 * Anything else — flow collections, anchors, aliases, tags, a duplicate key, a second document,
 * a plain scalar YAML would not read as a string — gives null, and the caller parses that file
 * fully. The head is only a guide: every file a command needs is parsed, and the parse must
 * agree with the head (src/app/source/neighbourhood.ts). Pure.
 */

export interface PlanHead {
  id: string;
  /** The plan's parent ids, in basedOn's order (parentIds of the parsed plan). */
  parents: string[];
}

/** Plain scalars read as the same string by any YAML schema: a letter first, no indicator, no special word. */
const PLAIN = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const SPECIAL = /^(true|false|null|yes|no|on|off|y|n)$/i;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const ITEM = /^( *)-(?:[ \t]+(.*))?$/;

/** A comment after a value (` #…`) removed, trailing blanks too. */
function stripComment(v: string): string {
  const quoted = v.startsWith("'") || v.startsWith('"');
  if (!quoted) {
    const hash = v.search(/[ \t]#/);
    return (hash >= 0 ? v.slice(0, hash) : v).trimEnd();
  }
  return v.trimEnd();
}

/** A one-line scalar read as YAML reads it, or null when it is not in the simple form. */
export function simpleScalar(raw: string): string | null {
  const v = stripComment(raw.trim());
  if (v.startsWith("'")) {
    let out = '';
    for (let i = 1; i < v.length; i++) {
      const c = v[i]!;
      if (c === "'") {
        if (v[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        const rest = v.slice(i + 1).trim();
        return rest === '' || rest.startsWith('#') ? out : null;
      }
      out += c;
    }
    return null;
  }
  if (v.startsWith('"')) {
    const end = v.indexOf('"', 1);
    if (end < 0 || v.slice(1, end).includes('\\')) return null;
    const rest = v.slice(end + 1).trim();
    return rest === '' || rest.startsWith('#') ? v.slice(1, end) : null;
  }
  return PLAIN.test(v) && !SPECIAL.test(v) ? v : null;
}

/** Whether a value that opens a quote or a flow collection closes it on its own line (else the head is not simple). */
function closesOnLine(v: string): boolean {
  const t = v.trim();
  if (t.startsWith("'") || t.startsWith('"')) {
    const q = t[0]!;
    for (let i = 1; i < t.length; i++) {
      if (q === '"' && t[i] === '\\') {
        i++;
        continue;
      }
      if (t[i] === q) {
        if (q === "'" && t[i + 1] === "'") {
          i++;
          continue;
        }
        return true;
      }
    }
    return false;
  }
  if (t.startsWith('[') || t.startsWith('{')) return /[\]}]\s*(#.*)?$/.test(t) && !t.includes('#');
  return true;
}

export type HeadScan = PlanHead | 'more' | null;

/**
 * Reads the head of a plan text. `whole` says the text is the whole file; when it is not (the
 * first bytes only), 'more' means the head may go on past them.
 */
export function scanHead(text: string, whole: boolean): HeadScan {
  let id: string | null = null;
  let parents: string[] | null = null;
  let basedOnClosed = false;
  let key: string | null = null;
  let seqIndent = -1;
  let mapIndent = -1;
  let itemHasPlan = false;
  let keysSeen = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const first = line.charCodeAt(0);
    // Blank lines and comments, at any indentation.
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (first === 32 /* space */ || (first === 45 /* - */ && key === 'basedOn' && /^-( |$)/.test(line))) {
      if (key === null) return null;
      if (key === 'id') return null; // the id's value on its own line
      if (key !== 'basedOn') continue; // another key's value: not read
      const item = ITEM.exec(line);
      const indent = line.length - line.trimStart().length;
      if (item && (seqIndent < 0 || indent === seqIndent)) {
        seqIndent = indent;
        itemHasPlan = false;
        const content = item[2];
        if (content === undefined) return null; // the item's value on the next line
        const kv = KEY_LINE.exec(content);
        if (kv) {
          mapIndent = indent + line.slice(indent + 1).search(/\S/) + 1;
          if (kv[1] === 'plan') {
            const v = kv[2] === undefined ? null : simpleScalar(kv[2]);
            if (v === null) return null;
            parents!.push(v);
            itemHasPlan = true;
          } else if (kv[2] !== undefined && !closesOnLine(kv[2])) return null;
          else if (kv[2] === undefined) return null;
          continue;
        }
        mapIndent = -1;
        const v = simpleScalar(content);
        if (v === null) return null;
        parents!.push(v);
        continue;
      }
      if (seqIndent < 0 || indent < seqIndent) return null;
      if (mapIndent < 0) return null; // more lines under a scalar item
      if (indent < mapIndent) return null;
      if (indent > mapIndent) continue; // a value of the item's mapping, deeper
      const kv = KEY_LINE.exec(line.slice(indent));
      if (!kv) return null;
      if (kv[1] === 'plan') {
        if (itemHasPlan) return null;
        const v = kv[2] === undefined ? null : simpleScalar(kv[2]);
        if (v === null) return null;
        parents!.push(v);
        itemHasPlan = true;
      } else if (kv[2] === undefined || !closesOnLine(kv[2])) return null;
      continue;
    }
    // A top-level line: `---` opening the one document, or a key.
    if (line === '---' && keysSeen === 0) continue;
    const kv = KEY_LINE.exec(line);
    if (!kv) return null;
    keysSeen++;
    if (key === 'basedOn') basedOnClosed = true;
    key = kv[1]!;
    const value = kv[2];
    if (key === 'id') {
      if (id !== null || value === undefined) return null;
      id = simpleScalar(value);
      if (id === null) return null;
    } else if (key === 'basedOn') {
      if (parents !== null) return null;
      if (value !== undefined && stripComment(value) !== '') return null; // flow or empty: parsed
      parents = [];
      seqIndent = -1;
      mapIndent = -1;
    } else if (value !== undefined && !closesOnLine(value)) return null;
    if (id !== null && parents !== null && basedOnClosed) break; // the head is read: the rest is the parser's
  }
  if (id === null) return whole ? null : 'more';
  if (parents === null) return whole ? { id, parents: [] } : 'more';
  if (!whole && !basedOnClosed) return 'more';
  if (parents.length === 0 && seqIndent < 0) return null; // `basedOn:` with no items: null in YAML, parsed
  return { id, parents };
}
