import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../../io/errors.js';
import { DEFAULT_DATA_DIR, DEFAULT_DB_FILE, openStore } from '../../store/index.js';
import { auditOptionsFromFlags } from '../../audit-files.js';
import { dbPathFor } from '../decisions.js';
import { parseJobs } from '../../workers/pool.js';

// The web stack (express, ejs, helmet, multer) is imported when `serve` runs, so other commands start fast.
const DEFAULT_BODY_LIMIT = '10mb';

interface ServeOptions {
  host: string;
  port: string;
  db?: string;
  dataDir?: string;
  reviewer?: string;
  bodyLimit: string;
  preset?: 'mqm-core' | 'wmt-google';
  threshold?: string;
  segmentation?: 'auto' | 'lines';
  targetLang?: string;
  sourceLang?: string;
  allowedHost: string[];
  maxUpload?: string;
  maxLines: string;
  maxLine: string;
  maxStorage: string;
  maxDocuments: string;
  jobs?: string;
  trustProxy?: string | true;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('review findings in the browser: highlights by category, decisions saved in SQLite')
    .argument('[dir]', 'folder of document pairs (<name>/mt.txt + corrected.txt [+ source.txt, glossary.tsv])', 'texts')
    .option('--host <host>', 'interface to bind (keep 127.0.0.1 unless others must reach it; any other address needs accounts: tqa users add)', '127.0.0.1')
    .option('--allowed-host <name>', 'a host name clients use to reach the server (repeatable; default the bound address and localhost)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--trust-proxy [addresses]', 'believe X-Forwarded-Proto/-Host/-For from a reverse proxy at these addresses (default loopback)')
    .option('--port <port>', 'port; 0 picks a free one (the URL is printed)', '8080')
    .option('--data-dir <dir>', `where uploads and the database live (default ${DEFAULT_DATA_DIR}/ in the current directory)`)
    .option('--db <file>', `decisions database (default <data-dir>/${DEFAULT_DB_FILE})`)
    .option('--reviewer <name>', 'reviewer name until one is set in the page (default: the OS user)')
    .option('--body-limit <size>', 'largest request body, e.g. 10mb, 500kb', DEFAULT_BODY_LIMIT)
    .option('--max-upload <size>', 'largest upload, all its parts together (default: --body-limit)')
    .option('--max-lines <n>', 'most lines in one uploaded part', '200000')
    .option('--max-line <size>', 'longest line in an uploaded part', '256kb')
    .option('--max-storage <size>', 'all uploads kept on the server together', '2gb')
    .option('--max-documents <n>', 'most documents listed (folders and uploads)', '1000')
    .option('--jobs <n>', 'audit worker threads (default: the cores but one, at most 2)')
    .addOption(new Option('--preset <preset>', 'MQM-based scoring preset').choices(['mqm-core', 'wmt-google']))
    .option('--threshold <score>', 'MQM-based pass threshold')
    .addOption(new Option('--segmentation <mode>', 'auto (sentences) or lines').choices(['auto', 'lines']))
    .option('--target-lang <bcp47>', "the documents' language (default: each file's metadata, else detected per document)")
    .option('--source-lang <bcp47>', "the sources' language (default: each file's metadata, else detected)")
    .action(async (dir: string, o: ServeOptions) => {
      const { checkRoot } = await import('../../web/library.js');
      const { startServer } = await import('../../web/server.js');
      checkRoot(dir);
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port: "${o.port}" is not a port number`);
      // A --db in a missing folder is refused like in the other commands (it would start an empty database).
      if (o.db !== undefined) dbPathFor(o.db);
      const dataDir = resolve(o.dataDir ?? (o.db ? dirname(o.db) : DEFAULT_DATA_DIR));
      const dbPath = resolve(o.db ?? join(dataDir, DEFAULT_DB_FILE));
      // Uploads and the CSRF secret are written there: refuse an unusable folder now, not on the first upload.
      try {
        mkdirSync(dataDir, { recursive: true });
      } catch (e) {
        throw new InputError(`--data-dir ${dataDir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      // The same audit options, parsed the same way, as audit and export (serve names the preset flag --preset).
      const auditOptions = auditOptionsFromFlags({ segmentation: o.segmentation, mqmPreset: o.preset, threshold: o.threshold, targetLang: o.targetLang, sourceLang: o.sourceLang });
      const bodyLimit = parseSize(o.bodyLimit);
      const limits = {
        uploadBytes: o.maxUpload === undefined ? bodyLimit : parseSize(o.maxUpload, '--max-upload'),
        uploadLines: parseCount(o.maxLines, '--max-lines'),
        lineBytes: parseSize(o.maxLine, '--max-line'),
        storageBytes: parseSize(o.maxStorage, '--max-storage'),
        documents: parseCount(o.maxDocuments, '--max-documents'),
      };
      const store = openStore(dbPath);
      if (store.readOnly) process.stderr.write(`tqa: warning: ${dbPath} is read-only: pages work, decisions and uploads will be refused\n`);
      let running;
      try {
        running = await startServer({
          root: dir,
          dataDir,
          store,
          host: o.host,
          port,
          bodyLimit,
          limits,
          ...(o.jobs !== undefined ? { auditJobs: parseJobs(o.jobs) } : {}),
          auditOptions,
          allowedHosts: o.allowedHost,
          trustProxy: o.trustProxy === undefined ? false : o.trustProxy === true ? 'loopback' : o.trustProxy,
          ...(o.reviewer ? { reviewer: o.reviewer } : {}),
        });
      } catch (e) {
        store.close();
        if (e instanceof InputError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new InputError(`--port ${port}: already in use (try --port 0)`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`--host ${o.host}: cannot bind there`);
        throw e;
      }
      const n = running.app.library.list().length;
      process.stderr.write(`tqa: reviewing ${n} document pair${n === 1 ? '' : 's'} from ${resolve(dir)}; decisions in ${dbPath}\n`);
      process.stdout.write(`${running.url}\n`);
      if (o.host === '0.0.0.0' || o.host === '::') process.stderr.write(`tqa: listening on every interface; accounts required (${store.accounts.count()} so far)\n`);
      // Audit every pair now, in the worker pool, rather than on its first page view; pages answer meanwhile (a
      // document being audited shows its progress). Results stored in the database are not audited again.
      const { audits, library } = running.app;
      const t0 = Date.now();
      void audits.warm().then(() => {
        for (const entry of library.list()) {
          const st = audits.state(entry);
          if (st.status === 'failed') process.stderr.write(`tqa: ${entry.id}: ${st.message}\n`);
        }
        process.stderr.write(`tqa: audits ready (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      });
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(() => {
            store.close();
            done();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

/** "10mb", "512kb", "1048576" → bytes. */
export function parseSize(s: string, flag = '--body-limit'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(s);
  if (!m) throw new InputError(`${flag}: "${s}" is not a size (e.g. 10mb, 500kb)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * mult);
  if (bytes < 1024) throw new InputError(`${flag}: ${s} is too small (at least 1kb)`);
  return bytes;
}

function parseCount(s: string, flag: string): number {
  const n = Number(s.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag}: "${s}" is not a positive whole number`);
  return n;
}
