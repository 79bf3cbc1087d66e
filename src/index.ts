/** Library entry: the core works on plain data (texts in, findings out). */
import { useDiskTables } from './tables.js';

// The library reads the shipped domain tables from the package (provideTables replaces them).
useDiskTables();
export { provideTables, type TableSource, type TableName, type RawTable } from './table-source.js';
export * from './model/plan.js';
export * from './model/finding.js';
export { parsePlanText, type LoadedPlan } from './load/parse-plan.js';
export { buildCorpus, linkPlans, type Corpus, type SourceFile } from './load/corpus.js';
export { formatLoadError, type LoadError } from './load/errors.js';
export * from './graph/derivation.js';
export { canonical, foldKey, tokens } from './text/canonical.js';
export { loadCorpusFromPaths } from './io/load.js';
