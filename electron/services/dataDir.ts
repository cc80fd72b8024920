/**
 * Where the workspace lives when neither `--data-dir` nor STAFFWISE_DATA_DIR says otherwise: the same folder
 * Electron's app.getPath('userData') gives for the product name "Staffwise", so the desktop app, the browser host
 * and the CLI share one workspace.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'STAFFWISE_DATA_DIR';

export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Staffwise');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Staffwise');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Staffwise');
  }
}

/** `--data-dir <path>` or `--data-dir=<path>` on the command line, then the environment, then the default. */
export function resolveDataDir(argv: string[], fallback: () => string = defaultDataDir): string {
  const index = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (index >= 0) {
    const arg = argv[index];
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
    if (!value || value.startsWith('--')) throw new Error('--data-dir needs a folder path');
    return value;
  }
  return process.env[DATA_DIR_ENV] || fallback();
}
