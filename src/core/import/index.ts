/**
 * The importer's API, pure: a document's bytes → its text (documentText), the text → a plan,
 * its YAML, located warnings and a summary (importPlanText), and why an imported plan cannot be
 * checked as it stands (importRefusals). Reading files is the application layer's
 * (src/app/source/documents.ts); the `import` command is src/cli/commands/import.ts.
 */
import type { Said } from '../load/errors.js';
import type { ImportResult } from './importer.js';

/** Why an imported plan cannot be checked: English text and the same said as data. */
export interface Refusal {
  message: string;
  said: Said;
}

export { ImportError, importPlanText } from './importer.js';
export type { ImportOptions, ImportResult, ImportSummary, ImportWarning } from './importer.js';
export { checkDocumentType, DocumentError, documentText, SUPPORTED, type DocumentText } from './read.js';
export { simpleSplit, type AgencySplitter } from './split.js';
export type { ParentResolution } from './resolve.js';

/**
 * Why an imported plan cannot be checked as it stands: no task read, or no parent plan for a
 * plan below national level that does not rest on legal bases alone. The YAML is still
 * written (a reviewer can complete it), but the import fails so that a script notices.
 */
export function importRefusals(result: ImportResult): Refusal[] {
  const out: Refusal[] = [];
  const { summary, plan } = result;
  const unread = summary.tables.filter((t) => !t.read).map((t) => t.line);
  if (unread.length) {
    out.push({
      message: `the tasks in the table at line ${unread.join(', ')} were not read (a table's rows cannot be read from a PDF or plain text): import the Word (.docx) file of the plan (exit 1)`,
      said: { key: 'import.refuse.table', vars: { lines: unread.join(', ') } },
    });
  }
  if (summary.tasks === 0) out.push({ message: 'no task was read from the document: the plan would be checked against nothing (exit 1)', said: { key: 'import.refuse.no-tasks' } });
  const how = summary.parent.how;
  const hasParent = how === 'explicit' || summary.parent.id !== undefined || how === 'legal-bases-only';
  if (plan.level !== 'national' && !hasParent) {
    out.push(
      how === 'none'
        ? { message: 'no parent plan is cited: set it with --parent <id> (exit 1)', said: { key: 'import.refuse.no-parent' } }
        : { message: `the parent plan was not found (${how}): set it with --parent <id> or pass --plans with the parent (exit 1)`, said: { key: 'import.refuse.parent-not-found', vars: { how } } },
    );
  }
  return out;
}
