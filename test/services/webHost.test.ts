import { describe, expect, it, afterEach, vi } from 'vitest';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_JSON_BODY_BYTES, startWebHost, type HostTimeouts, type WebHost } from '../../electron/web/server';
import { EventHub } from '../../electron/services/events';
import { UPLOAD_CONTENT_TYPE } from '../../shared/api/upload';
import { httpTransport } from '../../renderer/src/transports/http';
import { useBackends } from '../helpers/backend';
import { useTempDirs } from '../helpers/tempDir';

const newBackend = useBackends();
const tempDir = useTempDirs();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start() {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Staffwise</title>');
  const host = await startWebHost({ backend: newBackend(), rendererDir });
  hosts.push(host);
  return host;
}

/** Raw HTTP so the Host header can be forged (fetch will not let us). */
function send(host: WebHost, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const calc = JSON.stringify({ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75 });

describe('browser host', () => {
  it('listens on loopback only and prints a URL with its token', async () => {
    const host = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers API calls that carry the token', async () => {
    const host = await start();
    const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { authorization: `Bearer ${host.token}`, host: `127.0.0.1:${host.port}` }, body: calc });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { requiredAgentsRounded: 28 } });
  });

  it('refuses calls without the right token', async () => {
    const host = await start();
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${host.token}x` }];
    for (const headers of attempts) {
      const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { ...headers, host: `127.0.0.1:${host.port}` }, body: calc });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error.message).toMatch(/access token/);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const host = await start();
    const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { authorization: `Bearer ${host.token}`, host: `evil.example:${host.port}` }, body: calc });
    expect(res.status).toBe(421);
  });

  it('reports malformed JSON clearly', async () => {
    const host = await start();
    const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { authorization: `Bearer ${host.token}`, host: `127.0.0.1:${host.port}` }, body: '{"volume": 5' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('Request to capacity.calculate is not valid JSON.');
  });

  it('serves the renderer with a strict CSP and never outside its folder', async () => {
    const host = await start();
    const index = await send(host, '/', { headers: { host: `127.0.0.1:${host.port}` } });
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    const escape = await send(host, '/..%2f..%2fetc%2fpasswd', { headers: { host: `127.0.0.1:${host.port}` } });
    expect([403, 404]).toContain(escape.status);
  });
});

// ---- Hostile and clumsy clients (issue 12, findings 2 and 5) ----

function fakeBackend(seen: unknown[] = [], fail?: 'throws' | 'unserializable') {
  const events = new EventHub();
  return {
    events,
    dispatch: async (channel: unknown, payload: unknown) => {
      if (fail === 'throws') throw new Error(`boom in ${String(channel)}`);
      if (fail === 'unserializable') return { ok: true as const, value: { channel, big: 10n } };
      seen.push(payload);
      return { ok: true as const, value: { channel } };
    },
  };
}

async function startWith(backend: ReturnType<typeof fakeBackend>, timeouts?: Partial<HostTimeouts>) {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Staffwise</title>');
  const host = await startWebHost({ backend, rendererDir, timeouts });
  hosts.push(host);
  return host;
}

const hostHeader = (host: WebHost) => ({ host: `127.0.0.1:${host.port}` });
const auth = (host: WebHost) => ({ ...hostHeader(host), authorization: `Bearer ${host.token}` });

async function stillServes(host: WebHost) {
  const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: auth(host), body: calc });
  expect(res.status).toBe(200);
}

/** Sends headers (and optionally part of a body), then waits for the answer without sending the rest. */
function sendPartial(host: WebHost, path: string, headers: Record<string, string>, partialBody = '') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body });
        req.destroy();
      });
    });
    req.on('error', (error) => reject(error));
    req.flushHeaders();
    if (partialBody) req.write(partialBody);
  });
}

/** Streams `totalBytes` of JSON-ish filler in chunked encoding (no Content-Length) and reports the answer. */
function streamBody(host: WebHost, path: string, headers: Record<string, string>, totalBytes: number) {
  return new Promise<{ status: number; body: string; bytesSent: number }>((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body, bytesSent });
        req.destroy();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // The host may close the connection as soon as it has answered 413, while this side is still writing: the
      // write then fails with EPIPE or ECONNRESET before the answer is read. That is a refusal too (status 0).
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 0, body: '', bytesSent });
      else reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function rawSocket(host: WebHost) {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

function closedWithin(socket: Socket, ms: number) {
  return new Promise<{ closed: boolean; received: string }>((resolve) => {
    let received = '';
    socket.on('data', (c) => (received += c.toString()));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received });
    }, ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
  });
}

describe('browser host under hostile input', () => {
  it('refuses a body whose Content-Length is over the limit with 413 before reading it, and keeps serving', async () => {
    const seen: unknown[] = [];
    const host = await startWith(fakeBackend(seen));
    const huge = String(MAX_JSON_BODY_BYTES + 1);
    const res = await sendPartial(host, '/api/invoke/capacity.calculate', { ...auth(host), 'content-type': 'application/json', 'content-length': huge });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/capacity\.calculate is larger than 33,554,432 bytes/);
    const upload = await sendPartial(host, '/api/invoke/import.tickets.start', { ...auth(host), 'content-type': UPLOAD_CONTENT_TYPE, 'content-length': '536870900' });
    expect(upload.status).toBe(413);
    await stillServes(host);
    expect(seen).toHaveLength(1);
  });

  it('counts bytes while a body without Content-Length streams in and stops at the limit', async () => {
    const host = await startWith(fakeBackend());
    const total = 64 * 1024 * 1024;
    const res = await streamBody(host, '/api/invoke/capacity.calculate', { ...auth(host), 'content-type': 'application/json' }, total);
    // Refused before the end: 413, or the connection closed under the sender right after that answer.
    expect([413, 0]).toContain(res.status);
    expect(res.bytesSent).toBeLessThan(total);
    await stillServes(host);
  });

  it('survives a handler that throws: one 500 answer, and the next request is served', async () => {
    const host = await startWith(fakeBackend([], 'throws'));
    const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: auth(host), body: calc });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).error.message).toBe('boom in capacity.calculate');
    const again = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: auth(host), body: calc });
    expect(again.status).toBe(500);
  });

  it('survives an answer that cannot be sent as JSON (the error answer must not throw in turn)', async () => {
    const host = await startWith(fakeBackend([], 'unserializable'));
    const res = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: auth(host), body: calc });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).error.message).toMatch(/BigInt/);
    const again = await send(host, '/', { headers: hostHeader(host) });
    expect(again.status).toBe(200);
  });

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const host = await start();
    for (const path of ['/%', '/%zz', '/assets/%E0%A4%A']) {
      const res = await send(host, path, { headers: hostHeader(host) });
      expect(res.status, path).toBe(400);
    }
    await stillServes(host);
  });

  it('takes the token from the Authorization header only; the event stream alone may carry it in its URL', async () => {
    const host = await start();
    const inQuery = await send(host, `/api/invoke/capacity.calculate?token=${host.token}`, { method: 'POST', headers: hostHeader(host), body: calc });
    expect(inQuery.status).toBe(401);
    const events = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: hostHeader(host) }, (res) => {
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toBe(200);
  });

  it('refuses API calls from another origin and accepts the page’s own', async () => {
    const host = await start();
    const foreign = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { ...auth(host), origin: 'https://evil.example' }, body: calc });
    expect(foreign.status).toBe(403);
    const own = await send(host, '/api/invoke/capacity.calculate', { method: 'POST', headers: { ...auth(host), origin: `http://127.0.0.1:${host.port}` }, body: calc });
    expect(own.status).toBe(200);
  });

  it('closes a socket that never finishes its headers, and one that stalls in the middle of its body', async () => {
    const host = await startWith(fakeBackend(), { headersMs: 300, requestMs: 600, idleMs: 5_000, checkIntervalMs: 100 });
    const slowHeaders = await rawSocket(host);
    slowHeaders.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    const stalledBody = await rawSocket(host);
    stalledBody.write(`POST /api/invoke/capacity.calculate HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"volume":`);
    const [headers, body] = await Promise.all([closedWithin(slowHeaders, 3_000), closedWithin(stalledBody, 3_000)]);
    expect(headers.closed).toBe(true);
    expect(body.closed).toBe(true);
    expect(body.received).toMatch(/^HTTP\/1\.1 408/);
    await stillServes(host);
  });

  it('closes a connection that goes quiet (idle timeout)', async () => {
    const host = await startWith(fakeBackend(), { idleMs: 300, checkIntervalMs: 100 });
    const idle = await rawSocket(host);
    expect((await closedWithin(idle, 3_000)).closed).toBe(true);
  });

  it('receives a file as a raw upload: the text arrives intact, other fields beside it', async () => {
    const seen: unknown[] = [];
    const host = await startWith(fakeBackend(seen));
    // The renderer's own transport, with its relative URLs pointed at this host.
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.fn((url: string, init: RequestInit) => realFetch(`http://127.0.0.1:${host.port}${url}`, init));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const text = 'Timestamp,Volume\n2024-11-03 00:00,1\nCafé “Support” ✓,2\n'.repeat(20_000);
      const envelope = await httpTransport(host.token).invoke('import.intervals.preview', { text, queueName: 'Café' });
      expect(envelope).toEqual({ ok: true, value: { channel: 'import.intervals.preview' } });
      expect(seen).toEqual([{ text, queueName: 'Café' }]);
      const init = fetchSpy.mock.calls[0]![1];
      expect(new Headers(init.headers).get('content-type')).toBe(UPLOAD_CONTENT_TYPE);
      expect(init.body).toBeInstanceOf(Blob);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not start sending a file over the upload limit: the page says so at the file field', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const envelope = await httpTransport('token', { maxUploadBytes: 1000 }).invoke('import.tickets.start', { text: 'x'.repeat(2000), fileName: 'big.csv' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'text' }] } });
      expect(envelope.ok ? '' : envelope.error.message).toMatch(/^The file is 2,\d{3} bytes; at most 1,000 bytes can be sent at once/);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses an upload without its JSON line, clearly', async () => {
    const host = await startWith(fakeBackend());
    const res = await send(host, '/api/invoke/import.intervals.preview', { method: 'POST', headers: { ...auth(host), 'content-type': UPLOAD_CONTENT_TYPE }, body: 'timestamp,volume' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/does not start with/);
  });
});
