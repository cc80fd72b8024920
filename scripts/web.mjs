// `npm run web`: builds, then serves the renderer and the services on 127.0.0.1 (flags: --port N, --data-dir PATH).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const host = spawn(process.execPath, ['dist/node/web.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
host.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => host.kill('SIGINT'));
process.on('SIGTERM', () => host.kill('SIGTERM'));
