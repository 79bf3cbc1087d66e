/** `kehoach graph [paths…] --format text|json|mermaid|dot`. */
import { graphView } from '../../format/graph/model.js';
import { graphText } from '../../format/graph/text.js';
import { graphJson } from '../../format/graph/json.js';
import { graphMermaid } from '../../format/graph/mermaid.js';
import { graphDot } from '../../format/graph/dot.js';
import { EXIT, emit, inputsOf, loadOrReport, readerLang, type CliIO } from './context.js';
import type { Lang } from '../../format/messages.js';

export const GRAPH_FORMATS = { text: graphText, json: graphJson, mermaid: graphMermaid, dot: graphDot } as const;

export async function graphCommand(io: CliIO, paths: string[], opts: { format: keyof typeof GRAPH_FORMATS; output?: string; maxFileSize?: number; lang?: Lang }): Promise<number> {
  const lang = readerLang(io, opts.lang);
  const corpus = await loadOrReport(io, paths, opts.maxFileSize ? { maxFileMb: opts.maxFileSize } : {}, lang);
  if (!corpus) return EXIT.load;
  if (!(await emit(io, GRAPH_FORMATS[opts.format](graphView(corpus.graph, corpus.order)), opts.output, { lang, inputs: inputsOf(corpus) }))) return EXIT.load;
  return EXIT.ok;
}
