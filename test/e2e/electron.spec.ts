/**
 * The desktop app itself, through Playwright's Electron driver. Runs where the Electron runtime is installed;
 * elsewhere (CI, offline machines: Electron's npm package downloads its binary from GitHub) it is skipped and
 * says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): string | undefined {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const nativeBuild = existsSync(join(root, '.native'));

const skipReason = !binary
  ? 'the Electron runtime is not installed on this machine (its binary is downloaded from GitHub on first use, which is unreachable here); the same UI and services are covered through the browser host'
  : !nativeBuild
    ? 'better-sqlite3 has not been built for Electron yet (run "node scripts/native-electron.mjs" or "npm start" once)'
    : undefined;

test('the desktop window opens securely on the demo workspace', async () => {
  if (skipReason) console.log(`Electron spec skipped: ${skipReason}.`);
  test.skip(Boolean(skipReason), skipReason);
  const dataDir = mkdtempSync(join(tmpdir(), 'staffwise-electron-'));
  const app = await electron.launch({ executablePath: binary, args: [root, '--data-dir', dataDir, '--no-sandbox'], env: { ...process.env, STAFFWISE_DEMO_END_DATE: '2026-11-21' } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Northwind Support (demo)' })).toBeVisible();
    // Sandboxed, isolated renderer: no Node globals, only the contract exposed by the preload.
    const globals = await window.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { staffwiseBridge: object }).staffwiseBridge).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'onEvent'] });
    await window.getByRole('link', { name: 'Staffing' }).click();
    await expect(window.getByTestId('capacity-required-rounded')).toHaveText('28');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
