/**
 * The letter as one self-contained HTML page laid out like the printed công văn (Nghị định
 * 30/2020/NĐ-CP): A4, margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman 14 pt,
 * the two-column header and signature tables without borders. Inline CSS, no script, nothing
 * fetched; every piece of text escaped (plan text is untrusted).
 */
import { html } from '../escape.js';
import { htmlDocument } from '../html-page.js';
import { bodyBlocks } from './blocks.js';
import type { LetterModel } from './model.js';

const CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 14pt; line-height: 1.3;
  color: #000; max-width: 165mm; margin: 1.5rem auto; }
@media print { body { max-width: none; margin: 0; } }
table.frame { width: 100%; border-collapse: collapse; }
table.frame td { vertical-align: top; padding: 0; }
table.frame p { margin: 0; }
table.frame p.subject { margin-top: 3pt; }
.head-left { width: 40%; text-align: center; font-size: 13pt; }
.head-right { width: 60%; text-align: center; }
.superior { text-transform: none; }
.issuer, .nation, .motto { font-weight: bold; }
.nation { font-size: 12.5pt; }
.rule { width: 35%; margin: 2pt auto 6pt; border: 0; border-top: 1px solid #000; }
.motto-rule { width: 60%; }
.number { font-size: 13pt; }
.subject { font-size: 12pt; margin: 2pt 0 0; }
.place-date { font-style: italic; }
.salutation { text-align: center; margin: 18pt 0 12pt; }
p.para, p.item, p.section, p.group { text-align: justify; margin: 0 0 6pt; text-indent: 1cm; }
p.section, p.group { font-weight: bold; }
.foot-left { width: 50%; font-size: 11pt; }
.foot-right { width: 50%; text-align: center; font-weight: bold; }
.recipients-heading { font-style: italic; font-weight: bold; font-size: 12pt; }
.foot-left p, .foot-right p { margin: 0; }
.signature-space { height: 3.5em; }
table.foot { margin-top: 12pt; }`;

export function letterHtml(letter: LetterModel): string {
  const p = (cls: string, text: string): string => `<p class="${cls}">${html(text)}</p>`;
  const body = bodyBlocks(letter).map((b) => p(b.kind, b.kind === 'item' ? `- ${b.text}` : b.text));
  return htmlDocument(
    letter.lang,
    letter.subject,
    CSS,
    `<table class="frame head">
<tr><td class="head-left">
${letter.superior ? `${p('superior', letter.superior)}\n` : ''}${p('issuer', letter.issuer)}
<hr class="rule">
</td><td class="head-right">
${p('nation', letter.nation)}
${p('motto', letter.motto)}
<hr class="rule motto-rule">
</td></tr>
<tr><td class="head-left">${p('number', letter.number)}</td><td class="head-right">${p('place-date', letter.placeDate)}</td></tr>
<tr><td class="head-left">${p('subject', letter.subject)}</td><td></td></tr>
</table>
${p('salutation', letter.salutation)}
${body.join('\n')}
<table class="frame foot"><tr>
<td class="foot-left">
${p('recipients-heading', letter.recipientsHeading)}
${letter.recipients.map((r) => p('recipient', `- ${r}`)).join('\n')}
</td>
<td class="foot-right">
${letter.signatureTitle.map((t) => p('signature-title', t)).join('\n')}
<div class="signature-space"></div>
${p('signer', letter.signer)}
</td>
</tr></table>`,
  );
}
