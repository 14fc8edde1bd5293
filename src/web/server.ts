import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app.js';

export interface RunningServer {
  app: App;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the review app on host:port (port 0 picks a free one). Binds 127.0.0.1 unless told otherwise. */
export async function startServer(opts: AppOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const app = createApp(opts);
  const server = createServer(app);
  const host = opts.host ?? '127.0.0.1';
  server.listen(opts.port ?? 0, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([e]) => {
      throw e;
    }),
  ]);
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    app,
    server,
    url: `http://${shown}:${port}/`,
    close: async () => {
      // Browsers keep sockets alive; close them or close() waits for their timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
