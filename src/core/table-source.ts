/**
 * Where the core gets its domain tables (rules/*.yaml): from a source the application layer
 * provides at start-up (src/app/tables.ts reads them from disk, or the build's JSON copy). The core
 * itself reads no file: it asks this registry, which asks the source. Each table comes with the
 * name of its file, for messages, and whether the build validated it already.
 */
export type TableName = 'agencies' | 'units' | 'time-words' | 'messages' | 'config' | 'table-columns' | 'districts';

export interface RawTable {
  data: unknown;
  /** Validated by the build: loaders may skip validating it again. */
  built: boolean;
  /** The table's file, as messages name it. */
  file: string;
}

export type TableSource = (name: TableName) => RawTable;

let source: TableSource | null = null;

/** Installs the source of the tables (the CLI, the library entry, a worker, the test setup). */
export function provideTables(s: TableSource): void {
  source = s;
}

export function rawTable(name: TableName): RawTable {
  if (!source) throw new Error(`kehoach: no source of domain tables was provided (rules/${name}.yaml): call provideTables() first`);
  return source(name);
}
