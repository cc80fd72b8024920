/**
 * The browser host: serves the built renderer and the same services over HTTP on loopback only.
 *
 * Every API call must carry the per-run token (Authorization: Bearer, or ?token= for the event stream, which
 * EventSource cannot send headers for), and the Host header must name this loopback address, which defeats DNS
 * rebinding from web pages the user visits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../services/backend';

export const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(opts: { backend: Pick<Backend, 'dispatch' | 'events'>; rendererDir: string; port?: number; token?: string }): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sockets = new Set<import('node:net').Socket>();
  const sseClients = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => sendJson(res, 500, { ok: false, error: { code: 'internal', message: error.message } }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const unsubscribe = opts.backend.events.subscribe((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Staffwise only answers on its loopback address.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const presented = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('token') ?? '';
      if (!tokensMatch(presented, token)) {
        sendJson(res, 401, { ok: false, error: { code: 'invalid_request', message: 'Missing or wrong access token; open the URL the host printed.' } });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      const match = /^\/api\/invoke\/([\w.]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        const body = await readBody(req);
        if (body === undefined) {
          sendJson(res, 413, { ok: false, error: { code: 'invalid_request', message: 'Request body too large.' } });
          return;
        }
        let payload: unknown;
        try {
          payload = body.length ? JSON.parse(body) : undefined;
        } catch {
          sendJson(res, 400, { ok: false, error: { code: 'invalid_request', message: `Request to ${match[1]} is not valid JSON.` } });
          return;
        }
        sendJson(res, 200, await opts.backend.dispatch(match[1], payload));
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'unknown_channel', message: `No API route ${req.method} ${url.pathname}` } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    await serveStatic(url.pathname, res);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(opts.rendererDir, relative));
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const content = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(content);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function tokensMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
