/** `kehoach graph [paths…] --format text|json|mermaid|dot`. */
import { graphView } from '../../format/graph/model.js';
import { graphText } from '../../format/graph/text.js';
import { graphJson } from '../../format/graph/json.js';
import { graphMermaid } from '../../format/graph/mermaid.js';
import { graphDot } from '../../format/graph/dot.js';
import { EXIT, emit, inputsOf, loadOrReport, type CliIO } from './context.js';

export const GRAPH_FORMATS = { text: graphText, json: graphJson, mermaid: graphMermaid, dot: graphDot } as const;

export async function graphCommand(io: CliIO, paths: string[], opts: { format: keyof typeof GRAPH_FORMATS; output?: string; maxFileSize?: number }): Promise<number> {
  const corpus = await loadOrReport(io, paths, opts.maxFileSize ? { maxFileMb: opts.maxFileSize } : {});
  if (!corpus) return EXIT.load;
  if (!(await emit(io, GRAPH_FORMATS[opts.format](graphView(corpus.graph, corpus.order)), opts.output, { inputs: inputsOf(corpus) }))) return EXIT.load;
  return EXIT.ok;
}
