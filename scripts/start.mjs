// `npm start`: builds, then opens the desktop app; where the Electron runtime is not installed and cannot be
// fetched, says so in one line and starts the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureElectronRuntime } from './electron-runtime.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

const runtime = ensureElectronRuntime();
if (runtime.binary) {
  const native = ensureElectronNative();
  if (native.error) {
    console.error(`Staffwise: could not build better-sqlite3 for Electron (${native.error}); starting the browser host instead.`);
  } else {
    const child = spawn(runtime.binary, ['.', ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    process.on('SIGINT', () => child.kill('SIGINT'));
    await new Promise(() => {});
  }
} else {
  console.log(`Staffwise: the Electron runtime is not installed (${runtime.reason}); starting the browser host instead.`);
}
const host = spawn(process.execPath, ['dist/node/web.mjs', ...args], { cwd: root, stdio: 'inherit' });
host.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => host.kill('SIGINT'));
