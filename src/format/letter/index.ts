/** The review letter's formats: Word (bytes), Markdown and HTML (text), each a rendering of one LetterModel. */
import type { LetterModel } from './model.js';

export const LETTER_FORMATS = ['docx', 'md', 'html'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** The format a file name asks for (its extension), or null. */
export function letterFormatOf(file: string): LetterFormat | null {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

export async function renderLetter(format: LetterFormat, letter: LetterModel): Promise<string | Uint8Array> {
  if (format === 'docx') return (await import('./docx.js')).letterDocx(letter);
  if (format === 'html') return (await import('./html.js')).letterHtml(letter);
  return (await import('./markdown.js')).letterMarkdown(letter);
}
