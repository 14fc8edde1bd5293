import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, userInfo } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import ejs from 'ejs';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import multer from 'multer';
import { rateLimit } from 'express-rate-limit';
import { applyDecisions, makeReport, type AuditOptions } from '../audit.js';
import type { RaterAgreement } from '../review/agreement.js';
import { languageTag } from '../lang/index.js';
import { InputError, isInputError } from '../io/errors.js';
import { CATEGORIES, SEVERITIES, type Category, type DocumentReport, type Severity } from '../model.js';
import { segmentTexts } from '../review/annotations.js';
import { readLocalized } from '../io/formats/index.js';
import { xliffBytesWithApprovedTargets, xliffWithEditedTarget } from '../io/formats/xliff-writeback.js';
import { tagText, untagText } from '../report/tags.js';
import { pageAgreement, raterDoc, raterNames, votesByFinding, type RaterData } from '../review/raters.js';
import { FORMAT_EXTENSIONS, FORMATS, formatReport, isReportFormat } from '../report/index.js';
import { checkRole, isDiskFullError, isReadOnlyError, ROLES, type DecisionChange, type Store } from '../store/index.js';
import { LOGIN_COOKIE, authenticate, defaultAllowedHosts, hostGuard, HttpRefusal, isLoopback, may, needs, originGuard, safeNext } from './auth.js';
import { csrf, CsrfError, loadSecret } from './csrf.js';
import { filterQuery, parseFilters } from './filters.js';
import { beginUpload, countingStreamHandler, DEFAULT_LIMITS, describeLimits, folderBytes, LimitError, LineCounter, removeLeftovers, size, uploadStorage, type Limits } from './limits.js';
import { Audits, type AuditState } from './audits.js';
import { Library } from './library.js';
import { WorkerPool } from '../workers/pool.js';
import { categoryCss, SEVERITY_LABEL } from './palette.js';
import {
  agreementView,
  bulkTargets,
  describe,
  docPage,
  MAX_SEARCH,
  findingView,
  historyRows,
  indexRow,
  LAYOUT_LABEL,
  LAYOUTS,
  progressOf,
  scoreView,
  snapshotOf,
  when,
  type Layout,
  type RaterMarks,
} from './view-model.js';

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
const MAX_CORRECTION = 100_000;
export const VIEWS_DIR = fileURLToPath(new URL('../../views', import.meta.url));
const REVIEWER_COOKIE = 'tqa_reviewer';

export interface AppOptions {
  /** The folder of document pairs (DIR). */
  root: string;
  /** Where uploads and the CSRF secret are kept (the decisions database is usually there too). */
  dataDir: string;
  store: Store;
  /** Largest request body in bytes (uploads included). */
  bodyLimit?: number;
  /** Reviewer name until the reviewer sets one in the page. */
  reviewer?: string;
  auditOptions?: AuditOptions;
  /** Compile templates once (on by default; tests of template edits may turn it off). */
  viewCache?: boolean;
  /** The address the server is bound to: anything but loopback requires accounts. Default 127.0.0.1. */
  host?: string;
  /** Host names the server answers to (the Host header); default the bound host and the loopback names. */
  allowedHosts?: string[];
  /** Express's `trust proxy` (e.g. 'loopback'): X-Forwarded-Proto/-Host/-For from such a proxy are believed. */
  trustProxy?: string | false;
  /** Failed and successful logins allowed per client address in a window (default 10 per 15 minutes). */
  loginLimit?: { windowMs: number; limit: number };
  /** Upload, storage and document limits (uploadBytes defaults to bodyLimit). */
  limits?: Partial<Limits>;
  /** The worker pool audits run in (default: one of its own, with `auditJobs` workers, closed by app.close). */
  pool?: WorkerPool;
  auditJobs?: number;
}

export interface App extends express.Express {
  library: Library;
  audits: Audits;
  /** Stops the app's own worker pool. */
  close(): Promise<void>;
}

const AUDIT_HEAP_MB = 4096;

/** Workers for the server's audits: one core stays free for the requests. */
export function defaultAuditJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** The review web app. Routes only translate HTTP to calls on the library, the store and the view model. */
export function createApp(opts: AppOptions): App {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const auditOptions = opts.auditOptions ?? {};
  const store = opts.store;
  const library = new Library(opts.root, opts.dataDir, auditOptions, () => store.deletedIds());
  const limits: Limits = { uploadBytes: bodyLimit, ...DEFAULT_LIMITS, ...opts.limits };
  const limitList = describeLimits(limits);
  removeLeftovers(library.uploadsDir);
  const defaultReviewer = cleanReviewer(opts.reviewer) ?? cleanReviewer(safeUser()) ?? 'reviewer';
  const guard = csrf(loadSecret(join(opts.dataDir, 'csrf-secret')));
  const viewCache = opts.viewCache ?? true;
  const boundHost = opts.host ?? '127.0.0.1';
  const auth = { store, required: !isLoopback(boundHost) };
  const allowedHosts = [...defaultAllowedHosts(boundHost), ...(opts.allowedHosts ?? [])];
  // CSRF tokens protect cookie sessions; a request with an API token carries no ambient credential.
  const verify = (req: Request, res: Response, next: NextFunction) => (res.locals.viaToken ? next() : guard.verify(req, res, next));
  const loginLimit = opts.loginLimit ?? { windowMs: 15 * 60_000, limit: 10 };

  // A heap limit per worker: an audit too big for memory fails alone (its page says so) instead of the server.
  const pool = opts.pool ?? new WorkerPool({ size: opts.auditJobs ?? defaultAuditJobs(), maxHeapMb: AUDIT_HEAP_MB });
  const audits = new Audits(library, store, pool);
  const app = express() as unknown as App;
  app.library = library;
  app.audits = audits;
  app.close = async () => {
    audits.close();
    if (!opts.pool) await pool.close();
  };
  app.disable('x-powered-by');
  if (opts.trustProxy) app.set('trust proxy', opts.trustProxy);
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  if (viewCache) app.enable('view cache');
  // ejs 7 ignores options passed through data or 'view options': give it views/cache explicitly (stack-notes §19).
  app.engine('ejs', (file, data, cb) =>
    ejs.renderFile(file, data as ejs.Data, { views: [VIEWS_DIR], cache: viewCache }, cb as (err: Error | null, html?: string) => void),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          // Plain HTTP on a LAN host must not be upgraded to https (stack-notes §23).
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(hostGuard(allowedHosts));
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.get('/assets/categories.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(categoryCss());
  });
  app.use('/static', express.static(join(VIEWS_DIR, 'static'), { index: false, maxAge: '1h' }));

  app.use(cookieParser());
  app.use(guard.session);
  app.use(originGuard);
  // A read-only database: every page works, every change is refused up front with the reason (not a 500 later).
  app.use((req, _res, next) => {
    if (store.readOnly && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      return next(new HttpRefusal(503, 'The decisions database is read-only: nothing was saved. Tell whoever runs the server.'));
    }
    next();
  });
  app.use(authenticate(auth));
  // Refuse oversized bodies before reading them; the parsers below enforce the same limit on chunked bodies.
  app.use((req, _res, next) => {
    const len = Number(req.get('content-length') ?? 0);
    if (len > bodyLimit) return next(new TooLarge());
    next();
  });
  app.use(express.urlencoded({ extended: false, limit: bodyLimit, parameterLimit: 10_000 }));
  app.use(express.json({ limit: bodyLimit }));
  app.use((req, res, next) => {
    // With accounts the reviewer is the logged-in account (set by authenticate); the cookie is single-user only.
    if (!res.locals.accounts) res.locals.reviewer = cleanReviewer((req.cookies as Record<string, string>)?.[REVIEWER_COOKIE]) ?? defaultReviewer;
    res.locals.may = (role: 'reviewer' | 'lead' | 'admin') => may(res, role);
    res.locals.path = req.originalUrl;
    res.locals.h = { CATEGORIES, SEVERITIES, SEVERITY_LABEL, LAYOUTS, LAYOUT_LABEL, FORMATS, filterQuery, describe, when };
    next();
  });

  const upload = multer({
    storage: uploadStorage(library.uploadsDir, limits),
    limits: { fileSize: limits.uploadBytes, fieldSize: limits.uploadBytes, files: 4, fields: 10, parts: 14 },
    // The whole body goes through a byte counter: a chunked body cannot pass the request limit.
    streamHandler: countingStreamHandler(bodyLimit, () => new TooLarge()),
  } as multer.Options);
  // Before a byte of an upload is read: the document and storage limits, and a body we can decode.
  const uploadGate = (req: Request, _res: Response, next: NextFunction) => {
    const enc = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
    if (enc !== 'identity') return next(new HttpRefusal(415, `Uploads are not accepted with Content-Encoding "${enc.slice(0, 40)}" (send the files as they are).`));
    if (library.list().length >= limits.documents) return next(new LimitError(`The server holds its limit of ${limits.documents.toLocaleString('en-US')} documents (tqa serve --max-documents); a lead can delete one first.`));
    const used = folderBytes(library.uploadsDir);
    if (used >= limits.storageBytes) return next(new LimitError(`Uploads fill the server's storage limit of ${size(limits.storageBytes)} (tqa serve --max-storage); a lead can delete one first.`));
    beginUpload(req, library.uploadsDir);
    next();
  };

  // The document with the store's decisions applied (scores recomputed by the engine, not here), cached per
  // document until its audit or any decision changes (store.version() moves with every write, from any process).
  const reviewedCache = new Map<string, { report: DocumentReport; version: number; doc: DocumentReport }>();
  const applyCached = (id: string, report: DocumentReport): DocumentReport => {
    const version = store.version();
    const hit = reviewedCache.get(id);
    if (hit && hit.report === report && hit.version === version) return hit.doc;
    const doc = applyDecisions(report, store.decisions(id), auditOptions, store.annotations(id));
    reviewedCache.set(id, { report, version, doc });
    return doc;
  };
  const entryOf = (id: unknown) => {
    const entry = library.find(String(id));
    if (!entry) throw new NotFound(`No document "${String(id)}" here.`);
    return entry;
  };
  /** For the API and exports: waits for the audit (this request only; the others go on meanwhile). */
  const reviewed = async (id: unknown): Promise<{ doc: DocumentReport; origin: 'folder' | 'upload'; report: DocumentReport }> => {
    const entry = entryOf(id);
    const st = await audits.report(entry);
    if (st.status === 'failed') throw new InputError(st.message);
    if (st.status !== 'ready') throw new Error('audit not ready after waiting');
    return { doc: applyCached(entry.id, st.report), origin: entry.origin, report: st.report };
  };
  /** For pages: the document now, or a page that shows the audit's progress and reloads itself. */
  const pageDoc = (id: unknown, res: Response): { doc: DocumentReport; origin: 'folder' | 'upload'; report: DocumentReport } | undefined => {
    const entry = entryOf(id);
    const st = audits.state(entry);
    if (st.status === 'failed') throw new InputError(st.message);
    if (st.status === 'pending') {
      res.set('Cache-Control', 'no-store').render('pending', { title: entry.id, id: entry.id, progress: progressText(st), refresh: 2 });
      return undefined;
    }
    return { doc: applyCached(entry.id, st.report), origin: entry.origin, report: st.report };
  };

  // Several raters: each rater's view of the document, the votes per finding and the agreement, cached like the
  // reviewed document (recomputed when the audit or any decision changes).
  interface Raters {
    data: RaterData;
    names: string[];
    views: Map<string, DocumentReport>;
    marks: RaterMarks;
    agreement: RaterAgreement | undefined;
  }
  const ratersCache = new Map<string, { report: DocumentReport; version: number; raters: Raters }>();
  const ratersOf = (id: string, report: DocumentReport): Raters => {
    const version = store.version();
    const hit = ratersCache.get(id);
    if (hit && hit.report === report && hit.version === version) return hit.raters;
    const data: RaterData = { decisions: store.raterDecisions(id), annotations: store.annotations(id) };
    const names = raterNames(data);
    const views = new Map(names.map((n) => [n, raterDoc(report, n, data, auditOptions)]));
    const marks: RaterMarks = { votes: votesByFinding(views), disputed: new Set(store.disagreements(id).map((d) => d.findingId)), resolutions: store.resolutions(id) };
    const raters = { data, names, views, marks, agreement: pageAgreement(views) };
    ratersCache.set(id, { report, version, raters });
    return raters;
  };
  /** The rater view a request asks for (`rater`, query or body): '' for the merged view. Any rater of the
   *  document, or the reviewer themself (whose view may still be empty). */
  const raterParam = (v: unknown, raters: Raters, me: string): string => {
    if (v === undefined || v === '') return '';
    if (typeof v !== 'string') throw new InputError('rater: expected a name.');
    const r = v.trim();
    if (r !== '' && r !== me && !raters.names.includes(r)) throw new NotFound(`No rater "${r.slice(0, 80)}" on this document${raters.names.length ? ` (raters: ${raters.names.join(', ')})` : ''}.`);
    return r;
  };
  /** The document as a request sees it: one rater's view, or the merged (final) one. */
  const viewOf = (doc: DocumentReport, report: DocumentReport, raters: Raters, rater: string): DocumentReport =>
    rater === '' ? doc : raters.views.get(rater) ?? raterDoc(report, rater, raters.data, auditOptions);

  const loginLimiter = rateLimit({
    windowMs: loginLimit.windowMs,
    limit: loginLimit.limit,
    // Failed attempts count; a successful login does not use up the allowance.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      const minutes = Math.max(1, Math.round(loginLimit.windowMs / 60_000));
      next(new HttpRefusal(429, `Too many failed logins from this address (at most ${loginLimit.limit} in ${minutes} minute${minutes === 1 ? '' : 's'}). Wait and try again.`));
    },
  });

  app.get('/login', (req, res) => {
    if (!res.locals.accounts || res.locals.user) return res.redirect(303, safeNext(req.query.next));
    res.render('login', { title: 'Log in', error: undefined, name: '', next: safeNext(req.query.next) });
  });

  app.post('/login', loginLimiter, verify, async (req, res) => {
    if (!res.locals.accounts) return res.redirect(303, '/');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const next = safeNext(body.next);
    const user = await store.accounts.login(name, typeof body.password === 'string' ? body.password : '');
    if (!user) {
      res.status(401).render('login', { title: 'Log in', error: 'Wrong name or password.', name: name.slice(0, 80), next });
      return;
    }
    const old = (req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE];
    store.accounts.endSession(old);
    const token = store.accounts.startSession(user.name);
    res.cookie(LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: 14 * 86400_000 });
    res.redirect(303, next);
  });

  app.post('/logout', verify, (req, res) => {
    store.accounts.endSession((req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE]);
    res.clearCookie(LOGIN_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    res.redirect(303, res.locals.accounts ? '/login' : '/');
  });

  app.get('/', (_req, res) => {
    // A pair that cannot be read (binary file, bad glossary) gets a row with its message, not a broken index; one
    // being audited a row with its progress, and the page reloads until it is done.
    let pending = false;
    const rows = library.list().map((e) => {
      const st = audits.state(e);
      if (st.status === 'failed') return { id: e.id, origin: e.origin, error: st.message };
      if (st.status === 'pending') {
        pending = true;
        return { id: e.id, origin: e.origin, pending: progressText(st) };
      }
      return indexRow(applyCached(e.id, st.report), e.origin);
    });
    if (pending) res.set('Cache-Control', 'no-store');
    res.render('index', { title: 'Documents', rows, root: library.root, refresh: pending ? 3 : undefined });
  });

  // Accounts, for admins (tqa users does the same on the server machine).
  const usersPage = (res: Response, status: number, error?: string) =>
    res.status(status).render('users', { title: 'Accounts', users: store.accounts.list(), roles: ROLES, error });
  app.get('/users', needs('admin'), (_req, res) => {
    if (!res.locals.accounts) throw new NotFound('No accounts here: this server is single-user (tqa users add creates the first account).');
    usersPage(res, 200);
  });
  app.post('/users', needs('admin'), verify, (req, res) => {
    if (!res.locals.accounts) throw new NotFound('No accounts here.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      store.accounts.add(stringField(body, 'name').trim(), checkRole(stringField(body, 'role')), stringField(body, 'password'));
    } catch (e) {
      if (!isInputError(e)) throw e;
      return usersPage(res, 400, e.message.replace(/^./, (c) => c.toUpperCase()));
    }
    res.redirect(303, '/users');
  });
  app.post('/users/:name/remove', needs('admin'), verify, (req, res) => {
    const name = String(req.params.name);
    if (name === (res.locals.user as { name?: string } | undefined)?.name) throw new InputError('You cannot remove your own account here (tqa users remove can).');
    store.accounts.remove(name);
    res.redirect(303, '/users');
  });

  app.get('/upload', needs('lead'), (_req, res) => {
    res.render('upload', { title: 'Add a pair', error: undefined, form: {}, limits: limitList });
  });

  const uploadFields = upload.fields(['mtFile', 'correctedFile', 'sourceFile', 'glossaryFile'].map((name) => ({ name, maxCount: 1 })));
  app.post('/upload', needs('lead'), uploadGate, uploadFields, verify, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    // Files were checked as they streamed in; pasted texts are checked here, and all parts count together.
    let total = 0;
    for (const list of Object.values(files)) for (const f of list) total += f.size;
    const labels: Record<string, string> = { mtText: 'MT text', correctedText: 'Corrected text', sourceText: 'Source text', glossaryText: 'Glossary' };
    for (const [field, label] of Object.entries(labels)) {
      total += Buffer.byteLength(text(field));
      if (text(field)) LineCounter.check(text(field), limits, label);
    }
    if (total > limits.uploadBytes) throw new LimitError(`The upload is larger than the limit of ${size(limits.uploadBytes)} (tqa serve --max-upload).`);
    if (folderBytes(library.uploadsDir) + total > limits.storageBytes) {
      throw new LimitError(`This upload would pass the server's storage limit of ${size(limits.storageBytes)} (tqa serve --max-storage); a lead can delete one first.`);
    }
    const part = (file: string, field: string): Uint8Array | undefined => {
      const f = files[file]?.[0];
      if (f && f.size > 0) return readFileSync(f.path);
      const t = text(field);
      return t !== '' ? Buffer.from(t, 'utf8') : undefined;
    };
    const form = { name: text('name'), mtText: text('mtText'), correctedText: text('correctedText'), sourceText: text('sourceText'), glossaryText: text('glossaryText'), targetLang: text('targetLang'), sourceLang: text('sourceLang') };
    try {
      const targetLang = form.targetLang.trim() ? languageTag(form.targetLang, 'Target language') : undefined;
      const sourceLang = form.sourceLang.trim() ? languageTag(form.sourceLang, 'Source language') : undefined;
      const mt = part('mtFile', 'mtText');
      const corrected = part('correctedFile', 'correctedText');
      if (!mt) throw new InputError('MT text: give a file or paste the text.');
      // The corrected part may be empty when the MT file holds both (XLIFF, TMX, CSV/TSV): the library decides.
      const parts: Parameters<Library['addUpload']>[0] = { mt };
      if (corrected) parts.corrected = corrected;
      const mtName = files.mtFile?.[0]?.originalname;
      if (mtName) parts.mtName = mtName;
      const correctedName = files.correctedFile?.[0]?.originalname;
      if (correctedName) parts.correctedName = correctedName;
      if (form.name) parts.name = form.name;
      if (targetLang) parts.targetLang = targetLang;
      if (sourceLang) parts.sourceLang = sourceLang;
      const source = part('sourceFile', 'sourceText');
      if (source) parts.source = source;
      const glossary = part('glossaryFile', 'glossaryText');
      if (glossary) parts.glossary = glossary;
      const id = await audits.addUpload(parts);
      res.redirect(303, `/doc/${encodeURIComponent(id)}`);
    } catch (e) {
      if (!isInputError(e)) throw e;
      res.status(400).render('upload', { title: 'Add a pair', error: e.message, form, limits: limitList });
    }
  });

  app.post('/reviewer', verify, (req, res) => {
    if (res.locals.accounts) throw new HttpRefusal(403, 'The reviewer is the account you are logged in as.');
    const name = cleanReviewer((req.body as Record<string, string>)?.reviewer);
    if (!name) throw new InputError('Give a reviewer name (1–80 characters).');
    res.cookie(REVIEWER_COOKIE, name, { sameSite: 'strict', path: '/', maxAge: 365 * 86400_000 });
    res.redirect(303, backTo(req, '/'));
  });

  app.get('/doc/:id', (req, res) => {
    const got = pageDoc(req.params.id, res);
    if (!got) return;
    const { doc, origin, report } = got;
    const me = String(res.locals.reviewer);
    const raters = ratersOf(doc.id, report);
    const rater = raterParam(req.query.rater, raters, me);
    const shown = viewOf(doc, report, raters, rater);
    const filters = parseFilters(req.query as Record<string, unknown>);
    const layout = (LAYOUTS as readonly string[]).includes(String(req.query.layout)) ? (req.query.layout as Layout) : 'highlight';
    const one = (v: unknown) => (typeof v === 'string' ? v : '');
    const seg = one(req.query.seg).trim();
    if (seg !== '' && !/^\d{1,9}$/.test(seg)) throw new InputError(`Go to segment: give a segment number from 1 to ${doc.segments.length}.`);
    const q = one(req.query.q);
    if (q.length > MAX_SEARCH) throw new InputError(`Search: at most ${MAX_SEARCH} characters.`);
    const page = docPage(shown, filters, layout, Number(req.query.page ?? 1), { q, ...(seg !== '' ? { segment: Number(seg) } : {}) }, rater === '' ? raters.marks : undefined);
    // Reviewers who disagree (latest judgements differ): listed in the merged view, settled by a lead.
    const byId = new Map(doc.findings.map((f) => [f.id, f]));
    const disputes = rater !== '' ? [] : store.disagreements(doc.id).flatMap((d) => {
      const f = byId.get(d.findingId);
      return f ? [{ findingId: d.findingId, what: describe(snapshotOf(f)), statuses: d.statuses }] : [];
    });
    const raterView = {
      rater,
      me,
      names: raters.names.includes(me) ? raters.names : [...raters.names, me].sort((a, b) => a.localeCompare(b)),
      readOnly: rater !== '' && rater !== me,
      agreement: raters.agreement ? agreementView(raters.agreement) : undefined,
      count: raters.names.length,
    };
    const entry = entryOf(doc.id);
    const editable = library.correctedFile(entry) !== undefined ? 'text' : library.xliffFiles(entry) ? 'xliff' : '';
    res.render('doc', { title: rater ? `${doc.id} (${rater})` : doc.id, p: page, disputes, origin, rv: raterView, editable });
  });

  app.get('/doc/:id/history', (req, res) => {
    const got = pageDoc(req.params.id, res);
    if (!got) return;
    const { doc } = got;
    const stored = store.storedDecisions(doc.id);
    const rows = historyRows(doc, store.history(doc.id), stored);
    const orphans = store.orphans(doc.id, doc.findings.map((f) => f.id));
    res.render('history', { title: `${doc.id}: history`, id: doc.id, rows, orphans });
  });

  app.post('/doc/:id/decide', needs('reviewer'), verify, async (req, res) => {
    const { doc, report } = await reviewed(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reviewer = String(res.locals.reviewer);
    // From a rater view: only the reviewer's own view takes decisions (another rater's is read-only).
    const rater = raterParam(body.rater, ratersOf(doc.id, report), reviewer);
    if (rater !== '' && rater !== reviewer) throw new HttpRefusal(403, `This is ${rater}'s view: decide in your own view or the merged one.`);
    const seen = viewOf(doc, report, ratersOf(doc.id, report), rater);
    const findingId = stringField(body, 'findingId');
    const finding = seen.findings.find((f) => f.id === findingId);
    if (!finding) throw new NotFound('That finding no longer exists (the text was re-audited). Reload the page.');
    const change = changeFrom(stringField(body, 'action'), body.value, finding.decision?.status ?? 'open');
    // What this change overrides when someone else decided last: the page says so, so a race is visible.
    const previous = store.decisions(doc.id).get(finding.id);
    store.decide(doc.id, finding.id, change, reviewer, snapshotOf(finding));
    if (wantsJson(req)) {
      const now = await reviewed(doc.id);
      const raters = ratersOf(doc.id, now.report);
      const after = viewOf(now.doc, now.report, raters, rater);
      const n = after.findings.findIndex((f) => f.id === finding.id);
      const resolution = store.resolutions(doc.id).get(finding.id);
      res.json({
        finding: findingView(after.findings[n]!, n, {}, rater === '' ? raters.marks : undefined),
        score: scoreView(after),
        progress: progressOf(after.findings),
        replaced: previous && previous.reviewer !== reviewer && !resolution ? { reviewer: previous.reviewer, status: previous.status, at: previous.at } : null,
        // A lead settled this finding: the change is the reviewer's own rating, the final decision stays.
        resolved: resolution && resolution.by !== reviewer ? { by: resolution.by, status: resolution.status } : null,
      });
    } else {
      res.redirect(303, backTo(req, `/doc/${encodeURIComponent(doc.id)}`));
    }
  });

  // An error tqa missed (on the MT) or a source issue, marked by hand: offsets are into the segment's text on
  // that side, which the server reads from the current audit (the client sends no text to trust).
  app.post('/doc/:id/annotate', needs('reviewer'), verify, async (req, res) => {
    const { doc } = await reviewed(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const side = stringField(body, 'side') || 'mt';
    if (side !== 'mt' && side !== 'source') throw new InputError('side: use mt or source.');
    const int = (name: string) => {
      const v = stringField(body, name);
      if (!/^\d{1,9}$/.test(v)) throw new InputError(`${name}: expected a whole number.`);
      return Number(v);
    };
    const segment = int('segment');
    const texts = segmentTexts(doc, side);
    if (!texts) throw new InputError('This document has no source aligned with its segments: a source issue cannot be placed.');
    const segmentText = texts[segment];
    if (segmentText === undefined) throw new InputError(`segment: this document has segments 0 to ${texts.length - 1}.`);
    const correction = stringField(body, 'correction');
    const comment = stringField(body, 'comment').trim();
    const a = store.annotate(
      doc.id,
      {
        side,
        segment,
        segmentText,
        start: int('start'),
        end: int('end'),
        category: stringField(body, 'category') as Category,
        severity: (side === 'source' ? 'neutral' : stringField(body, 'severity')) as Severity,
        ...(correction !== '' ? { correction } : {}),
        ...(comment !== '' ? { comment } : {}),
      },
      String(res.locals.reviewer),
    );
    if (wantsJson(req)) {
      const after = (await reviewed(doc.id)).doc;
      res.json({ added: a.id, score: scoreView(after), progress: progressOf(after.findings) });
    } else res.redirect(303, backTo(req, `/doc/${encodeURIComponent(doc.id)}`));
  });

  // Editing the correction of one segment in place (a plain-text pair's corrected.txt): the file is rewritten,
  // the document re-audited, and decisions on findings the edit did not touch keep their fingerprints.
  app.post('/doc/:id/correction', needs('reviewer'), verify, async (req, res) => {
    const entry = entryOf(req.params.id);
    const file = library.correctedFile(entry);
    const xliff = file ? undefined : library.xliffFiles(entry);
    if (!file && !xliff) throw new InputError('Only a plain-text pair (mt.txt + corrected.txt) or an XLIFF file can be edited here; PO, TMX and CSV files keep their correction in units this does not rewrite.');
    const { doc } = await reviewed(entry.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const segText = stringField(body, 'segment');
    if (!/^\d{1,9}$/.test(segText) || Number(segText) >= doc.segments.length) throw new InputError(`segment: this document has segments 0 to ${doc.segments.length - 1}.`);
    const seg = doc.segments[Number(segText)]!;
    // Inline tags come back as the names the form showed (⟨g1⟩): the placeholders again.
    const text = untagText(doc)(stringField(body, 'text'));
    if (text.length > MAX_CORRECTION) throw new InputError(`The correction is longer than ${MAX_CORRECTION.toLocaleString('en-US')} characters.`);
    const reviewer = String(res.locals.reviewer);
    const changed = xliff ? editXliffTarget(xliff, doc, seg.id, text, reviewer) : editTextCorrection(file!, doc, seg, text, reviewer);
    const after = (await reviewed(entry.id)).doc;
    if (wantsJson(req)) res.json({ segment: seg.id, changed, score: scoreView(after), progress: progressOf(after.findings) });
    else res.redirect(303, backTo(req, `/doc/${encodeURIComponent(entry.id)}`));
  });

  /** Rewrites one segment of a plain-text pair's corrected.txt (its BOM kept); false when unchanged. */
  const editTextCorrection = (file: string, doc: DocumentReport, seg: DocumentReport['segments'][number], text: string, reviewer: string): boolean => {
    const breaks = (t: string) => (t.match(/\r\n|\r|\n/g) ?? []).length;
    const had = breaks(doc.corrected.text.slice(seg.corrected.start, seg.corrected.end));
    // Lines pair segments with the source and other tools: an edit keeps the segment's line breaks.
    if (breaks(text) !== had) throw new InputError(`The correction must keep the segment's ${had === 0 ? 'single line' : `${had} line break${had === 1 ? '' : 's'}`} (a line break more or less would change the segmentation).`);
    const bytes = readFileSync(file);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const onDisk = bytes.toString('utf8').slice(bom ? 1 : 0);
    if (onDisk !== doc.corrected.text) throw new HttpRefusal(409, 'The corrected file changed since this page was audited: reload and edit again.');
    const before = onDisk.slice(seg.corrected.start, seg.corrected.end);
    if (before === text) return false;
    const next = onDisk.slice(0, seg.corrected.start) + text + onDisk.slice(seg.corrected.end);
    const tmp = `${file}.tqa-edit-${process.pid}`;
    writeFileSync(tmp, (bom ? '\ufeff' : '') + next);
    renameSync(tmp, file);
    store.logCorrection(doc.id, seg.id, before, text, reviewer);
    return true;
  };

  /** Rewrites one unit's target in the corrected XLIFF (tags, BOM and encoding kept); false when unchanged. */
  const editXliffTarget = (files: { mt: string; corrected?: string }, doc: DocumentReport, unit: number, text: string, reviewer: string): boolean => {
    if (/[\r\n]/.test(text)) throw new InputError('The correction of an XLIFF unit is one line here (the unit’s own line breaks are kept as they are in the file).');
    const localized = readLocalized(files);
    if (localized.corrected.text !== doc.corrected.text) throw new HttpRefusal(409, 'The corrected file changed since this page was audited: reload and edit again.');
    const u = localized.units[unit]!;
    const own = new Set([...u.corrected.tags.keys(), ...u.mt.tags.keys(), ...(u.source?.tags.keys() ?? [])]);
    const names = tagText(doc);
    for (const c of Object.keys(doc.tags ?? {})) if (text.includes(c) && !own.has(c)) throw new InputError(`${names(c)} is not a tag of this unit.`);
    const before = u.corrected.text;
    if (before === text) return false;
    const bytes = xliffWithEditedTarget(localized, unit, text);
    const path = localized.correctedFile.path;
    const tmp = `${path}.tqa-edit-${process.pid}`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    store.logCorrection(doc.id, unit, names(before), names(text), reviewer);
    return true;
  };

  // The post-edit of an XLIFF document as XLIFF: the corrected file (with in-place edits) and the approved
  // targets written back (rejected edits put back to the MT, decided units marked), in the file's encoding.
  app.get('/doc/:id/post-edit.xlf', async (req, res) => {
    const entry = entryOf(req.params.id);
    const files = library.xliffFiles(entry);
    if (!files) throw new NotFound('Only an XLIFF document has an XLIFF post-edit (the text one is post-edit.txt).');
    const { doc } = await reviewed(entry.id);
    const localized = readLocalized(files);
    if (localized.corrected.text !== doc.corrected.text) throw new HttpRefusal(409, 'The file changed since it was audited: reload and download again.');
    res.type('application/xliff+xml').attachment(`${doc.id}.post-edit.xlf`).send(Buffer.from(xliffBytesWithApprovedTargets(localized, doc)));
  });

  // The post-edit as it now stands (after in-place edits), as plain text.
  app.get('/doc/:id/post-edit.txt', async (req, res) => {
    const { doc } = await reviewed(req.params.id);
    res.type('text/plain; charset=utf-8').attachment(`${doc.id}.post-edit.txt`).send(doc.corrected.text);
  });

  app.post('/doc/:id/annotations/:aid/remove', needs('reviewer'), verify, async (req, res) => {
    const { doc } = await reviewed(req.params.id);
    if (!store.removeAnnotation(doc.id, String(req.params.aid), String(res.locals.reviewer))) throw new NotFound('No such marked error (removed already?).');
    if (wantsJson(req)) res.json({ removed: String(req.params.aid) });
    else res.redirect(303, backTo(req, `/doc/${encodeURIComponent(doc.id)}`));
  });

  app.post('/doc/:id/arbitrate', needs('lead'), verify, async (req, res) => {
    const { doc } = await reviewed(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const findingId = stringField(body, 'findingId');
    const finding = doc.findings.find((f) => f.id === findingId);
    if (!finding) throw new NotFound('That finding no longer exists (the text was re-audited). Reload the page.');
    const action = stringField(body, 'action');
    let change: DecisionChange;
    if (action === 'adopt') {
      // The lead takes one rater's judgement whole: status, category and severity.
      const rater = stringField(body, 'rater');
      const theirs = store.raterDecisions(doc.id).get(rater)?.get(finding.id);
      if (!theirs || theirs.status === 'open') throw new InputError(`${rater.slice(0, 80) || 'That rater'} has not decided this finding.`);
      change = { status: theirs.status, category: theirs.category ?? null, severity: theirs.severity ?? null };
    } else if (action === 'accept' || action === 'reject') change = changeFrom(action, undefined);
    else throw new InputError("Arbitrate with accept, reject or adopt (a rater's decision).");
    const d = store.decide(doc.id, finding.id, change, String(res.locals.reviewer), snapshotOf(finding), { arbitrate: true });
    if (wantsJson(req)) res.json({ arbitrated: finding.id, status: d.status });
    else res.redirect(303, backTo(req, `/doc/${encodeURIComponent(doc.id)}`));
  });

  app.post('/doc/:id/delete', needs('lead'), verify, (req, res) => {
    const entry = entryOf(req.params.id);
    library.removeUpload(entry.id);
    audits.forget(entry);
    store.markDeleted(entry.id, String(res.locals.reviewer));
    if (wantsJson(req)) res.json({ deleted: entry.id });
    else res.redirect(303, '/');
  });

  app.post('/doc/:id/bulk', needs('reviewer'), verify, async (req, res) => {
    const { doc, report } = await reviewed(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const me = String(res.locals.reviewer);
    const rater = raterParam(body.rater, ratersOf(doc.id, report), me);
    if (rater !== '' && rater !== me) throw new HttpRefusal(403, `This is ${rater}'s view: bulk actions work in your own view or the merged one.`);
    const filters = parseFilters(body);
    const change = changeFrom(stringField(body, 'action'), body.value);
    const q = stringField(body, 'q');
    if (q.length > MAX_SEARCH) throw new InputError(`Search: at most ${MAX_SEARCH} characters.`);
    // Exactly what the page shows: the filters and the text search.
    const targets = bulkTargets(viewOf(doc, report, ratersOf(doc.id, report), rater), filters, q);
    const seen = new Set<string>();
    const items = targets.filter((f) => !seen.has(f.id) && seen.add(f.id)).map((f) => ({ findingId: f.id, snapshot: snapshotOf(f) }));
    const n = items.length > 0 ? store.decideMany(doc.id, items, change, String(res.locals.reviewer)) : 0;
    if (wantsJson(req)) res.json({ changed: n });
    else res.redirect(303, backTo(req, `/doc/${encodeURIComponent(doc.id)}`));
  });

  // The raters' agreement on this document (src/review/agreement.ts, as `tqa agreement` computes it), as JSON.
  app.get('/doc/:id/agreement.json', async (req, res) => {
    const { doc, report } = await reviewed(req.params.id);
    const raters = ratersOf(doc.id, report);
    if (!raters.agreement) throw new NotFound(`Agreement needs two raters; this document has ${raters.names.length}.`);
    res.type('application/json').attachment(`${doc.id}.agreement.json`).send(`${JSON.stringify({ document: doc.id, ...raters.agreement }, null, 2)}\n`);
  });

  app.get('/doc/:id/export.:format', async (req, res) => {
    const format = String(req.params.format);
    if (!isReportFormat(format)) throw new NotFound(`Unknown export format "${format}" (use ${FORMATS.join(', ')}).`);
    const { doc, origin } = await reviewed(req.params.id);
    // An export leaves the server: its files are named relative to DIR (or the uploads folder), not by server paths.
    const base = origin === 'upload' ? library.uploadsDir : library.root;
    const local = (p: string) => (p === '' || !isAbsolute(p) ? p : relative(base, p).split(sep).join('/'));
    const shown: DocumentReport = { ...doc, mt: { ...doc.mt, path: local(doc.mt.path) }, corrected: { ...doc.corrected, path: local(doc.corrected.path) } };
    if (doc.source) shown.source = { ...doc.source, path: local(doc.source.path) };
    const body = formatReport(makeReport([shown]), format);
    res
      .type(CONTENT_TYPES[format] ?? 'text/plain')
      .attachment(`${doc.id}.${FORMAT_EXTENSIONS[format]}`)
      .send(body);
  });

  app.use((_req, _res, next) => next(new NotFound('No such page.')));

  // Every error ends as a page (or JSON for fetch) with a clear message and the right status; never a stack.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, message } = describeError(err, bodyLimit);
    // Only a bug gets its stack in the log; a full disk or a read-only database is one line.
    if (status === 500) process.stderr.write(`tqa serve: ${(err as Error)?.stack ?? String(err)}\n`);
    else if (status > 500) process.stderr.write(`tqa serve: ${req.method} ${req.path.slice(0, 200)}: ${message} (${(err as { code?: string }).code ?? status})\n`);
    if (res.headersSent) return;
    res.status(status);
    if (status === 413) res.set('Connection', 'close'); // the unread body is not worth draining
    if (wantsJson(req)) {
      res.json({ error: message });
      return;
    }
    res.render('error', { title: statusTitle(status), status, message, limits: limitList, limitMb: mb(bodyLimit) }, (renderErr, html) => {
      if (renderErr) {
        process.stderr.write(`tqa serve: error page failed: ${renderErr.message}\n`);
        res.type('text/plain').send(`${status} ${statusTitle(status)}: ${message}\n`);
      } else res.send(html);
    });
  });

  return app;
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  'mqm-tsv': 'text/tab-separated-values',
  m2: 'text/plain',
  sarif: 'application/sarif+json',
  junit: 'application/xml',
  github: 'text/plain',
};

class NotFound extends Error {
  readonly status = 404;
}

/** A body over the limit, refused from its Content-Length; describeError words the 413 for every such case. */
class TooLarge extends Error {
  readonly status = 413;
}

const STAGE_LABEL: Record<string, string> = { align: 'aligning', edits: 'extracting edits', classify: 'classifying', score: 'scoring' };

/** "classifying 1,200 / 5,000" — or "waiting for a worker" before the first progress report. */
function progressText(st: Extract<AuditState, { status: 'pending' }>): string {
  const p = st.progress;
  const secs = Math.round((Date.now() - st.since) / 1000);
  if (!p) return `queued or starting (${secs} s)`;
  const pct = p.total > 0 ? ` (${Math.floor((100 * p.done) / p.total)}%)` : '';
  return `${STAGE_LABEL[p.stage] ?? p.stage} ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}${pct}, ${secs} s`;
}

/** A form or JSON field that must be a string when given (a JSON object or array is refused, not stringified). */
function stringField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new InputError(`${name}: expected a string.`);
  return v;
}

function changeFrom(action: string, value: unknown, current?: 'open' | 'accepted' | 'rejected'): DecisionChange {
  const v = typeof value === 'string' ? value : '';
  switch (action) {
    case 'accept':
      return { status: 'accepted' };
    case 'reject':
      return { status: 'rejected' };
    case 'reopen':
      return { status: 'open' };
    // Recategorising an open finding is a judgement that it is an error, only labelled otherwise: it counts as
    // reviewed (accepted). A decided finding keeps its status; clearing the override ("as found") changes none.
    case 'category':
      return v === '' ? { category: null } : { category: v as Category, ...(current === 'open' ? { status: 'accepted' as const } : {}) };
    case 'severity':
      return v === '' ? { severity: null } : { severity: v as Severity, ...(current === 'open' ? { status: 'accepted' as const } : {}) };
    case 'comment':
      return { comment: v };
    default:
      throw new InputError(`Unknown action "${action}" (use accept, reject, reopen, category, severity or comment).`);
  }
}

function describeError(err: unknown, bodyLimit: number): { status: number; message: string } {
  const e = err as { status?: number; type?: string; code?: string; message?: string; name?: string };
  if (err instanceof TooLarge || e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FIELD_VALUE') {
    return { status: 413, message: `The request is larger than the limit of ${mb(bodyLimit)} MB.` };
  }
  if (err instanceof LimitError) return { status: 413, message: err.message };
  if (e?.type === 'parameters.too.many' || e?.code === 'LIMIT_FIELD_COUNT' || e?.code === 'LIMIT_PART_COUNT') {
    return { status: 413, message: 'The form has too many fields.' };
  }
  if (err instanceof multer.MulterError) return { status: 400, message: `Upload refused: ${err.message}.` };
  if (err instanceof NotFound) return { status: 404, message: err.message };
  if (err instanceof HttpRefusal) return { status: err.status, message: err.message };
  if (err instanceof CsrfError) return { status: 403, message: err.message };
  if (isInputError(err)) return { status: 400, message: err.message };
  if (e?.type === 'entity.parse.failed' || /^Z_/.test(String(e?.code))) return { status: 400, message: 'The request body could not be read.' };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return { status: 415, message: 'The request body is in an encoding this server does not read (send JSON or a form, UTF-8, gzip or none).' };
  }
  if (isReadOnlyError(err)) return { status: 503, message: 'The decisions database is read-only: nothing was saved. Tell whoever runs the server.' };
  if (isDiskFullError(err)) return { status: 507, message: "The server's disk is full: nothing was saved. Tell whoever runs the server." };
  // A multipart body that ends early or is malformed (busboy's own errors), and Express's own 4xx errors
  // (a URL that does not decode, a body it cannot inflate): the client's fault, said briefly.
  if (/^(Unexpected end of form|Malformed part header|Malformed urlencoded form|Request (aborted|closed))/.test(String(e?.message))) {
    return { status: 400, message: 'The upload arrived incomplete or malformed.' };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return { status: e.status, message: e.status === 400 ? 'Bad request.' : 'The request was refused.' };
  }
  return { status: 500, message: 'Something went wrong on the server. The details are in the server log.' };
}

function statusTitle(status: number): string {
  return ({ 400: 'Bad input', 401: 'Log in', 403: 'Refused', 404: 'Not found', 413: 'Too large', 421: 'Wrong host', 429: 'Too many attempts', 503: 'Read-only', 507: 'Disk full' } as Record<number, string>)[status] ?? 'Error';
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

/** Redirect target after a form post: the page it came from when that is on this server, else `fallback`. */
function backTo(req: Request, fallback: string): string {
  // Pages go out with Referrer-Policy: no-referrer, so forms name the page to return to (page and filters kept);
  // only a path on this server is followed.
  const back = (req.body as Record<string, unknown> | undefined)?.back;
  if (typeof back === 'string' && back.length <= 2000 && /^\/(?![\/\\])[^\s]*$/.test(back)) return back;
  const ref = req.get('referer');
  if (!ref) return fallback;
  try {
    const u = new URL(ref);
    if (u.host === req.get('host')) return u.pathname + u.search + u.hash;
  } catch {
    /* not a URL: use the fallback */
  }
  return fallback;
}

function cleanReviewer(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const s = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return s.length > 0 && s.length <= 80 ? s : undefined;
}

function safeUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
