/**
 * The importer fuzzed (issue 16: no input that hangs or crashes it). Each case goes through the
 * import functions a user's document goes through, not the bin: its bytes decoded by their kind
 * (documentText: .txt in UTF-8 or UTF-16, .docx unpacked and parsed), then importPlanText. A case
 * passes when it gives a plan that is valid and loads back, or is refused with an ImportError or
 * a DocumentError whose message is one line; any other exception fails it, and so does a case
 * that takes longer than its time budget (a guard against hangs, not a measure of speed: the
 * importer's speed is measured by `npm run bench -- --import`).
 *
 * Inputs: any Unicode text (code points of every plane, lone surrogates too); lines made of what
 * plans are made of (Vietnamese headings, Roman numerals, numbered and lettered items, field
 * labels, dates, citations, page breaks, markdown) mixed with noise; one such line or piece
 * repeated thousands of times, on one line or many (the shapes that were quadratic); the seed
 * texts (../shared/seeds next to the repository when present, and tests/fixtures) mutated and
 * re-encoded; and Word files made from the seeds, mutated in their bytes and in their XML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, documentText, ImportError, importPlanText } from '../../src/core/import/index.js';
import { parsePlanText } from '../../src/core/load/parse-plan.js';
import { docxOf } from '../import/build-docs.js';
import { ROOT } from '../import/helpers.js';

/** A case's time budget: a hang guard, generous for a loaded machine (the cases run in a few ms to some 100 ms). */
const budget = (bytes: number): number => 5000 + bytes / 50;

/** The seed texts: the shared seeds when the repository sits next to them, and the fixtures (the same five). */
const SEED_DIRS = [join(ROOT, '../shared/seeds'), join(ROOT, 'tests/fixtures/seeds'), join(ROOT, 'tests/fixtures/import')];
const SEEDS: string[] = [
  ...new Set(SEED_DIRS.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => readFileSync(join(d, f), 'utf8')))),
];

/** What a case may end in: a plan that loads back, or a refusal of the importer's own, on one line. */
async function holds(name: string, input: string | Uint8Array): Promise<void> {
  const size = typeof input === 'string' ? input.length : input.length;
  const started = performance.now();
  try {
    const doc = typeof input === 'string' ? input : await documentText(name, input);
    const r = importPlanText(doc, { file: name });
    const loaded = parsePlanText('fuzz.yaml', r.yaml);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    for (const w of r.warnings) {
      expect(Number.isInteger(w.line) && w.line >= 1).toBe(true);
      expect(w.message, 'a warning on one line').not.toMatch(/[\r\n]/);
    }
  } catch (e) {
    if (!(e instanceof ImportError || e instanceof DocumentError)) throw new Error(`unexpected ${(e as Error)?.name ?? typeof e} on ${name}: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.message, 'a refusal on one line').not.toMatch(/[\r\n]/);
    expect(e.message.length).toBeGreaterThan(0);
  }
  const ms = performance.now() - started;
  expect(ms, `${name} (${size} bytes) took ${Math.round(ms)} ms: a hang?`).toBeLessThan(budget(size));
}

// ---------------------------------------------------------------------------------------
// What plans are made of.

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XIV', 'XIX', 'XXXIX', 'IIII', 'XXXXX'];
const HEADINGS = ['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'NHIỆM VỤ CỤ THỂ', 'TỔ CHỨC THỰC HIỆN', 'KINH PHÍ', 'TRÁCH NHIỆM', 'Nội dung', 'các nhiệm vụ'];
const LABELS = ['Cơ quan chủ trì', 'Cơ quan phối hợp', 'Đơn vị thực hiện', 'Thời gian thực hiện', 'Thời gian hoàn thành', 'Hình thức', 'Kinh phí', 'Sản phẩm', 'Ghi chú'];
const AGENCIES = ['Sở Nội vụ', 'Sở Tư pháp', 'UBND các huyện, thị xã, thành phố', 'Ủy ban Mặt trận Tổ quốc tỉnh', 'Giám đốc Sở Tài chính', 'Đài Phát thanh -', 'Truyền hình', 'các cơ quan, đơn vị'];
const PHRASES = [
  'KẾ HOẠCH', '**KẾ HOẠCH**', '# KẾ HOẠCH', 'ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA', 'UBND THỊ XÃ BỈM SƠN', 'SỞ NỘI VỤ', 'THỦ TƯỚNG CHÍNH PHỦ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 172/KH-UBND', 'Số:    /KH-UBND', 'Ngày ban hành: 26/06/2023',
  'Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa về việc triển khai', 'Thực hiện Kế hoạch của UBND tỉnh',
  'Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;', 'Luật Tổ chức chính quyền địa phương số 77/2015/QH13', 'Nghị định số 59/2023/NĐ-', 'CP',
  'Quyết định số 346/QĐ-TTg ngày 06/4/2023 ban hành Kế hoạch', 'UBND huyện ban hành Kế hoạch thực hiện như sau:', 'Đề nghị', 'giao', 'chủ trì, phối hợp với',
  'tổ chức tập huấn', 'Hằng năm, trước ngày 01/11 hoặc đột xuất', 'báo cáo năm gửi trước ngày 25 tháng 11', '(nếu có)', 'Quý III năm 2023', 'Thường xuyên',
  'Trên đây là Kế hoạch', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'PHỤ LỤC', 'Phụ lục II: Danh mục', 'STT', 'Nội dung công việc', '[...]', '[…]',
  '\f', '- 3 -', 'Trang 2/10', '-----', '**', '__', '\\-', '(', ')', '“', '”', ',', ';', ':', '.', '…', '\u0301', '\u00A0', '\u200B', '\uFEFF', '\t', '\v', '\u2028',
];

const date = fc
  .tuple(fc.constantFrom('Thanh Hóa', 'Hà Nội', 'Bỉm Sơn', 'thành phố', ''), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1890, max: 2100 }))
  .map(([place, d, m, y]) => `${place}, ngày ${d || '…'} tháng ${m} năm ${y}`);
const marked = fc.oneof(
  fc.tuple(fc.constantFrom(...ROMANS), fc.constantFrom('.', ')', ''), fc.constantFrom(...HEADINGS)).map(([r, p, h]) => `${r}${p} ${h}`),
  fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('.', ')'), fc.constantFrom(...AGENCIES, ...HEADINGS)).map(([n, p, t]) => `${n}${p} ${t}`),
  fc.tuple(fc.constantFrom(...'abcdđefghiklmnopqrstuvxyz'), fc.constantFrom('.', ')'), fc.constantFrom(...AGENCIES, ...PHRASES)).map(([l, p, t]) => `${l}${p} ${t}`),
  fc.tuple(fc.constantFrom('-', '+', '–', '•', '*', '- -', '- a)'), fc.constantFrom(...LABELS), fc.constantFrom(':', ' :', ''), fc.constantFrom(...AGENCIES, 'Quý IV năm 2024.', '')).map(
    ([b, l, c, v]) => `${b} ${l}${c} ${v}`,
  ),
);
const noise = fc.string({ unit: 'binary', maxLength: 24 });
const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PHRASES, ...AGENCIES) }, { weight: 3, arbitrary: marked }, { weight: 1, arbitrary: date }, { weight: 2, arbitrary: noise });
const line = fc.array(piece, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));
const EOLS = ['\n', '\r\n', '\n\n', '\r'] as const;

describe('the importer on generated text', () => {
  it('any Unicode text, every plane and lone surrogates: a plan or a one-line refusal, in time', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), (t) => holds('fuzz.txt', t)), { numRuns: 300 });
  });

  it('lines of headings, Roman numerals, items, labels, dates and noise', async () => {
    const doc = fc.tuple(fc.array(line, { maxLength: 120 }), fc.constantFrom(...EOLS)).map(([ls, eol]) => ls.join(eol));
    await fc.assert(fc.asyncProperty(doc, (t) => holds('fuzz.txt', t)), { numRuns: 300 });
  });

  it('a piece repeated thousands of times, on one line or on many (the shapes that were quadratic)', async () => {
    const head = fc.constantFrom('', 'KẾ HOẠCH\nTriển khai thi hành Luật\n', 'ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nKẾ HOẠCH\n', 'KẾ HOẠCH\nTriển khai\nII. NỘI DUNG\n1. Tổ chức\n');
    const repeated = fc
      .tuple(head, fc.oneof(piece, line), fc.constantFrom('\n', ' ', '', ', ', '\n- '), fc.integer({ min: 100, max: 4000 }), fc.oneof(fc.constant(''), line))
      .map(([h, unit, sep, n, tail]) => h + Array.from({ length: n }, () => unit).join(sep) + '\n' + tail);
    // No shrinking: a slow case shrunk is run hundreds of times.
    await fc.assert(fc.asyncProperty(repeated, (t) => holds('fuzz.txt', t)), { numRuns: 80, endOnFailure: true });
  });
});

// ---------------------------------------------------------------------------------------
// The seeds, mutated.

type Edit = ['insert' | 'delete' | 'repeat' | 'swapLines' | 'upper', number, number, string];
const edit: fc.Arbitrary<Edit> = fc.tuple(fc.constantFrom('insert', 'delete', 'repeat', 'swapLines', 'upper'), fc.nat(), fc.nat({ max: 400 }), fc.oneof(piece, noise));

function mutate(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const [op, at, len, s] of edits) {
    const i = t.length ? at % t.length : 0;
    if (op === 'insert') t = t.slice(0, i) + s + t.slice(i);
    else if (op === 'delete') t = t.slice(0, i) + t.slice(i + len);
    else if (op === 'repeat') t = t.slice(0, i + len) + t.slice(i, i + len).repeat(1 + (len % 20)) + t.slice(i + len);
    else if (op === 'upper') t = t.slice(0, i) + t.slice(i, i + len).toLocaleUpperCase('vi') + t.slice(i + len);
    else {
      const lines = t.split('\n');
      const k = at % Math.max(1, lines.length);
      const j = (k + 1 + len) % Math.max(1, lines.length);
      [lines[k], lines[j]] = [lines[j] ?? '', lines[k] ?? ''];
      t = lines.join('\n');
    }
  }
  return t;
}

const ENCODINGS = ['utf8', 'bom', 'utf16le', 'utf16be', 'nfd', 'crlf'] as const;

/** A text as a file's bytes: UTF-8 (with or without a BOM), UTF-16 with its BOM, NFD, CRLF. */
function encode(text: string, how: (typeof ENCODINGS)[number]): Uint8Array {
  if (how === 'utf16le') return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  if (how === 'utf16be') return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  const t = how === 'nfd' ? text.normalize('NFD') : how === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
  return new Uint8Array(Buffer.from(how === 'bom' ? `\uFEFF${t}` : t, 'utf8'));
}

describe('the seeds, mutated', () => {
  it(`finds the seeds (${SEEDS.length})`, () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(5);
  });

  it('text edits (insertions, deletions, repeats, swapped lines, capitals) in every encoding', async () => {
    const arb = fc.tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(edit, { maxLength: 10 }), fc.constantFrom(...ENCODINGS), fc.constantFrom('fuzz.txt', 'fuzz.md'));
    await fc.assert(
      fc.asyncProperty(arb, ([i, edits, how, name]) => holds(name, encode(mutate(SEEDS[i]!, edits), how))),
      { numRuns: 150 },
    );
  });

  it('bytes changed and cut (invalid UTF-8, NUL and all)', async () => {
    const arb = fc.tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }), fc.option(fc.nat()));
    await fc.assert(
      fc.asyncProperty(arb, ([i, flips, cut]) => {
        const bytes = Buffer.from(SEEDS[i]!, 'utf8');
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        const cutAt = cut === null ? bytes.length : cut % (bytes.length + 1);
        return holds('fuzz.txt', new Uint8Array(bytes.subarray(0, cutAt)));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Word files made from the seeds, mutated.

describe('Word files, mutated', () => {
  const docs: Uint8Array[] = [];
  beforeAll(async () => {
    for (const seed of SEEDS.slice(0, 5)) docs.push(await docxOf(seed.split('\n').filter((l) => l.trim())));
  }, 60_000);

  it('bytes flipped or cut: a plan or a one-line refusal', async () => {
    const arb = fc.tuple(fc.nat({ max: 4 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat()));
    await fc.assert(
      fc.asyncProperty(arb, ([i, flips, cut]) => {
        const bytes = new Uint8Array(docs[i % docs.length]!);
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        return holds('fuzz.docx', cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
      }),
      { numRuns: 60 },
    );
  });

  it('the XML of the body edited (markup, entities, a DTD, repeats): a plan or a one-line refusal', async () => {
    const markup = fc.constantFrom(
      '<w:p>', '</w:p>', '<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>', '<w:r><w:t xml:space="preserve"> II. NỘI DUNG </w:t></w:r>', '<w:br/>', '<w:tab/>',
      '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', '&amp;', '&lt;', '&bogus;', '&#0;', '&#x1F600;', '<![CDATA[x]]>', '<!-- c -->',
      '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>', '<?xml version="1.0"?>', '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
    );
    const xmlEdit = fc.tuple(fc.nat(), fc.oneof(markup, piece), fc.integer({ min: 1, max: 300 }));
    const arb = fc.tuple(fc.nat({ max: 4 }), fc.array(xmlEdit, { minLength: 1, maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([i, edits]) => {
        const zip = await JSZip.loadAsync(docs[i % docs.length]!);
        let xml = await zip.file('word/document.xml')!.async('string');
        for (const [at, s, times] of edits) {
          const k = at % (xml.length + 1);
          xml = xml.slice(0, k) + s.repeat(times) + xml.slice(k);
        }
        zip.file('word/document.xml', xml);
        return holds('fuzz.docx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      }),
      { numRuns: 60 },
    );
  });
});
