import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface NewsServer {
  readonly base: string;
  url(path: string): string;
  /** Every request received: path with query, and headers. */
  readonly requests: { path: string; headers: IncomingHttpHeaders }[];
  route(path: string, handler: Handler): void;
  /** A fixed answer: status, content type and body. */
  serve(path: string, body: string | Buffer, type?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** A loopback HTTP server (127.0.0.1, random port) standing in for news sites and feeds. */
export async function startNewsServer(): Promise<NewsServer> {
  const routes = new Map<string, Handler>();
  const requests: NewsServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path.split('?')[0] ?? path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path) => base + path,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    serve(path, body, type = 'text/html; charset=utf-8', headers = {}) {
      routes.set(path, (_req, res) => res.writeHead(200, { 'content-type': type, ...headers }).end(body));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
