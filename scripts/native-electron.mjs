// Builds a second copy of better-sqlite3 against Electron's headers into .native/electron/ (with the Electron
// version it was built for in .native/electron/ELECTRON_VERSION), leaving the
// Node build in node_modules untouched (tests, browser host and CLI keep working). The Electron main process loads
// it through better-sqlite3's `nativeBinding` option; electron-builder ships it as an extra resource.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

const nativeDir = join(root, '.native', 'electron');
const versionFile = join(nativeDir, 'ELECTRON_VERSION');

export function ensureElectronNative() {
  const version = electronVersion();
  const target = join(nativeDir, 'better_sqlite3.node');
  if (existsSync(target) && existsSync(versionFile) && readFileSync(versionFile, 'utf8').trim() === version) return { path: target };
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'staffwise-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const result = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: work, encoding: 'utf8' },
    );
    if (result.status !== 0) return { error: (result.stderr || result.stdout || 'node-gyp failed').trim().split('\n').slice(-1)[0] };
    mkdirSync(nativeDir, { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    writeFileSync(versionFile, version);
    return { path: target };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = ensureElectronNative();
  if (result.error) {
    console.error(`Could not build better-sqlite3 for Electron: ${result.error}`);
    process.exit(1);
  }
  console.log(`better-sqlite3 for Electron: ${result.path}`);
}
