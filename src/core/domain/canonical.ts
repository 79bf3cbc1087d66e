/**
 * Canonical Vietnamese text. NFC alone is not enough: the seeds mix the two
 * tone-placement conventions ("hoá"/"hóa", "Uỷ"/"Ủy") and seed 002 starts with
 * a decomposed character. Everything that compares text goes through here.
 */

// In an open syllable ending in oa/oe/uy (not after q: "quý" keeps the tone on y) the
// canonical form carries the tone on the first vowel of the pair: "hoá" → "hóa", "Uỷ" → "Ủy".
// Only the other placement (tone on the last vowel, at the end of a syllable) needs moving,
// so one regular expression over the NFC text finds every case without splitting syllables.
const LAST_VOWEL_TONED = /(?<![qQ])([oOuU])([áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ])(?![\p{L}\p{M}])/gu;
const PAIRS = /^(?:[oO][aeAE]|[uU][yY])$/;

function moveTone(whole: string, first: string, toned: string): string {
  const [base, ...marks] = toned.normalize('NFD');
  if (!PAIRS.test(first + base)) return whole;
  return (first + marks.join('')).normalize('NFC') + base;
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
    .replace(LAST_VOWEL_TONED, moveTone)
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
