/**
 * Canonical Vietnamese text. NFC alone is not enough: the seeds mix the two
 * tone-placement conventions ("hoá"/"hóa", "Uỷ"/"Ủy") and seed 002 starts with
 * a decomposed character. Everything that compares text goes through here.
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const SYLLABLE = /[\p{L}\p{M}]+/gu;
// In an open syllable ending in oa/oe/uy (not after q: "quý" keeps the tone on y)
// the canonical form carries the tone on the first vowel of the pair: "hóa", "ủy".
const OPEN_PAIR = /(^|[^q])(oa|oe|uy)$/i;

function placeTone(syllable: string): string {
  const nfd = syllable.normalize('NFD');
  let tone = '';
  let bare = '';
  for (const ch of nfd) {
    if (TONES.has(ch)) tone = ch;
    else bare += ch;
  }
  if (!tone) return syllable;
  const m = OPEN_PAIR.exec(bare);
  if (!m) return syllable;
  const at = m.index + m[1]!.length + 1; // right after the first vowel of the pair
  return (bare.slice(0, at) + tone + bare.slice(at)).normalize('NFC');
}

/** NFC, canonical tone placement, unified dashes and quotes, single spaces, trimmed. */
export function canonical(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    // Left behind by PDF extraction: soft hyphens and zero-width characters.
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    // Legacy encodings (VNI/TCVN conversions) write Đ/đ with the Icelandic eth.
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ')
    .replace(SYLLABLE, placeTone)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Canonical and lower-cased: the key used to compare names and phrases. */
export function foldKey(text: string): string {
  return canonical(text).toLowerCase();
}

/** Lower-cased canonical word tokens (letters and digits), punctuation dropped. */
export function tokens(text: string): string[] {
  return foldKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
