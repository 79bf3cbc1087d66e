/**
 * The letter as a Word document (the `docx` package), in the form of Nghị định 30/2020/NĐ-CP:
 * A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman, named as
 * the document's default font and on every run, body 14 pt; a borderless two-column table for the
 * header (issuing body | Quốc hiệu and Tiêu ngữ; number | place and date; trích yếu) with the short
 * rules under the issuing body and the Tiêu ngữ, and another for "Nơi nhận" and the signature. Plan text is
 * written as text runs: nothing in it is markup.
 */
import type { LetterModel } from './model.js';
import { bodyBlocks } from './blocks.js';
import { terminalText } from '../escape.js';

/** Plan text as a run's text: one line, control characters (which XML cannot carry) shown escaped, as in every format. */
const runText = (s: string): string => terminalText(s.replace(/[\r\n\t]+/g, ' '));

/** Twips per millimetre (1 mm = 56.7 twips). */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const LETTER_FONT = 'Times New Roman';
/** Font sizes in half-points. */
const PT = (n: number): number => n * 2;

export async function letterDocx(letter: LetterModel): Promise<Uint8Array> {
  const d = await import('docx');
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } = d;
  const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
  const cellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

  interface Run {
    text: string;
    bold?: boolean;
    italics?: boolean;
    size?: number;
  }
  const para = (runs: Run | Run[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number } = {}): InstanceType<typeof Paragraph> =>
    new Paragraph({
      alignment: o.align ?? AlignmentType.JUSTIFIED,
      spacing: { before: o.before ?? 0, after: o.after ?? 0 },
      ...(o.indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
      children: (Array.isArray(runs) ? runs : [runs]).map((r) => new TextRun({ text: runText(r.text), font: LETTER_FONT, bold: r.bold ?? false, italics: r.italics ?? false, size: r.size ?? PT(14) })),
    });
  /** A short centred rule: an empty paragraph's bottom border, narrowed by indents. */
  const rule = (cellWidth: number, length: number): InstanceType<typeof Paragraph> =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120, line: 120 },
      indent: { left: Math.round((cellWidth - length) / 2), right: Math.round((cellWidth - length) / 2) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [new TextRun({ text: '', font: LETTER_FONT, size: PT(4) })],
    });
  const C = AlignmentType.CENTER;
  type Cell = InstanceType<typeof Paragraph>[];
  const table = (widths: [number, number], rows: [Cell, Cell][]): InstanceType<typeof Table> =>
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: widths[0] + widths[1], type: WidthType.DXA },
      columnWidths: widths,
      borders: noBorders,
      rows: rows.map(
        (cells) =>
          new TableRow({
            // A cell must end with a paragraph: an empty cell holds an empty one.
            children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: cellBorders, children: children.length ? children : [para({ text: '' })] })),
          }),
      ),
    });

  // Header, as the decree's templates lay it out: issuing body | Quốc hiệu and Tiêu ngữ (each with
  // its short rule), then number | place and date, then the trích yếu under the number. The left
  // column is about 38% of the line, the right the rest (the Quốc hiệu fits one line at 12.5 pt).
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;
  const header = table(
    [left, right],
    [
      [
        [
          ...(letter.superior ? [para({ text: letter.superior, size: PT(13) }, { align: C })] : []),
          para({ text: letter.issuer, bold: true, size: PT(13) }, { align: C }),
          rule(left, Math.round(left * 0.35)),
        ],
        [para({ text: letter.nation, bold: true, size: 25 }, { align: C }), para({ text: letter.motto, bold: true, size: PT(14) }, { align: C }), rule(right, Math.round(right * 0.58))],
      ],
      [[para({ text: letter.number, size: PT(13) }, { align: C })], [para({ text: letter.placeDate, italics: true, size: PT(14) }, { align: C })]],
      [[para({ text: letter.subject, size: PT(12) }, { align: C, before: 60 })], []],
    ],
  );

  const body = bodyBlocks(letter).map((b) => {
    switch (b.kind) {
      case 'section':
      case 'group':
        return para({ text: b.text, bold: true }, { indent: true, after: 120 });
      case 'item':
        return para({ text: `- ${b.text}` }, { indent: true, after: 120 });
      default:
        return para({ text: b.text }, { indent: true, after: 120 });
    }
  });

  const half = Math.round(TEXT_WIDTH / 2);
  const footer = table(
    [half, TEXT_WIDTH - half],
    [[
      [para({ text: letter.recipientsHeading, bold: true, italics: true, size: PT(12) }, { align: AlignmentType.LEFT }), ...letter.recipients.map((r) => para({ text: `- ${r}`, size: PT(11) }, { align: AlignmentType.LEFT }))],
      [
        ...letter.signatureTitle.map((t) => para({ text: t, bold: true, size: PT(14) }, { align: C })),
        ...[0, 1, 2, 3].map(() => para({ text: '' }, { align: C })),
        para({ text: letter.signer, bold: true, size: PT(14) }, { align: C }),
      ],
    ]],
  );

  const doc = new Document({
    creator: 'kehoach',
    title: letter.subject,
    styles: { default: { document: { run: { font: LETTER_FONT, size: PT(14) } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM), gutter: 0 } } },
        children: [header, para({ text: letter.salutation }, { align: C, before: 360, after: 240 }), ...body, para({ text: '' }), footer],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
