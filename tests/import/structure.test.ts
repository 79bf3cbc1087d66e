/**
 * How the importer reads a plan's structure, on small documents written for each case:
 * numbering, fields, duties, requests, cut-offs, markdown, page furniture, and the rule that
 * nothing it cannot place is dropped.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, importPlanText } from '../../src/core/import/index.js';
import { tokens } from '../../src/core/domain/canonical.js';
import { SEEDS, seedText } from './helpers.js';

const HEAD = 'KẾ HOẠCH\nTriển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện Nga Sơn\n\nThực hiện Kế hoạch số 172/KH-UBND ngày 26/6/2023 của UBND tỉnh Thanh Hóa, UBND huyện Nga Sơn ban hành Kế hoạch như sau:\n';
const plan = (body: string, head = HEAD) => importPlanText(`${head}\n${body}`);
const keys = (body: string): string[] => plan(body).plan.tasks.map((t) => t.key);

describe('numbering', () => {
  it('reads "a)" and "a." alike, with the Vietnamese letters (đ, no f)', () => {
    const parens = keys('II. NỘI DUNG\n1. Tuyên truyền\na) Hội nghị\nb) Báo chí\nđ) Tập huấn');
    const dots = keys('II. NỘI DUNG\n1. Tuyên truyền\na. Hội nghị\nb. Báo chí\nđ. Tập huấn');
    expect(parens).toEqual(['II.1.a', 'II.1.b', 'II.1.đ']);
    expect(dots).toEqual(parens);
  });

  it('keys a repeated letter apart and keeps the printed label', () => {
    const r = plan('II. NỘI DUNG\n1. Nhóm\nd) Một\nd) Hai');
    expect(r.plan.tasks.map((t) => [t.key, t.label])).toEqual([['II.1.d', undefined], ['II.1.d-2', 'II.1.d']]);
    expect(r.warnings.map((w) => w.message)).toContain('task number II.1.d is printed twice: keyed II.1.d-2');
  });

  it('numbers unnumbered "-" duties under a heading V.1-1, V.1-2 with label V.1, owned by the heading', () => {
    const r = plan('V. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ\n- Chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai Kế hoạch.\n- Tổng hợp khó khăn, vướng mắc.');
    expect(r.plan.tasks.map((t) => [t.key, t.label, t.lead, t.implement, t.coordinate])).toEqual([
      ['V.1-1', 'V.1', ['Phòng Nội vụ'], undefined, ['các cơ quan liên quan']],
      ['V.1-2', 'V.1', undefined, ['Phòng Nội vụ'], undefined],
    ]);
  });

  it('tells lettered fields of one task (Cần Thơ II.3) from lettered sub-tasks', () => {
    const r = plan('II. NỘI DUNG\n3. Trình Hội đồng nhân dân huyện ban hành Nghị quyết\na) Cơ quan chủ trì: Phòng Nội vụ.\nb) Cơ quan phối hợp: Phòng Tư pháp.\nc) Thời gian hoàn thành: Quý IV năm 2023.');
    expect(r.plan.tasks).toEqual([
      {
        key: 'II.3',
        title: 'Trình Hội đồng nhân dân huyện ban hành Nghị quyết',
        lead: ['Phòng Nội vụ'],
        coordinate: ['Phòng Tư pháp'],
        deadline: 'Quý IV năm 2023',
        deadlineKind: 'completion',
      },
    ]);
  });
});

describe('fields and duties', () => {
  it('reads "+" duties with their owners, and "Đề nghị" as a request', () => {
    const r = plan(
      'II. NỘI DUNG\n1. Tập huấn\n- Cơ quan thực hiện:\n+ Phòng Nội vụ tổ chức tập huấn cho cán bộ cấp xã.\n+ Đề nghị Liên đoàn Lao động huyện tổ chức tập huấn cho đoàn viên.\n+ Tổ chức tập huấn cho người lao động.\n- Thời gian thực hiện: Năm 2023 và các năm tiếp theo.',
    );
    expect(r.plan.tasks[0]!.duties).toEqual([
      { owner: 'Phòng Nội vụ', does: 'tổ chức tập huấn cho cán bộ cấp xã.' },
      { owner: 'Liên đoàn Lao động huyện', request: true, does: 'tổ chức tập huấn cho đoàn viên.' },
      { does: 'Tổ chức tập huấn cho người lao động.' },
    ]);
    expect(r.plan.tasks[0]!.deadlineKind).toBe('execution');
  });

  it('splits a duty written after the agencies in a field into details', () => {
    const t = plan('II. NỘI DUNG\n2. Rà soát văn bản\n- Cơ quan thực hiện: Phòng Tư pháp rà soát văn bản do HĐND huyện ban hành.').plan.tasks[0]!;
    expect([t.implement, t.details]).toEqual([['Phòng Tư pháp'], 'rà soát văn bản do HĐND huyện ban hành.']);
  });

  it('reads a deadline written inside an organisation duty', () => {
    const t = plan('III. TỔ CHỨC THỰC HIỆN\n2. Ủy ban nhân dân các xã xây dựng Kế hoạch. Hằng năm, trước ngày 10/11 hoặc đột xuất, báo cáo về Phòng Nội vụ.').plan.tasks[0]!;
    expect([t.implement, t.deadline]).toEqual([['Ủy ban nhân dân các xã'], 'Hằng năm, trước ngày 10/11 hoặc đột xuất']);
  });
});

describe('what cannot be placed is kept and reported', () => {
  it('an organisation item naming no agency becomes a note with a located warning', () => {
    const r = plan('III. TỔ CHỨC THỰC HIỆN\n1. Kinh phí được bố trí từ ngân sách nhà nước.\n2. Phòng Nội vụ tổng hợp, báo cáo.');
    expect(r.plan.tasks.map((t) => t.key)).toEqual(['III.2']);
    expect(r.warnings.filter((w) => w.message.startsWith('could not place'))).toEqual([
      { line: 7, message: expect.stringMatching(/^could not place III\.1 names no agency/), said: expect.objectContaining({ key: 'import.unplaced' }) },
    ]);
    expect(r.plan.note).toContain('Kinh phí được bố trí từ ngân sách nhà nước.');
  });

  it('a section that is not a task section is kept as a note', () => {
    const r = plan('II. THÀNH PHẦN THAM DỰ\n- Lãnh đạo Ủy ban nhân dân huyện.');
    expect(r.plan.tasks).toEqual([]);
    expect(r.plan.note).toMatch(/section II is not a task section.*Lãnh đạo Ủy ban nhân dân huyện/);
  });

  it.each(SEEDS)('%s: every word of sections II onwards reaches the YAML', (seed) => {
    const text = seedText(seed).normalize('NFC');
    const body = text.slice(text.search(/^\W*II\. /mu), text.search(/^\W*(Trên đây là|Nơi nhận)/mu) >>> 0 || undefined);
    const yaml = new Set(tokens(importPlanText(text).yaml));
    // Labels and markers become YAML structure; "Đề nghị" becomes request: true; head titles
    // ("Giám đốc Sở Nội vụ") name their agency.
    const structural = new Set(tokens('Cơ quan chủ trì thực hiện phối hợp Hình thức Nội dung Thời gian hoàn thành Đề nghị Giám đốc Chủ tịch'));
    const lost = [...new Set(tokens(body))].filter((w) => !yaml.has(w) && !structural.has(w) && !/^([a-zđ]|[ivx]+|\d)$/u.test(w));
    expect(lost).toEqual([]);
  });
});

describe('cut-offs, markdown and page furniture', () => {
  it('a "[...]" cut-off makes the plan partial up to the task it cuts, whose deadline is unknown', () => {
    const r = plan('II. NỘI DUNG\n1. Tuyên truyền\na) Hội nghị\n- Thời gian thực hiện: Quý III năm 2023.\nb) Tập huấn\n- Cơ quan chủ trì: Phòng Nội vụ.\n[...]\nc) Never read');
    expect(r.plan.completeness).toEqual({ status: 'partial', knownUntil: { task: 'II.1.b', note: expect.any(String) } });
    expect(r.plan.tasks.map((t) => [t.key, t.deadline])).toEqual([['II.1.a', 'Quý III năm 2023'], ['II.1.b', 'unknown']]);
    expect(r.summary.partial).toBe(true);
  });

  it('reads markdown headings and bold paragraphs wrapped over lines', () => {
    const r = plan('**II. NỘI DUNG**\n\n**1. Tổ chức rà soát các văn bản quy phạm\npháp luật hiện hành**\n\n- Cơ quan thực hiện: Phòng Tư pháp.\n\n### **III. TỔ CHỨC THỰC HIỆN**\n#### **1. Phòng Nội vụ**\nTổng hợp, báo cáo kết quả.');
    expect(r.plan.tasks.map((t) => [t.key, t.title, t.implement])).toEqual([
      ['II.1', 'Tổ chức rà soát các văn bản quy phạm pháp luật hiện hành', ['Phòng Tư pháp']],
      ['III.1', 'Tổng hợp, báo cáo kết quả.', ['Phòng Nội vụ']],
    ]);
  });

  it('drops page headers and numbers only where pages are marked (form feeds)', () => {
    const page = (n: number, body: string): string => `Huyện Nga Sơn - Kế hoạch THDCCS\n${body}\n${n}`;
    const text = [page(1, 'II. NỘI DUNG\n1. Tuyên truyền trên'), page(2, 'các phương tiện thông tin\n- Thời gian thực hiện: Thường xuyên.'), page(3, '2. Tập huấn')].join('\n\f');
    const r = plan(text);
    expect(r.plan.tasks.map((t) => [t.key, t.title])).toEqual([['II.1', 'Tuyên truyền trên các phương tiện thông tin'], ['II.2', 'Tập huấn']]);
    // Without form feeds a repeated short line may be a wrapped phrase: it is kept.
    expect(plan('II. NỘI DUNG\n1. Luật\nThực hiện dân chủ\n2. Luật\nThực hiện dân chủ\n3. Luật\nThực hiện dân chủ').plan.tasks.map((t) => t.title)).toEqual([
      'Luật Thực hiện dân chủ', 'Luật Thực hiện dân chủ', 'Luật Thực hiện dân chủ',
    ]);
  });
});

describe('the header', () => {
  it('reads number, place, a date with a blank day, an all-caps title and the issuer block', () => {
    const r = importPlanText(
      'ỦY BAN NHÂN DÂN\nTHỊ XÃ BỈM SƠN\nSố: 15/KH-UBND\nBỉm Sơn, ngày … tháng 11 năm 2023\nKẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ\nThực hiện Kế hoạch của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Thực hiện dân chủ ở cơ sở, UBND thị xã ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền',
    );
    const { number, place, issued, title, issuer, level } = r.plan;
    expect({ number, place, issued, title, issuer, level }).toEqual({
      number: '15/KH-UBND',
      place: 'Bỉm Sơn',
      issued: '2023-11',
      title: 'Triển khai thi hành Luật Thực hiện dân chủ ở cơ sở',
      issuer: 'Ủy ban nhân dân thị xã Bỉm Sơn',
      level: 'district',
    });
  });

  it('reads a department plan from its issuer block, and keeps citations basedOn cannot hold as notes', () => {
    const r = importPlanText(
      'UBND TỈNH THANH HÓA\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 12/KH-STTTT\nThanh Hóa, ngày 10 tháng 7 năm 2023\nKẾ HOẠCH\nTuyên truyền Luật Thực hiện dân chủ ở cơ sở\nThực hiện Công văn số 345/UBND-THKH ngày 01/7/2023 của UBND tỉnh, Sở Thông tin và Truyền thông ban hành Kế hoạch như sau:\nII. NỘI DUNG\n1. Tuyên truyền\n- Cơ quan thực hiện: Báo Thanh Hóa.',
    );
    expect([r.plan.id, r.plan.issuer, r.plan.level, r.plan.jurisdiction]).toEqual([
      'thanh-hoa-so-thong-tin-va-truyen-thong-12-2023',
      'Sở Thông tin và Truyền thông tỉnh Thanh Hóa',
      'department',
      'Thanh Hóa',
    ]);
    expect(r.plan.basedOn).toBeUndefined();
    expect(r.plan.note).toContain('Cites "Công văn số 345/UBND-THKH ngày 01/7/2023 của UBND tỉnh", which basedOn cannot hold');
    // The same block as a two-column PDF gives it, the motto interleaved.
    const pdfOrder = importPlanText(
      'UBND TỈNH THANH HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nTập huấn Luật Thực hiện dân chủ ở cơ sở\nII. NỘI DUNG\n1. Tập huấn',
    );
    expect(pdfOrder.plan.issuer).toBe('Sở Nội vụ tỉnh Thanh Hóa');
  });

  it('a text with no plan title is a located error', () => {
    expect(() => importPlanText('\n\nhello\nworld')).toThrow(ImportError);
    try {
      importPlanText('\n\nhello\nworld');
    } catch (e) {
      expect((e as ImportError).line).toBe(3);
    }
  });
});
