/**
 * Escaping of plan text for Markdown and HTML. Plan text is untrusted (a draft may carry
 * "<script>" or '"><img onerror=…>' in a title): every piece of it goes through one of
 * these, and only the formatters' own markup is written raw.
 */
import { clean } from './width.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function html(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Text for Markdown, inline or inside a table cell: HTML-significant characters become
 * entities (Markdown renders raw HTML), Markdown punctuation is backslash-escaped, and
 * line breaks become spaces (a newline would end a table row).
 */
export function md(s: string): string {
  return clean(s.replace(/[\r\n]+/g, ' '))
    .replace(/[&<>"]/g, (c) => HTML[c]!)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+#=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
