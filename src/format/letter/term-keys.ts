/**
 * The terms of the review letter (`kehoach letter`), in rules/messages.yaml under `terms` with the
 * prefix `letter.`: listed here, and spread into TERM_KEYS (src/format/terms.ts), so that a missing
 * or misspelt key fails at load and in the type checker. This file imports nothing (terms.ts
 * imports it).
 */
export const LETTER_TERM_KEYS = [
  'letter.nation', 'letter.motto', 'letter.number', 'letter.placeDate', 'letter.subject', 'letter.subject.noIssuer',
  'letter.subject.plan', 'letter.to', 'letter.kind.plan', 'letter.kind.decision', 'letter.ref.bare', 'letter.ref.numbered', 'letter.ref.issuer',
  'letter.ref.title', 'letter.full.day', 'letter.full.month', 'letter.full.year', 'letter.full.issuer', 'letter.full.about',
  'letter.full.title', 'letter.full.noNumberDate', 'letter.full.noNumber', 'letter.full.noDate', 'letter.opening', 'letter.and', 'letter.or',
  'letter.section.parent', 'letter.section.plan', 'letter.group.missing', 'letter.group.deadline', 'letter.group.agency',
  'letter.group.reporting', 'letter.group.other', 'letter.group.unchecked', 'letter.consistent', 'letter.num.part',
  'letter.num.item', 'letter.num.point', 'letter.num.parts', 'letter.num.items', 'letter.num.points', 'letter.num.of',
  'letter.task', 'letter.cite', 'letter.cite.task', 'letter.deadline.execution', 'letter.deadline.completion',
  'letter.role.lead', 'letter.role.implement', 'letter.missing', 'letter.missing.noDeadline', 'letter.late', 'letter.weakened',
  'letter.misassigned', 'letter.misassigned.direct', 'letter.misassigned.noExpected', 'letter.wrongLevel', 'letter.independent', 'letter.reporting',
  'letter.ownReport', 'letter.issuedBefore', 'letter.duplicate', 'letter.unreadable', 'letter.implausible', 'letter.partial',
  'letter.partial.noItems', 'letter.partial.noWhere', 'letter.partial.none', 'letter.reconstructed',
  'letter.reconstructed.noItems', 'letter.closing.comments', 'letter.closing.consistent', 'letter.recipients', 'letter.asAbove',
  'letter.archive', 'letter.refused', 'letter.docxStdout', 'letter.unknownFormat', 'letter.omitted',
] as const;
