/**
 * Probes of the browser host as an attacker or a clumsy client would send them: fuzzed API calls, oversized
 * bodies, malformed URLs and stalled sockets, each against the built host (dist/node/web.mjs) in its own process
 * over a fresh data folder. Every trial counts the requests it sent, the 5xx answers and whether the host process
 * died; after each it checks the host still answers a normal call. `bench/resilience-host.bench.ts` prints them;
 * the store's trials (bench/resilience.bench.ts) can list `hostTrials` beside their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../shared/api/contract';
import { UPLOAD_CONTENT_TYPE } from '../shared/api/upload';
import { DEFAULT_TIMEOUTS } from '../electron/web/server';
import { startHostProcess, type HostProcess } from '../test/helpers/hostProcess';
import { randomStream } from '../shared/random/seeded';

export interface ResilienceOutcome {
  trials: number;
  requests: number;
  crashes: number;
  serverErrors: number;
  /** What else the trial checked, in words (e.g. "50/50 stalled sockets closed by the host"). */
  note: string;
}

export interface ResilienceTrial {
  name: string;
  run(): Promise<ResilienceOutcome>;
}

interface Answer {
  status: number;
}

/** One raw HTTP request; a refused or reset connection counts as status 0 (never as a 5xx). */
function send(host: HostProcess, opts: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: Number(new URL(host.origin).port), method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.setTimeout(30_000, () => req.destroy());
    req.end(opts.body);
  });
}

const hostHeader = (host: HostProcess) => new URL(host.origin).host;
const auth = (host: HostProcess) => ({ host: hostHeader(host), authorization: `Bearer ${host.token}` });
const isServerError = (a: Answer) => a.status >= 500;

async function healthy(host: HostProcess): Promise<boolean> {
  const answer = await send(host, { method: 'POST', path: '/api/invoke/capacity.calculate', headers: { ...auth(host), 'content-type': 'application/json' }, body: JSON.stringify({ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75 }) });
  return answer.status === 200;
}

/** Runs `probe` against a fresh host and turns what it saw into an outcome. */
async function withHost(probe: (host: HostProcess) => Promise<{ answers: Answer[]; note?: string }>): Promise<ResilienceOutcome> {
  const dataDir = mkdtempSync(join(tmpdir(), 'staffwise-resilience-host-'));
  const host = await startHostProcess(dataDir);
  try {
    const { answers, note = '' } = await probe(host);
    const alive = host.child.exitCode === null && host.child.signalCode === null && (await healthy(host));
    return { trials: 1, requests: answers.length, crashes: alive ? 0 : 1, serverErrors: answers.filter(isServerError).length, note };
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}


/** Channels that start jobs or replace data are left out: a fuzzed call must not set off a demo reset. */
const STARTS_WORK = /\.start$|^demo\.reset$|^forecast\.run$|^schedule\.generate$/;

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1e308, -1e308, 0.5, 2 ** 53, Number.MIN_VALUE][Math.floor(next() * 7)];
    case 3:
      return ['', 'x'.repeat(Math.floor(next() * 5000)), '2026-02-30', '../../etc/passwd', '<script>', '\u0000', 'Café ✓'][Math.floor(next() * 7)];
    case 4:
      return Math.floor(next() * 1e6) - 5e5;
    case 5:
      return 'NaN';
    case 6:
      return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, (_, i) => [['id', 'text', 'queueId', 'from', 'to', 'weeks', '__proto__', 'constructor'][Math.floor(next() * 8)] ?? `k${i}`, randomValue(next, depth + 1)]));
  }
}

const fuzzedRequests: ResilienceTrial = {
  name: 'fuzzed API calls (random payloads, tokens, origins, content types)',
  run: () =>
    withHost(async (host) => {
      const next = randomStream(20261201);
      const targets = channels.filter((c) => !STARTS_WORK.test(c));
      const answers: Answer[] = [];
      for (let i = 0; i < 600; i++) {
        const channel = targets[Math.floor(next() * targets.length)]!;
        const headers: Record<string, string> = next() < 0.9 ? auth(host) : { host: hostHeader(host), authorization: 'Bearer wrong' };
        if (next() < 0.1) headers.origin = 'https://evil.example';
        const asUpload = next() < 0.2;
        headers['content-type'] = asUpload ? UPLOAD_CONTENT_TYPE : 'application/json';
        const value = JSON.stringify(randomValue(next));
        const body = asUpload ? (next() < 0.5 ? `${JSON.stringify({ field: 'text', rest: randomValue(next) })}\n${value}` : value) : next() < 0.1 ? value.slice(0, Math.floor(value.length / 2)) : value;
        answers.push(await send(host, { method: next() < 0.95 ? 'POST' : 'PUT', path: `/api/invoke/${channel}`, headers, body }));
      }
      const refused = answers.filter((a) => a.status >= 400 && a.status < 500).length;
      return { answers, note: `${refused} refused with 4xx, the rest answered 200 (mostly ok:false naming the field)` };
    }),
};

/** Announces `declaredBytes` and sends none of them: Content-Length alone must be enough to refuse. */
function declareHuge(host: HostProcess, path: string, contentType: string, declaredBytes: number): Promise<Answer> {
  return new Promise((resolve) => {
    const headers = { ...auth(host), 'content-type': contentType, 'content-length': String(declaredBytes) };
    const req = request({ host: '127.0.0.1', port: Number(new URL(host.origin).port), method: 'POST', path, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0 });
        req.destroy();
      });
    });
    req.on('error', () => resolve({ status: 0 }));
    req.setTimeout(30_000, () => req.destroy());
    req.flushHeaders();
  });
}

/** Streams `bytes` of filler without a Content-Length. */
function streamFiller(host: HostProcess, path: string, bytes: number): Promise<Answer> {
  return new Promise((resolve) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port: Number(new URL(host.origin).port), method: 'POST', path, headers: { ...auth(host), 'content-type': 'application/json' } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0 });
        req.destroy();
      });
    });
    req.on('error', () => !answered && resolve({ status: 0 }));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const oversizedBodies: ResilienceTrial = {
  name: 'oversized bodies (declared 600 MB, 536,870,900-byte upload, 64 MB streamed)',
  run: () =>
    withHost(async (host) => {
      const answers: Answer[] = [];
      const started = Date.now();
      answers.push(await declareHuge(host, '/api/invoke/capacity.calculate', 'application/json', 600_000_000));
      answers.push(await declareHuge(host, '/api/invoke/import.tickets.start', UPLOAD_CONTENT_TYPE, 536_870_900));
      for (let i = 0; i < 3; i++) answers.push(await streamFiller(host, '/api/invoke/capacity.calculate', 64 * 1024 * 1024));
      const refused = answers.filter((a) => a.status === 413).length;
      return { answers, note: `${refused}/${answers.length} answered 413 in ${((Date.now() - started) / 1000).toFixed(1)} s` };
    }),
};

const MALFORMED_PATHS = ['/%', '/%zz', '/%E0%A4%A', '/api/invoke/%', '/..%2f..%2fetc%2fpasswd', '//', '/api/events?token=%', '/?token=%E0%A4%A', `/${'a'.repeat(20_000)}`, '/a%00b', '/api/invoke/capacity.calculate/%2e%2e', '/api//invoke'];

const malformedUrls: ResilienceTrial = {
  name: 'malformed URLs (bad percent-encoding, traversal, 20 kB paths)',
  run: () =>
    withHost(async (host) => {
      const answers: Answer[] = [];
      for (const path of MALFORMED_PATHS) {
        answers.push(await send(host, { method: 'GET', path, headers: { host: hostHeader(host) } }));
        answers.push(await send(host, { method: 'POST', path, headers: { ...auth(host), 'content-type': 'application/json' }, body: '{}' }));
      }
      return { answers, note: `statuses ${[...new Set(answers.map((a) => a.status))].sort().join(', ')}` };
    }),
};

function openSocket(host: HostProcess): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(host.origin).port), '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
    // Read (and drop) whatever the host answers, so its closing the socket is seen.
    socket.resume();
  });
}

const stalledSockets: ResilienceTrial = {
  name: 'stalled sockets (100 half-sent headers, 20 half-sent bodies)',
  run: () =>
    withHost(async (host) => {
      const answers: Answer[] = [];
      const stalled: Socket[] = [];
      const closed = new Set<Socket>();
      for (let i = 0; i < 100; i++) {
        const socket = await openSocket(host);
        socket.on('close', () => closed.add(socket));
        socket.on('error', () => {});
        socket.write(`GET / HTTP/1.1\r\nHost: ${hostHeader(host)}\r\n`);
        stalled.push(socket);
      }
      for (let i = 0; i < 20; i++) {
        const socket = await openSocket(host);
        socket.on('error', () => {});
        socket.write(`POST /api/invoke/capacity.calculate HTTP/1.1\r\nHost: ${hostHeader(host)}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"volume":`);
        stalled.push(socket);
      }
      // While they hang, normal calls are still answered.
      for (let i = 0; i < 10; i++) answers.push(await send(host, { method: 'POST', path: '/api/invoke/capacity.calculate', headers: { ...auth(host), 'content-type': 'application/json' }, body: JSON.stringify({ volume: 500, ahtMin: 20, hours: 8, utilization: 0.75 }) }));
      const served = answers.filter((a) => a.status === 200).length;
      await new Promise((resolve) => setTimeout(resolve, DEFAULT_TIMEOUTS.headersMs + 2 * DEFAULT_TIMEOUTS.checkIntervalMs + 1000));
      const headerSocketsClosed = stalled.slice(0, 100).filter((s) => closed.has(s)).length;
      for (const socket of stalled) socket.destroy();
      return { answers, note: `${served}/10 normal calls served meanwhile; ${headerSocketsClosed}/100 half-sent headers closed by the host within ${DEFAULT_TIMEOUTS.headersMs / 1000} s` };
    }),
};

export const hostTrials: ResilienceTrial[] = [fuzzedRequests, oversizedBodies, malformedUrls, stalledSockets];
