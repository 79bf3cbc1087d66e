/**
 * `kehoach serve`: the reviewer's workspace as a local web page (issue 18). Fastify, bound to
 * 127.0.0.1 unless told otherwise. Every request must carry the access token printed at start
 * (in the address, then in an HttpOnly SameSite=Strict cookie), name this server in its Host
 * header, and, when it says where it comes from (Origin), come from this server's own pages:
 * a web page elsewhere, or another user of a shared machine, cannot drive it. Uploads are
 * limited in size and checked by content (core/workspace/sniff.ts); a file's name is kept as
 * data only. The work is the CLI's: the workspace (app/workspace) imports and checks with the
 * same importer and check; the pages are the report formatters' markup (format/workspace).
 * Errors become a page with a message, never a stack trace.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import formbody from '@fastify/formbody';
import type { CheckConfig } from '../core/check/config.js';
import { parentIds, type Level } from '../core/model/plan.js';
import { edgeProblem, reviewDiff } from '../core/review/diff.js';
import { reviewAudit } from '../core/review/audit.js';
import { sniffUpload } from '../core/workspace/sniff.js';
import { withNotes } from '../core/scaffold/draft.js';
import { scaffoldFromCorpus } from '../core/scaffold/from-corpus.js';
import { draftDocument } from '../core/scaffold/document.js';
import type { Workspace, Received, Incoming, WorkspaceState } from '../app/workspace/workspace.js';
import type { Lang } from '../format/messages.js';
import { rt } from '../format/terms.js';
import { readerName } from '../format/reader.js';
import { renderAudit } from '../format/audit/render.js';
import { renderDiff } from '../format/diff/render.js';
import { formatDiffHtml } from '../format/diff/html.js';
import { buildLetter } from '../format/letter/model.js';
import { renderLetter } from '../format/letter/index.js';
import { loadErrorLine } from '../format/said.js';
import { scaffoldNoteText, scaffoldProblemText } from '../format/scaffold/notes.js';
import { auditPage, districtPage, homePage, href, messagePage, progressEnd, progressHead, progressLine, type Chrome, type PlanEntry, type ReceivedView } from '../format/workspace/pages.js';

export interface ServeOptions {
  workspace: Workspace;
  cfg: CheckConfig;
  host: string;
  port: number;
  /** The largest file accepted, in MB. */
  maxUploadMb: number;
  /** The page's language when the reader has not switched (vi). */
  lang: Lang;
  /** The date of letters and of waivers' expiry (ISO); today in Vietnam when absent. */
  today: () => string;
  /** The access token (random when absent). */
  token?: string;
}

export interface Serving {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HTML = 'text/html; charset=utf-8';
const MAX_FILES = 200;

/** Thrown by handlers: a status and a message for the reader. */
class Refusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(req: FastifyRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** The request's path and query without the token (and with `lang` set when given). */
function cleanUrl(req: FastifyRequest, lang?: Lang): string {
  const u = new URL(req.url, 'http://x');
  u.searchParams.delete('token');
  if (lang) u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

export async function startServer(opts: ServeOptions): Promise<Serving> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const ws = opts.workspace;
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1048576, trustProxy: false, forceCloseConnections: true });
  let port = opts.port;
  const cookieName = (): string => `kehoach_token_${port}`;
  const langCookie = 'kehoach_lang';
  // The names this server answers to: the loopback ones, the address given with --host, and for a
  // wildcard address (0.0.0.0, ::) this machine's name and addresses. Any other Host is a page that
  // had its own name resolved to this machine (DNS rebinding): refused.
  const bracket = (h: string): string => (h.includes(':') ? `[${h}]` : h);
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) names.add(bracket(opts.host).toLowerCase());
  if (opts.host === '0.0.0.0' || opts.host === '::') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(bracket(a.address).toLowerCase());
  }
  const allowedHosts = (): Set<string> => new Set([...names].map((h) => `${h}:${port}`));

  const langOf = (req: FastifyRequest): Lang => {
    const q = one((req.query as Record<string, unknown>)['lang']);
    if (q === 'vi' || q === 'en') return q;
    const c = cookies(req).get(langCookie);
    return c === 'en' || c === 'vi' ? c : opts.lang;
  };
  const chrome = (req: FastifyRequest): Chrome => {
    const lang = langOf(req);
    return { lang, otherLang: cleanUrl(req, lang === 'vi' ? 'en' : 'vi') };
  };
  // A refusal is a page with the message; a client that asks for JSON only gets { error }.
  const refuse = (reply: FastifyReply, req: FastifyRequest, status: number, message: string): FastifyReply => {
    const accept = req.headers.accept ?? '';
    if (accept.includes('application/json') && !accept.includes('text/html')) return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify({ error: message }));
    return reply.code(status).type(HTML).send(messagePage(chrome(req), message));
  };

  await app.register(formbody, { bodyLimit: 65536 });
  await app.register(multipart, { limits: { fileSize: Math.floor(opts.maxUploadMb * 1048576), files: MAX_FILES, fields: 20, fieldSize: 4096, parts: MAX_FILES + 20 }, throwFileSizeLimit: true });

  // Who may ask: this server's name in Host, no other site's page, the token.
  app.addHook('onRequest', async (req, reply) => {
    const lang = langOf(req);
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host.toLowerCase())) return refuse(reply, req, 403, rt('workspace.error.origin', lang));
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())) return refuse(reply, req, 403, rt('workspace.error.origin', lang));
    if (origin !== undefined && !origin.startsWith('http://')) return refuse(reply, req, 403, rt('workspace.error.origin', lang));
    if (write && origin === undefined && fetchSite !== undefined && fetchSite !== 'same-origin') return refuse(reply, req, 403, rt('workspace.error.origin', lang));
    const given = one((req.query as Record<string, unknown>)['token']);
    const fromCookie = cookies(req).get(cookieName());
    const ok = (given !== undefined && sameSecret(given, token)) || (given === undefined && fromCookie !== undefined && sameSecret(fromCookie, token));
    if (!ok) return refuse(reply, req, 403, rt('workspace.error.forbidden', lang));
    const setLang = one((req.query as Record<string, unknown>)['lang']);
    const set: string[] = [];
    if (given !== undefined) set.push(`${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    if (setLang === 'vi' || setLang === 'en') set.push(`${langCookie}=${setLang}; SameSite=Strict; Path=/`);
    if (set.length) reply.header('set-cookie', set);
    // The token leaves the address at once (history, screenshots): the cookie carries it on.
    if (given !== undefined && !write) return reply.code(303).header('location', cleanUrl(req)).send();
    return undefined;
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setNotFoundHandler((req, reply) => {
    void refuse(reply, req, 404, rt('workspace.error.notFound', langOf(req)));
  });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const lang = langOf(req);
    if (err instanceof Refusal) return refuse(reply, req, err.status, err.message);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 413) return refuse(reply, req, 413, rt('workspace.error.tooLarge', lang, { mb: opts.maxUploadMb }));
    if (status < 500) return refuse(reply, req, status, rt('workspace.error.request', lang));
    return refuse(reply, req, 500, rt('workspace.error.internal', lang, { why: err.message.split('\n')[0] ?? '' }));
  });

  const stateOrThrow = async (): Promise<Extract<WorkspaceState, { ok: true }>> => {
    const s = await ws.state();
    if (!s.ok) throw new Refusal(500, s.errors.map((e) => loadErrorLine(e, opts.lang)).join('\n'));
    return s;
  };
  const param = (req: FastifyRequest, name: string): string | undefined => one((req.query as Record<string, unknown>)[name]);
  const field = (req: FastifyRequest, name: string): string | undefined => {
    const b = req.body as Record<string, unknown> | null;
    return b && typeof b === 'object' ? one(b[name]) : undefined;
  };

  // The derivation graphs of the home page, drawn once per state of the workspace and language.
  const graphCache = new WeakMap<object, Map<string, ReturnType<typeof renderAudit>[]>>();

  app.get('/', async (req, reply) => {
    const c = chrome(req);
    const s = await ws.state();
    const flash = param(req, 'done') ? { text: rt('workspace.progress.done', c.lang), bad: false } : undefined;
    if (!s.ok) {
      return reply.type(HTML).send(homePage(c, { maxUploadMb: opts.maxUploadMb, received: [], replaced: [], plans: [], graphs: [], loadErrors: s.errors.map((e) => loadErrorLine(e, c.lang)), skipped: [], flash }));
    }
    const plans = [...s.corpus.plans.values()].map((lp) => lp.plan);
    const nameOf = (id: string): string => {
      const p = s.corpus.plans.get(id)?.plan;
      return p ? readerName({ number: p.number ?? null, issuer: p.issuer ?? null, title: p.title }, c.lang) : id;
    };
    const childCount = new Map<string, number>();
    for (const p of plans) for (const parent of parentIds(p)) childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
    const entries: PlanEntry[] = plans.map((p) => ({ id: p.id, name: nameOf(p.id), title: p.title, level: p.level, children: childCount.get(p.id) ?? 0, inWorkspace: s.workspacePlans.has(p.id) }));
    const roots = plans.filter((p) => !parentIds(p).some((id) => s.corpus.plans.has(id)) && childCount.get(p.id));
    const key = `${c.lang}`;
    let byLang = graphCache.get(s);
    if (!byLang) graphCache.set(s, (byLang = new Map()));
    const graphs = byLang.get(key) ?? roots.map((r) => renderAudit(reviewAudit(s.corpus, r.id, { depth: 8, today: opts.today() }, opts.cfg), c.lang));
    byLang.set(key, graphs);
    const received = ws.received().map((r) => receivedView(r, s, nameOf, plans.map((p) => ({ id: p.id, level: p.level }))));
    return reply.type(HTML).send(homePage(c, {
      maxUploadMb: opts.maxUploadMb, received, replaced: [...s.replaced].map(nameOf), plans: entries, graphs,
      loadErrors: [], skipped: s.skipped.map((e) => loadErrorLine(e, c.lang)), flash,
    }));
  });

  app.get('/audit', async (req, reply) => {
    const c = chrome(req);
    const parent = param(req, 'parent') ?? '';
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(parent)) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    const audit = renderAudit(reviewAudit(s.corpus, parent, { depth: 1, today: opts.today() }, opts.cfg), c.lang);
    return reply.type(HTML).send(auditPage(c, { audit, canScaffold: true }));
  });

  app.get('/district', async (req, reply) => {
    const c = chrome(req);
    const parent = param(req, 'parent') ?? '';
    const child = param(req, 'child') ?? '';
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(parent) || !s.corpus.plans.has(child)) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    if (edgeProblem(s.corpus, parent, child)) throw new Refusal(400, rt('workspace.error.notParent', c.lang));
    const diff = renderDiff(reviewDiff(s.corpus, parent, child, opts.cfg, { today: opts.today() }), c.lang);
    const task = param(req, 'task');
    if (task !== undefined) {
      const i = diff.rows.findIndex((r) => r.parent?.key === task);
      return reply.code(303).header('location', href('/district', { parent, child }, i >= 0 ? `#row-${i}` : '')).send();
    }
    const flashKey = param(req, 'flash');
    const flash = flashKey === 'accepted' ? { text: rt('workspace.accepted', c.lang), bad: false } : flashKey === 'reason' ? { text: rt('workspace.reasonRequired', c.lang), bad: true } : undefined;
    return reply.type(HTML).send(districtPage(c, { diff, parentId: parent, childId: child, flash }));
  });

  app.post('/waive', async (req, reply) => {
    const c = chrome(req);
    const plan = field(req, 'plan') ?? '';
    const parent = field(req, 'parent') ?? '';
    const rule = field(req, 'rule') ?? '';
    const task = field(req, 'task') || undefined;
    const parentTask = field(req, 'parentTask') || undefined;
    const reason = (field(req, 'reason') ?? '').trim().slice(0, 2000);
    if (!reason) return reply.code(303).header('location', href('/district', { parent, child: plan, flash: 'reason' })).send();
    const s = await stateOrThrow();
    const found = s.report.findings.some((f) => f.plan === plan && f.rule === rule && f.task === task && f.parentTask === parentTask);
    if (!found) throw new Refusal(400, rt('workspace.error.request', c.lang));
    // A corpus plan is copied into the workspace first: plans/ and the bundled plans are never written.
    if (!ws.planFile(plan) && !(await ws.adopt(plan))) throw new Refusal(500, rt('workspace.error.waive', c.lang, { why: plan }));
    const r = await ws.waive(plan, { rule, ...(task ? { task } : {}), ...(parentTask ? { parentTask } : {}), reason });
    if (!r.ok) throw new Refusal(500, rt('workspace.error.waive', c.lang, { why: r.message }));
    // Back to the row of the finding accepted.
    const after = await ws.state();
    let hash = '';
    if (after.ok && !edgeProblem(after.corpus, parent, plan)) {
      const rows = reviewDiff(after.corpus, parent, plan, opts.cfg, { today: opts.today() }).rows;
      const i = rows.findIndex((row) => row.findings.some((f) => f.rule === rule && f.task === task && f.parentTask === parentTask));
      if (i >= 0) hash = `#row-${i}`;
    }
    return reply.code(303).header('location', href('/district', { parent, child: plan, flash: 'accepted' }, hash)).send();
  });

  app.post('/parent', async (req, reply) => {
    const c = chrome(req);
    const stored = field(req, 'stored') ?? '';
    const parent = field(req, 'parent') ?? '';
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(parent)) throw new Refusal(400, rt('workspace.error.request', c.lang));
    const r = await ws.chooseParent(stored, parent);
    if (!r) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    return reply.code(303).header('location', '/').send();
  });

  app.post('/upload', async (req, reply) => {
    const c = chrome(req);
    if (!req.isMultipart()) throw new Refusal(415, rt('workspace.error.noFile', c.lang));
    const files: Incoming[] = [];
    let refused: string | null = null;
    // Every part is read (and checked) before anything is written: one refused file stores none.
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      const name = (part.filename ?? '').slice(0, 255);
      if (!name && !bytes.length) continue; // an empty file input
      const kind = sniffUpload(bytes, path.extname(name));
      if (!kind.ok) refused ??= name || '?';
      else files.push({ name, bytes, kind: kind.kind, ext: kind.ext });
    }
    if (refused !== null) throw new Refusal(415, rt('workspace.error.type', c.lang, { name: refused }));
    if (!files.length) throw new Refusal(400, rt('workspace.error.noFile', c.lang));
    const out = new PassThrough();
    void reply.type(HTML).send(out);
    out.write(progressHead(c, files.length));
    void ws
      .receive(files, (done, total, r) => out.write(progressLine(c, done, total, r.name, progressStatus(r, c.lang))))
      .then(() => out.end(progressEnd(c)))
      .catch((e: Error) => out.end(`<li>${rt('workspace.error.internal', c.lang, { why: '' })}${e.message.replace(/[<>&"]/g, '')}</li>${progressEnd(c)}`));
    return reply;
  });

  app.get('/download/yaml', async (req, reply) => {
    const c = chrome(req);
    const id = param(req, 'plan') ?? '';
    const s = await stateOrThrow();
    const lp = s.corpus.plans.get(id);
    if (!lp) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    const text = await readFile(lp.file);
    return reply.type('application/yaml; charset=utf-8').header('content-disposition', `attachment; filename="${id}.yaml"`).send(text);
  });

  app.get('/download/letter', async (req, reply) => {
    const c = chrome(req);
    const id = param(req, 'plan') ?? '';
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(id)) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    const plans = new Map([...s.corpus.plans].map(([k, lp]) => [k, lp.plan]));
    const given = (name: string): string | undefined => {
      const v = (param(req, name) ?? '').trim().slice(0, 300);
      return v || undefined;
    };
    const title = [given('title'), given('title2')].filter((t): t is string => t !== undefined);
    const built = buildLetter(s.report, plans, id, {
      lang: c.lang, today: opts.today(), issuer: given('issuer'), superior: given('superior'), number: given('number'),
      place: given('place'), signer: given('signer'), ...(title.length ? { title } : {}),
    });
    if (!built.ok) throw new Refusal(409, rt('workspace.error.letter', c.lang));
    const bytes = await renderLetter('docx', built.letter);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="gop-y-${id}.docx"`).send(Buffer.from(bytes));
  });

  app.get('/download/diff', async (req, reply) => {
    const c = chrome(req);
    const parent = param(req, 'parent') ?? '';
    const child = param(req, 'child') ?? '';
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(parent) || !s.corpus.plans.has(child)) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    if (edgeProblem(s.corpus, parent, child)) throw new Refusal(400, rt('workspace.error.notParent', c.lang));
    const diff = renderDiff(reviewDiff(s.corpus, parent, child, opts.cfg, { today: opts.today() }), c.lang);
    return reply.type(HTML).header('content-disposition', `attachment; filename="so-sanh-${child}.html"`).send(formatDiffHtml(diff));
  });

  app.get('/download/scaffold', async (req, reply) => {
    const c = chrome(req);
    const parent = param(req, 'parent') ?? '';
    const unit = (param(req, 'unit') ?? '').trim().slice(0, 200);
    const s = await stateOrThrow();
    if (!s.corpus.plans.has(parent)) throw new Refusal(404, rt('workspace.error.notFound', c.lang));
    const r = scaffoldFromCorpus(s.corpus, parent, opts.cfg, unit);
    if (!r.ok) throw new Refusal(400, rt('workspace.error.scaffold', c.lang, { why: scaffoldProblemText(r.problem, c.lang) }));
    const plan = withNotes(r.draft, scaffoldNoteText(c.lang));
    const { draftDocx } = await import('../core/scaffold/docx.js');
    const bytes = await draftDocx(draftDocument(plan, s.corpus.plans.get(parent)!.plan, r.draft.unit), plan.title);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="du-thao-${plan.id}.docx"`).send(Buffer.from(bytes));
  });

  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return { url: `http://${shown}:${port}/?token=${token}`, port, close: () => app.close() };
}

const LOWER: Record<Level, Level[]> = { national: [], province: ['national'], department: ['province', 'national'], district: ['province', 'department'], commune: ['district'] };

/** How a received file stands, for the page (no parent, no task: said so, never "no findings"). */
function receivedView(r: Received, s: Extract<WorkspaceState, { ok: true }>, nameOf: (id: string) => string, plans: { id: string; level: Level }[]): ReceivedView {
  const lp = r.plan ? s.corpus.plans.get(r.plan) : undefined;
  const parentId = lp ? (parentIds(lp.plan).find((id) => s.corpus.plans.has(id)) ?? null) : null;
  let status: ReceivedView['status'];
  let choices: { id: string; name: string }[] = [];
  if (r.error || !r.plan) status = 'error';
  else if (r.superseded) status = 'superseded';
  else if (r.tasks === 0) status = 'no-tasks';
  else if (parentId) status = 'checked';
  else if (r.parent?.how === 'legal-bases-only' || lp?.plan.level === 'national') status = 'legal-only';
  else if (r.parent?.how === 'ambiguous') {
    status = 'ambiguous';
    choices = (r.parent.candidates ?? []).filter((id) => s.corpus.plans.has(id)).map((id) => ({ id, name: nameOf(id) }));
  } else {
    status = 'no-parent';
    const level = lp?.plan.level;
    const up = level ? LOWER[level] : [];
    if (r.kind !== 'yaml') choices = plans.filter((p) => up.includes(p.level) && p.id !== r.plan).map((p) => ({ id: p.id, name: nameOf(p.id) }));
  }
  return {
    stored: r.stored, name: r.name, received: r.received, planId: r.plan, planName: r.plan ? nameOf(r.plan) : null,
    parentId, parentName: parentId ? nameOf(parentId) : null, tasks: r.tasks, status, ...(r.error ? { error: r.error, errorSaid: r.errorSaid } : {}), warnings: r.warnings, choices,
  };
}

/** A received file's outcome as the progress page says it (the workspace page says more). */
function progressStatus(r: Received, lang: Lang): string {
  if (r.error || !r.plan) return rt('workspace.status.error', lang, { why: r.error ?? '' });
  if (r.tasks === 0) return rt('workspace.status.noTasks', lang);
  if (r.kind !== 'yaml' && !r.parent?.id && r.parent?.how !== 'legal-bases-only') return r.parent?.how === 'ambiguous' ? rt('workspace.status.ambiguous', lang) : rt('workspace.status.noParent', lang);
  return rt('workspace.status.checked', lang, { n: r.tasks });
}
