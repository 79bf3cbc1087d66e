/**
 * Where a finding on a plan read from a document points in that document: the page (PDFs) and
 * the document's own numbering of the task ("mục II.1.a"), in the reader's language. Added by
 * the check command after the check, since the wording is the reader's.
 */
import { term, type Lang } from '../format/messages.js';
import type { Finding, Report } from '../core/model/finding.js';
import type { LoadedPlan } from '../core/load/parse-plan.js';
import type { DocumentSource } from '../core/load/document-plan.js';

/** The document's own numbering of a task ("mục II.1.a"), in the report's language. */
export function documentLocation(label: string, lang: Lang): string {
  return `${term('document-item', lang)} ${label}`;
}

/**
 * Findings about plans read from documents, with `data.page` (PDFs: the page of the finding's
 * paragraph) and `data.location` (the task's number as the document prints it) added.
 */
export function locateInDocuments(report: Report, plans: ReadonlyMap<string, LoadedPlan>, documents: ReadonlyMap<string, DocumentSource>, lang: Lang): Report {
  if (!documents.size) return report;
  // Each document plan's tasks by key, made once (a search per finding was quadratic in a long plan).
  const byKey = new Map<string, Map<string, LoadedPlan['plan']['tasks'][number]>>();
  const taskOf = (plan: string, key: string): LoadedPlan['plan']['tasks'][number] | undefined => {
    let keys = byKey.get(plan);
    if (!keys) {
      keys = new Map();
      for (const t of plans.get(plan)?.plan.tasks ?? []) if (!keys.has(t.key)) keys.set(t.key, t);
      byKey.set(plan, keys);
    }
    return keys.get(key);
  };
  const findings = report.findings.map((f): Finding => {
    const doc = documents.get(f.plan);
    if (!doc || f.file !== doc.file) return f;
    const task = f.task === null ? undefined : taskOf(f.plan, f.task);
    const page = doc.pages && f.line !== null ? doc.pages[f.line - 1] : undefined;
    if (page === undefined && !task) return f;
    return { ...f, data: { ...f.data, ...(page !== undefined ? { page } : {}), ...(task ? { location: documentLocation(task.label ?? task.key, lang) } : {}) } };
  });
  return { ...report, findings };
}
