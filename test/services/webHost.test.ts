import { describe, expect, it, afterEach } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../electron/web/server';
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
