/**
 * better-sqlite3 is compiled against one runtime's ABI. `npm install` builds it for Node (tests, browser host,
 * CLI); the desktop app loads a second copy built for Electron (scripts/native-electron.mjs, run by `npm start` and
 * `npm run dist`) through better-sqlite3's `nativeBinding` option, so neither build overwrites the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBinding(opts: { isPackaged: boolean; appPath: string; resourcesPath: string; electronVersion: string }): string | undefined {
  if (opts.isPackaged) {
    const packaged = join(opts.resourcesPath, 'native', 'better_sqlite3.node');
    return existsSync(packaged) ? packaged : undefined;
  }
  const dir = join(opts.appPath, '.native', 'electron');
  const versionFile = join(dir, 'ELECTRON_VERSION');
  const builtFor = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
  return builtFor === opts.electronVersion ? join(dir, 'better_sqlite3.node') : undefined;
}
