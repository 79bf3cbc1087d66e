/**
 * The draft document as Markdown: one paragraph per block, the issuer block, KẾ HOẠCH and the
 * Roman sections in bold, fields and duties as the list lines they are in a plan ("- …", "+ …").
 * `kehoach import` reads it back as it reads the .docx (markdown's bold and escapes are removed).
 */
import type { Block } from './document.js';

const BOLD: ReadonlySet<Block['kind']> = new Set(['issuer', 'motto', 'doctype', 'title', 'section', 'signature']);

export function draftMarkdown(blocks: readonly Block[]): string {
  return blocks.map((b) => (BOLD.has(b.kind) ? `**${b.text}**` : b.text)).join('\n\n') + '\n';
}
