/**
 * Arbitrary text never crashes the importer: it returns YAML that loads as a valid plan, or
 * throws an ImportError that names a line. Three generators: any Unicode text, text built
 * from the pieces plans are made of (markers, labels, agency names, dates), and the seeds
 * mangled (lines dropped, repeated, swapped, cut).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importPlanText } from '../../src/core/import/index.js';
import { parsePlanText } from '../../src/core/load/parse-plan.js';
import { Plan } from '../../src/core/model/plan.js';
import { SEEDS, seedText } from './helpers.js';

function holds(text: string): void {
  let r;
  try {
    r = importPlanText(text, { file: 'fuzz.txt' });
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect(Number.isInteger((e as ImportError).line) && (e as ImportError).line >= 1).toBe(true);
    return;
  }
  expect(Plan.safeParse(r.plan).success).toBe(true);
  const loaded = parsePlanText('fuzz.yaml', r.yaml);
  expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  for (const w of r.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
}

const PIECES = [
  'KẾ HOẠCH', '**KẾ HOẠCH**', 'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở', 'trên địa bàn tỉnh Thái Nguyên',
  'ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA', 'HUYỆN ', 'Số: 12/KH-UBND', 'Số:   /KH-UBND', 'Hà Nội, ngày 1 tháng 13 năm 2023',
  'Hòa Bình, ngày … tháng 11 năm 2023', 'Thực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa',
  'Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023', 'Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022, Nghị định số 59/2023/NĐ-',
  'CP ngày 14/8/2023', 'UBND huyện ban hành Kế hoạch', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN',
  'IV. KINH PHÍ', 'V. THÀNH PHẦN', '1. Sở Nội vụ', '2.', 'a)', 'a) Tổ chức Hội nghị', 'đ. Ban hành Quy chế', 'd) Cơ quan chủ trì: Sở Nội vụ.',
  '- Cơ quan chủ trì:', '- Cơ quan thực hiện : Phòng Nội vụ', '- Cơ quan phối hợp: Sở Tư pháp (cơ quan, đơn vị), các sở, ban, ngành;',
  '- Thời gian thực hiện: Quý III năm 2023.', '- Thời gian hoàn thành:', 'Thời gian: 01 buổi', '+ Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tổ chức',
  '+', '-', '- + Sở Nội vụ phối hợp với', 'Đề nghị', 'chủ trì, phối hợp với các cơ quan tổ chức triển khai',
  'Hằng năm, trước ngày 01/11 hoặc đột xuất', 'trước ngày 15/11/2023 (nếu có)', '[...]', '[…]', 'Trên đây là Kế hoạch', 'Nơi nhận:',
  '# ', '## 3. Các sở, ban, ngành', '**', '\f', '- 3 -', 'Trang 2', '7', '', '   ', '\t', ':', ';', '(', ')', 'ü', '\u0301', '\uFEFF',
];

describe('importPlanText on arbitrary input', () => {
  it('any Unicode text: YAML or a located error', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), holds), { numRuns: 300 });
  });

  it('text made of plan pieces: YAML or a located error', () => {
    const line = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 }));
    const doc = fc.array(fc.array(line, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(' ')), { maxLength: 60 });
    fc.assert(fc.property(doc, fc.constantFrom('\n', '\r\n', '\n\n'), (lines, eol) => holds(lines.join(eol))), { numRuns: 400 });
  });

  it('the seeds mangled: YAML or a located error', () => {
    const seeds = SEEDS.map(seedText);
    const mangled = fc
      .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.tuple(fc.constantFrom('drop', 'repeat', 'swap', 'cut'), fc.nat()), { maxLength: 12 }))
      .map(([i, edits]) => {
        let lines = seeds[i]!.split('\n');
        for (const [op, n] of edits) {
          const k = n % Math.max(1, lines.length);
          if (op === 'drop') lines.splice(k, 1);
          else if (op === 'repeat') lines.splice(k, 0, lines[k] ?? '');
          else if (op === 'swap') [lines[k], lines[(k + 1) % lines.length]] = [lines[(k + 1) % lines.length] ?? '', lines[k] ?? ''];
          else lines = lines.slice(0, k);
        }
        return lines.join('\n');
      });
    fc.assert(fc.property(mangled, holds), { numRuns: 200 });
  });

  it('is deterministic', () => {
    for (const seed of SEEDS) expect(importPlanText(seedText(seed)).yaml).toBe(importPlanText(seedText(seed)).yaml);
  });
});
