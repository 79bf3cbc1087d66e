/**
 * The draft document as a Word file (the docx package): one paragraph per block, set as plan
 * documents are (Times New Roman 14 pt, the issuer block and title centred, headings bold, the
 * numbering typed in the text so that it survives any editing). Pure: blocks in, bytes out.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Block } from './document.js';

const CENTRED: ReadonlySet<Block['kind']> = new Set(['issuer', 'motto', 'number', 'doctype', 'title', 'signature']);
const BOLD: ReadonlySet<Block['kind']> = new Set(['issuer', 'motto', 'doctype', 'title', 'section', 'signature']);
const RIGHT: ReadonlySet<Block['kind']> = new Set(['date']);

function paragraph(b: Block): Paragraph {
  const alignment = CENTRED.has(b.kind) ? AlignmentType.CENTER : RIGHT.has(b.kind) ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    spacing: { after: 120 },
    ...(b.kind === 'body' || b.kind === 'preamble' || b.kind === 'field' || b.kind === 'bullet' || b.kind === 'item' || b.kind === 'closing' ? { indent: { firstLine: 567 } } : {}),
    children: [new TextRun({ text: b.text, bold: BOLD.has(b.kind), italics: b.kind === 'date' || b.kind === 'recipients' && b.text === 'Nơi nhận:', font: 'Times New Roman', size: b.kind === 'recipients' ? 24 : 28 })],
  });
}

export async function draftDocx(blocks: readonly Block[], title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'kehoach scaffold',
    title,
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: blocks.map(paragraph) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
