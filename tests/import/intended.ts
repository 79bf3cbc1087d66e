/** Differences between a seed's import and its curated plan that are intended, shared by the import tests. */
/**
 * Intended differences, by seed. All four come from the agency splitter (src/core/domain/agencies.ts),
 * which makes one entry per agency where the transcriber kept a written grouping as one entry.
 */
export const INTENDED: Record<string, { task: string; field: string; why: string }[]> = {
  '000_25e4ce0a9e6b60bb.txt': [
    {
      task: 'II.1.e',
      field: 'implement',
      why: 'the transcriber kept "các sở, ban, ngành, các đơn vị sự nghiệp công lập thuộc UBND cấp tỉnh" and two other comma pairs as one entry each; the splitter gives one entry per agency',
    },
  ],
  '001_29320d86a44961ce.txt': [
    {
      task: 'II.1.a',
      field: 'coordinate',
      why: '"Thường trực Hội đồng nhân dân và Ủy ban nhân dân cấp huyện" is one entry in the transcription; the splitter reads two bodies joined by "và"',
    },
    {
      task: 'II.4',
      field: 'lead',
      why: 'the transcription keeps the ambiguous "Cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố và Ủy ban nhân dân cấp huyện" as one entry (see its note); the splitter splits at "và"',
    },
    {
      task: 'III.2',
      field: 'implement',
      why: '"cơ quan, tổ chức có liên quan và địa phương được phân công …" is one entry in the transcription; the splitter splits at "và"',
    },
  ],
  '002_e36d209b1b3f8de2.txt': [],
  '003_47e455f0bbe2ddc3.txt': [],
  '004_9c70a196d409041a.txt': [],
};

