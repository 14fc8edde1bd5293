import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../io/errors.js';
import { createApp, type App, type AppOptions } from './app.js';
import { isLoopback } from './auth.js';

export interface RunningServer {
  app: App;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the review app on host:port (port 0 picks a free one). Binds 127.0.0.1 unless told otherwise; any
 *  other address is reachable by others, so it needs accounts first (one line, before anything listens). */
export async function startServer(opts: AppOptions & { port?: number }): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && opts.store.accounts.count() === 0) {
    throw new InputError(
      `--host ${host}: other machines can reach this address and there are no accounts yet; add one first: tqa users add NAME --role admin --db ${opts.store.path}`,
    );
  }
  const app = createApp({ ...opts, host });
  const server = createServer(app);
  server.listen(opts.port ?? 0, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([e]) => {
      throw e;
    }),
  ]);
  const { port } = server.address() as AddressInfo;
  // The address actually bound (0.0.0.0 means every interface: the caller says which names reach it).
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    server,
    url: `http://${shown}:${port}/`,
    close: async () => {
      // Browsers keep sockets alive; close them or close() waits for their timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
