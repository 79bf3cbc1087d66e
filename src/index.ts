/** Library entry: the core works on plain data (texts in, findings out). */
import { useDiskTables } from './app/tables.js';

// The library reads the shipped domain tables from the package (provideTables replaces them).
useDiskTables();
export { provideTables, type TableSource, type TableName, type RawTable } from './core/table-source.js';
export * from './core/model/plan.js';
export * from './core/model/finding.js';
export { parsePlanText, type LoadedPlan } from './core/load/parse-plan.js';
export { buildCorpus, linkPlans, type Corpus, type SourceFile } from './core/load/corpus.js';
export { formatLoadError, type LoadError } from './core/load/errors.js';
export * from './core/graph/derivation.js';
export { canonical, foldKey, tokens } from './core/domain/canonical.js';
export { loadCorpusFromPaths } from './app/source/load.js';
// The check and its rendering: plain data in, a report out; prose only when a format renders it.
export { checkCorpus, type CheckOptions } from './core/check/engine.js';
export { defaultConfig, mergeConfig, type CheckConfig, type UserConfig } from './core/check/config.js';
export { messageOf, type Lang } from './format/messages.js';
export { formatReport, REPORT_FORMATS, type ReportFormat, type FormatOptions } from './format/report/index.js';
