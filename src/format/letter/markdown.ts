/**
 * The letter as Markdown: the two-column header (issuing body | Quốc hiệu and Tiêu ngữ; number |
 * place and date; trích yếu) and the signature block as tables, the body as paragraphs and "-" items. Every
 * piece of text goes through `md` (plan text is untrusted); only the layout's own markup is raw.
 */
import { md } from '../escape.js';
import { bodyBlocks } from './blocks.js';
import type { LetterModel } from './model.js';

const cell = (lines: readonly string[]): string => lines.join('<br>');

export function letterMarkdown(letter: LetterModel): string {
  const left = [...(letter.superior ? [md(letter.superior)] : []), `**${md(letter.issuer)}**`];
  const right = [`**${md(letter.nation)}**`, `**${md(letter.motto)}**`];
  const out: string[] = [
    `| ${cell(left)} | ${cell(right)} |`,
    '|:---:|:---:|',
    `| ${md(letter.number)} | *${md(letter.placeDate)}* |`,
    `| ${md(letter.subject)} | |`,
    '',
    md(letter.salutation),
    '',
  ];
  for (const b of bodyBlocks(letter)) {
    if (b.kind === 'item') {
      out.push(`- ${md(b.text)}`);
      continue;
    }
    if (out[out.length - 1]?.startsWith('- ')) out.push('');
    out.push(b.kind === 'para' ? md(b.text) : `**${md(b.text)}**`, '');
  }
  const recipients = [`***${md(letter.recipientsHeading)}***`, ...letter.recipients.map((r) => `\\- ${md(r)}`)];
  const signature = [...letter.signatureTitle.map((t) => `**${md(t)}**`), '', '', '', `**${md(letter.signer)}**`];
  out.push('| | |', '|:---|:---:|', `| ${cell(recipients)} | ${cell(signature)} |`, '');
  return out.join('\n');
}
