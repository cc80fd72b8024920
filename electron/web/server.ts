/**
 * The browser host: serves the built renderer and the same services over HTTP on loopback only.
 *
 * - Every API call must carry the per-run token in an `Authorization: Bearer` header. A token in the query string is
 *   accepted only by the event stream (EventSource cannot send headers); the page takes the printed `?token=` out
 *   of the address bar on its first load and sends the header from then on.
 * - The Host header must name this loopback address (defeats DNS rebinding), and an API call that a browser marks
 *   with a foreign Origin is refused, so another site open in the same browser cannot drive the API.
 * - Bodies are bounded before they are read (Content-Length) and while they stream in; files arrive as raw uploads
 *   (shared/api/upload.ts), never as one huge JSON string. Slow or stalled clients are cut off by header, request
 *   and idle timeouts. No handler's throw escapes: every failure becomes one JSON error answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Backend } from '../services/backend';
import { FILE_FIELD, MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPE, type UploadEnvelope } from '../../shared/api/upload';

export { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES };

export const LOOPBACK = '127.0.0.1';
/** The JSON line in front of an upload's file bytes (the other request fields). */
const MAX_UPLOAD_ENVELOPE_BYTES = 1024 * 1024;
/** After a 413 the rest of the body is read and dropped for this long, so the client can read the answer. */
const DRAIN_AFTER_REFUSAL_MS = 2000;
/** Comment lines keep the event stream alive through the idle timeout and reveal clients that went away. */
const EVENT_STREAM_HEARTBEAT_MS = 15_000;

export interface HostTimeouts {
  /** The request line and headers must arrive within this time. */
  headersMs: number;
  /** The whole request, body included, must arrive within this time: a 400 MB upload takes seconds on loopback. */
  requestMs: number;
  /** A socket with no traffic in either direction for this long is closed (the event stream sends heartbeats). */
  idleMs: number;
  /** How often Node checks the header and request deadlines. */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: HostTimeouts = { headersMs: 10_000, requestMs: 120_000, idleMs: 120_000, checkIntervalMs: 1_000 };

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

/** A request refused with a status and a message for the user; anything else thrown is a 500. */
class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(opts: {
  backend: Pick<Backend, 'dispatch' | 'events'>;
  rendererDir: string;
  port?: number;
  token?: string;
  timeouts?: Partial<HostTimeouts>;
}): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  let port = 0;
  const sockets = new Set<Socket>();
  const sseClients = new Set<ServerResponse>();

  const server: Server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    (req, res) => {
      handle(req, res).catch((error: unknown) => answerFailure(req, res, error));
    },
  );
  server.setTimeout(timeouts.idleMs);
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
    const url = parseRequestUrl(req.url, port);
    if (url.pathname.startsWith('/api/')) {
      if (!originAllowed(req.headers.origin, port)) {
        throw new RequestRefused(403, `Requests from ${req.headers.origin} are refused: only the Staffwise page itself may call the API.`);
      }
      const isEventStream = url.pathname === '/api/events' && req.method === 'GET';
      if (!tokensMatch(presentedToken(req, url, isEventStream), token)) {
        sendJson(res, 401, { ok: false, error: { code: 'invalid_request', message: 'Missing or wrong access token; open the URL the host printed.' } });
        return;
      }
      if (isEventStream) return openEventStream(req, res);
      const match = /^\/api\/invoke\/([\w.]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        const payload = await readPayload(req, match[1]!);
        sendJson(res, 200, await opts.backend.dispatch(match[1]!, payload));
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

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    // The stream is meant to stay open: the heartbeat, not the idle timeout, tells when its client has gone.
    req.socket.setTimeout(0);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), EVENT_STREAM_HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      sseClients.delete(res);
    });
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodePath(pathname.slice(1));
    const file = normalize(join(opts.rendererDir, relative));
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) {
      res.writeHead(403).end();
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(content);
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

/** Browsers send Origin on cross-site requests and on every POST; tools (the tests, curl) send none. */
function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}

function presentedToken(req: IncomingMessage, url: URL, isEventStream: boolean): string {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return (isEventStream ? url.searchParams.get('token') : null) ?? '';
}

function tokensMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseRequestUrl(raw: string | undefined, port: number): URL {
  try {
    return new URL(raw ?? '/', `http://${LOOPBACK}:${port}`);
  } catch {
    throw new RequestRefused(400, 'The request URL is malformed.');
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new RequestRefused(400, 'The request path has malformed percent-encoding (a % must be followed by two hex digits).');
  }
}

function tooLarge(limit: number, channel: string): RequestRefused {
  return new RequestRefused(413, `The request to ${channel} is larger than ${limit.toLocaleString('en-US')} bytes; split the file (e.g. by date) and send the parts.`, true);
}

/** The request's payload: a JSON body, or a raw upload whose file text goes back into its field. */
async function readPayload(req: IncomingMessage, channel: string): Promise<unknown> {
  const isUpload = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === UPLOAD_CONTENT_TYPE;
  const limit = isUpload ? MAX_UPLOAD_BYTES : MAX_JSON_BODY_BYTES;
  const declared = Number(req.headers['content-length'] ?? 0);
  // Refused before a byte of the body is read; a body without Content-Length is counted as it streams.
  if (declared > limit) throw tooLarge(limit, channel);
  if (isUpload) return readUpload(req, limit, channel);
  const chunks: Buffer[] = [];
  await consumeBody(req, limit, channel, (chunk) => chunks.push(chunk));
  const body = Buffer.concat(chunks).toString('utf8');
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new RequestRefused(400, `Request to ${channel} is not valid JSON.`);
  }
}

async function readUpload(req: IncomingMessage, limit: number, channel: string): Promise<unknown> {
  let head: Buffer = Buffer.alloc(0);
  let envelope: UploadEnvelope | undefined;
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  await consumeBody(req, limit, channel, (chunk) => {
    if (envelope) {
      parts.push(decoder.decode(chunk, { stream: true }));
      return;
    }
    head = Buffer.concat([head, chunk]);
    const newline = head.indexOf(0x0a);
    if (newline < 0) {
      if (head.length > MAX_UPLOAD_ENVELOPE_BYTES) throw new RequestRefused(400, `The upload to ${channel} does not start with its JSON line.`);
      return;
    }
    envelope = parseEnvelope(head.subarray(0, newline), channel);
    parts.push(decoder.decode(head.subarray(newline + 1), { stream: true }));
  });
  if (!envelope) throw new RequestRefused(400, `The upload to ${channel} does not start with its JSON line.`);
  parts.push(decoder.decode());
  return { ...envelope.rest, [FILE_FIELD]: parts.join('') };
}

function parseEnvelope(line: Buffer, channel: string): UploadEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch {
    throw new RequestRefused(400, `The upload to ${channel} does not start with a valid JSON line.`);
  }
  const candidate = parsed as Partial<UploadEnvelope> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.field !== FILE_FIELD || typeof candidate.rest !== 'object' || candidate.rest === null || Array.isArray(candidate.rest)) {
    throw new RequestRefused(400, `The upload to ${channel} must name the field "${FILE_FIELD}" and carry the other fields as an object.`);
  }
  return { field: FILE_FIELD, rest: candidate.rest };
}

/**
 * Reads the body chunk by chunk, counting bytes; rejects (never throws from an event handler) when the count passes
 * `limit`, when `onChunk` throws, or when the client goes away. After a rejection the stream keeps flowing with
 * no listener, so the remaining bytes are dropped rather than kept.
 */
function consumeBody(req: IncomingMessage, limit: number, channel: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.resume();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return settle(tooLarge(limit, channel));
      try {
        onChunk(chunk);
      } catch (error) {
        settle(error);
      }
    };
    req.on('data', onData);
    req.on('end', () => settle());
    req.on('error', (error) => settle(error));
    req.on('close', () => {
      if (!req.complete) settle(new RequestRefused(400, `The request to ${channel} ended before its body was complete.`));
    });
  });
}

/** Turns any failure into one answer; never throws, so nothing escapes to the process. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  try {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (error instanceof RequestRefused) {
      if (error.closeConnection) {
        res.setHeader('connection', 'close');
        // Let the client finish sending so it can read the answer, but not for ever.
        setTimeout(() => req.socket.destroy(), DRAIN_AFTER_REFUSAL_MS).unref();
      }
      sendJson(res, error.status, { ok: false, error: { code: 'invalid_request', message: error.message } });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, 500, { ok: false, error: { code: 'internal', message } });
  } catch {
    res.destroy();
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Serialised before the head is written, so a value JSON cannot hold still gets a proper error answer.
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
