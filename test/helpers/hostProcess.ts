/** Starts the built browser host (dist/node/web.mjs) as a child process, as a user's `npm run web` would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_DEMO_END_DATE } from './constants';

export const WEB_ENTRY = fileURLToPath(new URL('../../dist/node/web.mjs', import.meta.url));

export interface HostProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

export async function startHostProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<HostProcess> {
  if (!existsSync(WEB_ENTRY)) throw new Error(`${WEB_ENTRY} is missing: run "npm run build" first (npm test does).`);
  const child = spawn(process.execPath, [WEB_ENTRY, '--data-dir', dataDir], {
    env: { ...process.env, STAFFWISE_DEMO_END_DATE: TEST_DEMO_END_DATE, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    child,
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function callHost(host: HostProcess, channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const response = await fetch(`${host.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}
