// Whether the Electron runtime binary is installed. Electron's npm package fetches it on first use from GitHub;
// machines without that access (offline, CI) run the browser host instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronPackageDir(), 'package.json'), 'utf8')).version;
}

export function electronBinary() {
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

/** Tries once to fetch the runtime; returns the binary path or a one-line reason it is unavailable. */
export function ensureElectronRuntime() {
  const existing = electronBinary();
  if (existing) return { binary: existing };
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  const binary = electronBinary();
  if (binary) return { binary };
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const reason = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network|fetch failed/i.test(output)
    ? 'its download from GitHub is not reachable from this machine'
    : result.error?.message ?? (output.trim().split('\n')[0] || 'its install script failed');
  return { reason };
}
