/**
 * One picture of the audit's derivation graph as inline SVG, from its layout (layout.ts). Nodes
 * are coloured by score band (the same bands as the summary table); every label is escaped.
 */
import type { Layout } from '../layout.js';
import { html } from '../escape.js';

const BAND = { root: ['#e4eef9', '#0b5394'], good: ['#e3f4e6', '#1e6b2f'], fair: ['#fff1d6', '#8a5300'], poor: ['#fde7e5', '#b3261e'], none: ['#ececec', '#555555'] } as const;

/** A node's colours: its band (src/core/review/score.ts, docs/reports.md), the root apart, grey when it has none. */
export function band(b: 'good' | 'fair' | 'poor' | null, root: boolean): keyof typeof BAND {
  if (root) return 'root';
  return b ?? 'none';
}

/** `root`: the audited plan (drawn apart when it is in the picture); `marker`: the arrowhead's id, one per picture of a page. */
export function graphSvg(g: Layout, root: string, title: string, marker = 'kh-arrow'): string {
  const w = Math.max(g.width, 1);
  const h = Math.max(g.height, 1);
  const edges = g.edges.map((e) => {
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
    return `<path d="${d}" fill="none" stroke="#777" stroke-width="1.4" marker-end="url(#${marker})" data-from="${html(e.from)}" data-to="${html(e.to)}"/>`;
  });
  const nodes = g.nodes.map((n) => {
    const [fill, stroke] = BAND[band(n.band, n.id === root)];
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    const top = n.y - ((n.lines.length - 1) * 16) / 2 + 4;
    const text = n.lines.map((l, i) => `<text x="${n.x}" y="${top + i * 16}" text-anchor="middle" font-size="12"${i === 0 ? ' font-weight="600"' : ''}>${html(l)}</text>`);
    return `<g data-plan="${html(n.id)}"><title>${html(n.id)}</title><rect x="${x}" y="${y}" width="${n.width}" height="${n.height}" rx="6" fill="${fill}" stroke="${stroke}"/>${text.join('')}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${html(title)}" font-family="Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif">
<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>
${edges.join('\n')}
${nodes.join('\n')}
</svg>`;
}
