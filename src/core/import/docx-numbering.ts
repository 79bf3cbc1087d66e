/**
 * Word's own list numbering (word/numbering.xml), computed as Word displays it: the "II.",
 * "1.", "a)" and bullets that officials get from the list buttons are not in the text, only
 * in the numbering definitions. A paragraph's number comes from its numPr (or its style's),
 * counters run per abstract list, a list instance with a startOverride restarts at its first
 * paragraph, a level restarts when a higher level advances (unless lvlRestart says otherwise).
 * Pure: works on parsed XML.
 */
import type { Element } from '@xmldom/xmldom';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The w: children of an element with a given local name. */
export function wChildren(el: Element | null | undefined, name: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W_NS) out.push(n as Element);
  }
  return out;
}
export const wChild = (el: Element | null | undefined, name: string): Element | null => wChildren(el, name)[0] ?? null;
export const wAttr = (el: Element | null | undefined, name: string): string | null => (el ? el.getAttributeNS(W_NS, name) || el.getAttribute(`w:${name}`) : null);
export const wVal = (el: Element | null | undefined): string | null => wAttr(el, 'val');

interface Level {
  start: number;
  format: string;
  text: string;
  /** Level (0-based) whose advance restarts this one; -1 never; undefined: any higher level. */
  restartAfter?: number;
  legal: boolean;
  pStyle?: string;
}

interface Instance {
  abstract: string;
  /** startOverride per level. */
  starts: Map<number, number>;
  /** Levels redefined by the instance itself. */
  levels: Map<number, Level>;
}

/** A paragraph's list membership: which instance and level. */
export interface NumRef {
  numId: string;
  ilvl: number;
}

function readLevel(lvl: Element): Level {
  const start = Number(wVal(wChild(lvl, 'start')) ?? '0');
  const restart = wVal(wChild(lvl, 'lvlRestart'));
  const pStyle = wVal(wChild(lvl, 'pStyle'));
  const legal = wChild(lvl, 'isLgl');
  return {
    start: Number.isFinite(start) ? start : 0,
    format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    text: wVal(wChild(lvl, 'lvlText')) ?? '',
    ...(restart !== null ? { restartAfter: Number(restart) === 0 ? -1 : Number(restart) - 1 } : {}),
    legal: legal !== null && wVal(legal) !== '0' && wVal(legal) !== 'false',
    ...(pStyle ? { pStyle } : {}),
  };
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}
/** Word's letter numbering: a … z, then aa … zz (the letter repeated), as Word prints it (no đ). */
function letters(n: number): string {
  const i = (n - 1) % 26;
  return String.fromCharCode(97 + i).repeat(Math.floor((n - 1) / 26) + 1);
}

/**
 * Past these, a number is printed in digits: Word prints Roman numerals up to 3999 and letters up
 * to 780 ("zzz…" thirty times), and a list that starts at 10^9 (startOverride is any number a file
 * says, Infinity too) must neither print a label of a million "M"s nor loop for ever.
 */
const MAX_ROMAN = 3999;
const MAX_LETTERS = 780;

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return n > MAX_ROMAN ? String(n) : roman(n);
    case 'lowerRoman':
      return n > MAX_ROMAN ? String(n) : roman(n).toLowerCase();
    case 'upperLetter':
      return n > MAX_LETTERS ? String(n) : letters(n).toUpperCase();
    case 'lowerLetter':
      return n > MAX_LETTERS ? String(n) : letters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

// Bullet glyphs as Word stores them: Symbol and Wingdings put them in the private use area.
const DASH_GLYPHS = new Set(['-', '–', '—', '\uF02D', '\u2212']);

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  /** Counters per abstract list: the last number given at each level (undefined: not started). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Instances already met: a startOverride applies at an instance's first paragraph only. */
  private readonly seen = new Set<string>();
  /** numStyleLink → the numId of the numbering style's own numPr. */
  private readonly styleNum: (styleId: string) => string | null;

  constructor(numberingXml: Element | null, styleNum: (styleId: string) => string | null = () => null) {
    this.styleNum = styleNum;
    const links = new Map<string, string>();
    for (const a of wChildren(numberingXml, 'abstractNum')) {
      const id = wAttr(a, 'abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, Level>();
      for (const l of wChildren(a, 'lvl')) levels.set(Number(wAttr(l, 'ilvl') ?? '0'), readLevel(l));
      this.abstracts.set(id, levels);
      const link = wVal(wChild(a, 'numStyleLink'));
      if (link) links.set(id, link);
    }
    for (const n of wChildren(numberingXml, 'num')) {
      const id = wAttr(n, 'numId');
      const abstract = wVal(wChild(n, 'abstractNumId'));
      if (id === null || abstract === null) continue;
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = Number(wAttr(o, 'ilvl') ?? '0');
        const s = wVal(wChild(o, 'startOverride'));
        if (s !== null) starts.set(ilvl, Number(s));
        const l = wChild(o, 'lvl');
        if (l) levels.set(ilvl, readLevel(l));
      }
      this.instances.set(id, { abstract, starts, levels });
    }
    // A list defined by a numbering style: the abstract that holds the levels is the style's.
    for (const [id, style] of links) {
      const numId = this.styleNum(style);
      const target = numId ? this.instances.get(numId)?.abstract : undefined;
      if (target && target !== id) {
        const levels = this.abstracts.get(target);
        if (levels) this.abstracts.set(id, levels);
      }
    }
  }

  private level(inst: Instance, ilvl: number): Level | undefined {
    return inst.levels.get(ilvl) ?? this.abstracts.get(inst.abstract)?.get(ilvl);
  }

  /** The level of a list that a paragraph style is attached to (w:pStyle inside a w:lvl). */
  levelOfStyle(numId: string, styleId: string): number | null {
    const inst = this.instances.get(numId);
    if (!inst) return null;
    for (const [ilvl, l] of this.abstracts.get(inst.abstract) ?? []) if (l.pStyle === styleId) return ilvl;
    return null;
  }

  /**
   * The label Word shows before the next paragraph of this list ("II.", "1.", "a)", "-", "+"),
   * advancing the counters; "" for a list level that shows nothing; null for no list.
   */
  next(ref: NumRef): string | null {
    if (ref.numId === '0') return null; // numId 0 removes a style's numbering
    const inst = this.instances.get(ref.numId);
    if (!inst) return null;
    const here = this.level(inst, ref.ilvl);
    if (!here) return null;
    const counters = this.counters.get(inst.abstract) ?? [];
    this.counters.set(inst.abstract, counters);
    if (!this.seen.has(ref.numId)) {
      this.seen.add(ref.numId);
      for (const [ilvl, s] of inst.starts) counters[ilvl] = s - 1;
    }
    if (here.format !== 'bullet') {
      counters[ref.ilvl] = (counters[ref.ilvl] ?? here.start - 1) + 1;
      for (let j = ref.ilvl + 1; j < 9; j++) {
        const deeper = this.level(inst, j);
        const after = deeper?.restartAfter;
        if (after === undefined || (after >= 0 && ref.ilvl <= after)) counters[j] = undefined;
      }
    }
    if (here.format === 'bullet') return this.bullet(inst, ref.ilvl, here.text);
    return here.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const l = this.level(inst, k);
      const n = counters[k] ?? l?.start ?? 1;
      return formatNumber(n, here.legal && k < ref.ilvl ? 'decimal' : l?.format ?? 'decimal');
    }).trim();
  }

  /**
   * A bullet as the plans type it: "+" for a plus, and for a bullet nested under another
   * bullet of the same list (Word's "o" under "•"); "-" otherwise; "" for a blank bullet.
   */
  private bullet(inst: Instance, ilvl: number, glyph: string): string {
    const g = glyph.trim();
    if (!g) return '';
    if (g === '+') return '+';
    if (DASH_GLYPHS.has(g)) return '-';
    for (let k = 0; k < ilvl; k++) if (this.level(inst, k)?.format === 'bullet' && this.level(inst, k)?.text.trim()) return '+';
    return '-';
  }
}
