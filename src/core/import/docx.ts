/**
 * A Word file (.docx) → the document's paragraphs and tables in reading order, each paragraph
 * with the list label Word displays before it (docx-numbering.ts), each table as rows of cells
 * with their spans and vertical merges. jszip opens the package and @xmldom/xmldom parses the
 * parts; what is read: the body's paragraphs, tables (nested ones flattened into their cell),
 * content controls, hyperlinks, smart tags, inserted text (deleted text is not the document),
 * tabs and line breaks, run and style capitals. Everything else (headers, footers, comments,
 * footnotes, images) is not part of a plan's text.
 */
import type { Said } from '../load/errors.js';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { Numbering, W_NS, wAttr, wChild, wChildren, wVal, type NumRef } from './docx-numbering.js';

export interface DocxParagraph {
  kind: 'p';
  /** The list label Word shows ("II.", "1.", "a)", "-", "+"), when the paragraph is in a list. */
  label?: string;
  /** The text; a manual line break is a "\n". */
  text: string;
}
export interface DocxCell {
  paragraphs: DocxParagraph[];
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
  /** Vertical merge: a cell that continues the one above it shows the same content. */
  merge: 'restart' | 'continue' | null;
}
export interface DocxTable {
  kind: 'table';
  rows: DocxCell[][];
}
export type DocxBlock = DocxParagraph | DocxTable;

export class DocxError extends Error {
  constructor(message: string, readonly said?: Said) {
    super(message);
  }
}

const tooDeep = (): DocxError => new DocxError(`its XML nests containers more than ${DOCX_LIMITS.depth} deep, which Word does not write`, { key: 'doc.docx-deep', vars: { depth: DOCX_LIMITS.depth } });

/**
 * What a Word file may unpack to. A plan's package holds a few dozen files and its text, styles
 * and numbering a few MB; the XML is parsed into a tree some 80 times its size, so 20 MB of it
 * is already more than a gigabyte of memory. The parts read count against one budget, counted
 * as they are inflated: a zip bomb's directory may declare any size it likes.
 */
export const DOCX_LIMITS = {
  /** Files in the package. */
  entries: 5000,
  /** Bytes of XML unpacked, all parts read together. */
  unpacked: 20 * 1024 * 1024,
  /** Elements (counted as "<") in one part. */
  elements: 2_000_000,
  /** Containers (content controls, tables in cells, …) inside one another. */
  depth: 100,
};

const MB = (n: number): string => `${Math.round(n / 1048576)} MB`;

/** Central directory records in a zip ("PK\x01\x02"), counted up to `max` + 1: what jszip would list. */
function zipEntries(data: Uint8Array, max: number): number {
  let n = 0;
  for (let i = data.indexOf(0x50); i >= 0 && i + 3 < data.length && n <= max; i = data.indexOf(0x50, i + 1)) {
    if (data[i + 1] === 0x4b && data[i + 2] === 0x01 && data[i + 3] === 0x02) n++;
  }
  return n;
}

/** A part's bytes inflated, refused as soon as they pass what is left of the budget. */
function inflate(f: JSZip.JSZipObject, name: string, budget: { left: number }): Promise<Uint8Array> {
  // jszip records the uncompressed size from the zip's directory: a part that admits to being too large is refused before inflating.
  const declared = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  const over = (): DocxError => new DocxError(`${name} unpacks to more than ${MB(DOCX_LIMITS.unpacked)}, more than a plan's text can be (a zip bomb?)`, { key: 'doc.docx-unpacked', vars: { name, size: MB(DOCX_LIMITS.unpacked) } });
  if (declared !== undefined && declared > budget.left) return Promise.reject(over());
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const stream = (f as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          done = true;
          stream.pause();
          reject(over());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e: unknown) => {
        if (done) return;
        done = true;
        reject(new DocxError(`${name} cannot be unpacked (${oneLine(e instanceof Error ? e.message : String(e))})`, { key: 'doc.docx-unpack', vars: { name, detail: oneLine(e instanceof Error ? e.message : String(e)) } }));
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

/** jszip's stream of a file's content (its internalStream; not in jszip's type declarations). */
interface JSZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', fn: (e: unknown) => void): JSZipStream;
  on(event: 'end', fn: () => void): JSZipStream;
  resume(): JSZipStream;
  pause(): JSZipStream;
}

/** A message on one line (xmldom's and jszip's may span several). */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

async function part(zip: JSZip, name: string, budget: { left: number }): Promise<Document | null> {
  const f = zip.file(name);
  if (!f) return null;
  // As jszip's async('string') decodes, a byte order mark kept.
  const xml = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await inflate(f, name, budget));
  // Word never writes a DTD; one could declare entities that expand without limit: refused unread.
  if (/<!DOCTYPE/i.test(xml)) throw new DocxError(`${name} declares a DTD (<!DOCTYPE …>), which Word never writes: refused`, { key: 'doc.docx-dtd', vars: { name } });
  let elements = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    if (++elements > DOCX_LIMITS.elements) throw new DocxError(`${name} holds more than ${DOCX_LIMITS.elements.toLocaleString('en')} XML elements, more than a plan can be`, { key: 'doc.docx-elements', vars: { name, max: DOCX_LIMITS.elements } });
  }
  let failure: string | null = null;
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level === 'fatalError' && failure === null) failure = msg;
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    // xmldom throws on a fatal error, after reporting it.
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure) throw new DocxError(`${name} is not well-formed XML: ${oneLine(failure)}`, { key: 'doc.docx-xml', vars: { name, detail: oneLine(failure) } });
  return doc!;
}

interface Styles {
  /** numPr of a paragraph style, following basedOn. */
  num(styleId: string | null): NumRef | null;
  /** Whether a paragraph or character style sets all capitals, following basedOn. */
  caps(styleId: string | null): boolean;
  /** The numId of a numbering style (for numStyleLink). */
  numberingStyleNum(styleId: string): string | null;
}

function readStyles(doc: Document | null): Styles {
  const byId = new Map<string, Element>();
  for (const s of wChildren(doc?.documentElement, 'style')) {
    const id = wAttr(s, 'styleId');
    if (id) byId.set(id, s);
  }
  const walk = <T>(id: string | null, get: (s: Element) => T | null): T | null => {
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      const s = byId.get(id);
      if (!s) return null;
      const v = get(s);
      if (v !== null) return v;
      id = wVal(wChild(s, 'basedOn'));
    }
    return null;
  };
  const numPr = (s: Element): Element | null => wChild(wChild(s, 'pPr'), 'numPr');
  return {
    num: (id) => {
      const numId = walk(id, (s) => wVal(wChild(numPr(s), 'numId')));
      if (numId === null) return null;
      const ilvl = walk(id, (s) => wVal(wChild(numPr(s), 'ilvl')));
      return { numId, ilvl: ilvl === null ? -1 : Number(ilvl) };
    },
    caps: (id) => walk(id, (s) => onOff(wChild(wChild(s, 'rPr'), 'caps'))) ?? false,
    numberingStyleNum: (id) => {
      const s = byId.get(id);
      return s ? wVal(wChild(numPr(s), 'numId')) : null;
    },
  };
}

/** A w:b / w:caps style toggle: present and not "0"/"false". null when absent. */
function onOff(el: Element | null): boolean | null {
  if (!el) return null;
  const v = wVal(el);
  return v === null || (v !== '0' && v !== 'false' && v !== 'off');
}

class Reader {
  constructor(private readonly numbering: Numbering, private readonly styles: Styles) {}

  /** Body-level content: paragraphs and tables, with containers (content controls, custom XML) opened. */
  blocks(container: Element | null, depth = 0): DocxBlock[] {
    const out: DocxBlock[] = [];
    if (!container) return out;
    if (depth > DOCX_LIMITS.depth) throw tooDeep();
    for (let n = container.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.namespaceURI !== W_NS) continue;
      if (el.localName === 'p') out.push(this.paragraph(el));
      else if (el.localName === 'tbl') out.push(this.table(el, depth + 1));
      else if (el.localName === 'sdt') for (const b of this.blocks(wChild(el, 'sdtContent'), depth + 1)) out.push(b);
      else if (el.localName === 'customXml' || el.localName === 'ins' || el.localName === 'smartTag') for (const b of this.blocks(el, depth + 1)) out.push(b);
    }
    return out;
  }

  paragraph(p: Element): DocxParagraph {
    const pPr = wChild(p, 'pPr');
    const styleId = wVal(wChild(pPr, 'pStyle'));
    const own = wChild(pPr, 'numPr');
    let ref: NumRef | null = null;
    if (own && wChild(own, 'numId')) {
      ref = { numId: wVal(wChild(own, 'numId')) ?? '0', ilvl: Number(wVal(wChild(own, 'ilvl')) ?? '0') };
    } else {
      const fromStyle = this.styles.num(styleId);
      const ilvl = own ? wVal(wChild(own, 'ilvl')) : null;
      if (fromStyle) {
        const level = ilvl !== null ? Number(ilvl) : fromStyle.ilvl >= 0 ? fromStyle.ilvl : styleId ? this.numbering.levelOfStyle(fromStyle.numId, styleId) ?? 0 : 0;
        ref = { numId: fromStyle.numId, ilvl: level };
      }
    }
    const caps = this.styles.caps(styleId);
    const text = this.runs(p, caps).replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    const label = ref ? this.numbering.next(ref) : null;
    return { kind: 'p', ...(label ? { label } : {}), text };
  }

  /** The text of a paragraph's runs, in order, with the containers that hold runs opened. */
  private runs(el: Element, styleCaps: boolean, depth = 0): string {
    if (depth > DOCX_LIMITS.depth) throw tooDeep();
    let s = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      if (c.namespaceURI !== W_NS) continue;
      switch (c.localName) {
        case 'r': {
          const rPr = wChild(c, 'rPr');
          const caps = onOff(wChild(rPr, 'caps')) ?? (this.styles.caps(wVal(wChild(rPr, 'rStyle'))) || styleCaps);
          if (onOff(wChild(rPr, 'vanish'))) break;
          s += this.run(c, caps);
          break;
        }
        case 'hyperlink':
        case 'smartTag':
        case 'ins':
        case 'fldSimple':
        case 'customXml':
        case 'bdo':
        case 'dir':
          s += this.runs(c, styleCaps, depth + 1);
          break;
        case 'sdt':
          s += this.runs(wChild(c, 'sdtContent') ?? c, styleCaps, depth + 1);
          break;
        default:
          break; // w:del (deleted text), bookmarks, proofing marks, comments
      }
    }
    return s;
  }

  private run(r: Element, caps: boolean): string {
    let s = '';
    for (let n = r.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      switch (c.localName) {
        case 't':
          s += caps ? (c.textContent ?? '').toLocaleUpperCase('vi') : c.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          s += ' ';
          break;
        case 'br':
        case 'cr':
          s += '\n';
          break;
        case 'noBreakHyphen':
          s += '-';
          break;
        case 'sym': {
          const ch = wAttr(c, 'char');
          if (ch) s += String.fromCharCode(parseInt(ch, 16));
          break;
        }
        default:
          break; // w:instrText (field codes), w:delText, drawings, footnote references
      }
    }
    return s;
  }

  table(tbl: Element, depth: number): DocxTable {
    const rows: DocxCell[][] = [];
    for (const tr of wChildren(tbl, 'tr')) {
      const cells: DocxCell[] = [];
      const tcs = [...wChildren(tr, 'tc'), ...wChildren(tr, 'sdt').flatMap((s) => wChildren(wChild(s, 'sdtContent'), 'tc'))];
      for (const tc of tcs) {
        const tcPr = wChild(tc, 'tcPr');
        const span = Number(wVal(wChild(tcPr, 'gridSpan')) ?? '1');
        const vMerge = wChild(tcPr, 'vMerge');
        const merge = vMerge ? (wVal(vMerge) === 'restart' ? 'restart' : 'continue') : null;
        // A table nested in a cell is read into the cell, row by row.
        const paragraphs = this.blocks(tc, depth + 1).flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flatMap((row) => row.flatMap((cell) => cell.paragraphs))));
        // A span is at most Word's 63 columns: a cell spanning a billion would be a billion empty cells.
        cells.push({ paragraphs, span: Number.isFinite(span) && span > 0 ? Math.min(span, 63) : 1, merge });
      }
      rows.push(cells);
    }
    return { kind: 'table', rows };
  }
}

/** The body of a .docx, in reading order. Throws DocxError for what is not a Word document, or not one that can be a plan. */
export async function readDocx(data: Uint8Array): Promise<DocxBlock[]> {
  if (zipEntries(data, DOCX_LIMITS.entries) > DOCX_LIMITS.entries) {
    throw new DocxError(`the package holds more than ${DOCX_LIMITS.entries.toLocaleString('en')} files (a Word document holds a few dozen)`, { key: 'doc.docx-entries', vars: { max: DOCX_LIMITS.entries } });
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new DocxError(`not a Word .docx file (${oneLine(e instanceof Error ? e.message : String(e))})`, { key: 'doc.docx-not-zip', vars: { detail: oneLine(e instanceof Error ? e.message : String(e)) } });
  }
  const main = zip.file('word/document.xml') ? 'word/document.xml' : Object.keys(zip.files).find((f) => /^word\/document\d*\.xml$/.test(f));
  if (!main) throw new DocxError('not a Word .docx file: it has no word/document.xml', { key: 'doc.docx-no-document' });
  const budget = { left: DOCX_LIMITS.unpacked };
  // One part after the other: each takes from the budget as it is inflated.
  const doc = await part(zip, main, budget);
  const numberingDoc = await part(zip, 'word/numbering.xml', budget);
  const stylesDoc = await part(zip, 'word/styles.xml', budget);
  try {
    const styles = readStyles(stylesDoc);
    const numbering = new Numbering(numberingDoc?.documentElement ?? null, (id) => styles.numberingStyleNum(id));
    const body = wChild(doc!.documentElement, 'body');
    return new Reader(numbering, styles).blocks(body);
  } catch (e) {
    // A text run nested deeper than the stack goes (xmldom reads textContent recursively).
    if (e instanceof RangeError) throw tooDeep();
    throw e;
  }
}
