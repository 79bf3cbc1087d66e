/**
 * `kehoach resolve deadline "<text>"` and `kehoach resolve agency "<text>"`: what kehoach
 * understood of a piece of plan text. Exit 0 when understood, 1 when unreadable or unknown
 * (usage errors are 2, from commander).
 */
import type { Level } from '../../core/model/plan.js';
import { parseDeadline, type Deadline } from '../../core/domain/deadline.js';
import { printable, resolveAgency, splitAgencies } from '../../core/domain/agencies.js';
import { EXIT, type CliIO } from './context.js';

export interface ResolveOptions {
  format: 'text' | 'json';
  on?: string;
  level?: Level;
}

/** The issue's JSON shape for a deadline: every field present, absent facts null. */
function deadlineJson(d: Deadline): Record<string, unknown> {
  return { text: d.text, kind: d.kind, start: d.start, end: d.end, due: d.due, qualifiers: d.qualifiers, condition: d.condition, reason: d.reason };
}

export function resolveDeadlineCommand(io: CliIO, text: string, opts: ResolveOptions): number {
  const d = parseDeadline(text);
  if (opts.format === 'json') io.out(JSON.stringify(deadlineJson(d), null, 2) + '\n');
  else {
    const lines = [`kind: ${d.kind}`];
    if (d.start || d.end) lines.push(`window: ${d.start ?? '…'} → ${d.end ?? '…'}`);
    for (const due of d.due) lines.push(`due every year: ${String(due.day).padStart(2, '0')}/${String(due.month).padStart(2, '0')}${due.label ? ` (${due.label})` : ''}`);
    if (d.qualifiers.length) lines.push(`qualifiers: ${d.qualifiers.join('; ')}`);
    if (d.condition) lines.push(`condition: ${d.condition}`);
    if (d.reason) lines.push(`reason: ${d.reason}`);
    io.out(lines.join('\n') + '\n');
  }
  return d.kind === 'unreadable' ? EXIT.findings : EXIT.ok;
}

export function resolveAgencyCommand(io: CliIO, text: string, opts: ResolveOptions): number {
  const ctx = { level: opts.level ?? null, on: opts.on ?? null };
  const refs = splitAgencies(text).map((piece) => resolveAgency(piece, ctx));
  if (opts.format === 'json') io.out(JSON.stringify(refs.map(printable), null, 2) + '\n');
  else {
    for (const r of refs) {
      const what = r.known ? `${r.name} · ${r.family ?? '—'} · ${r.level ?? '—'} · ${r.kind ?? '—'}` : r.vague ? '(vague: not judged)' : '(unknown)';
      const flags = [r.collective ? 'collective' : '', r.request ? 'request' : '', r.independent ? 'independent' : ''].filter(Boolean).join(', ');
      io.out(`${r.text}\n  → ${what}${flags ? ` [${flags}]` : ''}\n`);
    }
  }
  return refs.length > 0 && refs.every((r) => r.known || r.vague) ? EXIT.ok : EXIT.findings;
}
