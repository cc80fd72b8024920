// Builds the renderer (Vite) and the Node-side bundles (esbuild) into dist/.
// The main, web and CLI bundles keep npm packages external: they load from node_modules at run time (native
// better-sqlite3). The worker bundle is self-contained, because a packaged app runs it from app.asar.unpacked/,
// where node_modules (inside the archive) is out of reach; HiGHS' loader then looks for highs.wasm beside the
// bundle (`new URL('highs.wasm', import.meta.url)`), so the .wasm is copied there. All sit in dist/node so the job
// runner finds worker.mjs beside them. test/build/packagingFacts.test.ts checks these facts after every build.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.includes('--node-only') ? 'node' : 'all';

rmSync(`${root}/dist/node`, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    packages: 'external',
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
    entryPoints: {
      main: 'electron/main/main.ts',
      web: 'electron/web/main.ts',
      cli: 'electron/cli/staffwise.ts',
    },
  }),
  esbuild({ ...common, format: 'esm', outfile: 'dist/node/worker.mjs', entryPoints: ['electron/workers/worker.ts'] }),
  // The roster solve's helper thread (second core), self-contained like the worker for the same reason.
  esbuild({ ...common, format: 'esm', outfile: 'dist/node/rosterHelperThread.mjs', entryPoints: ['electron/workers/rosterHelperThread.ts'] }),
  // Sandboxed preloads must be a single CommonJS file: everything but `electron` is bundled in.
  esbuild({ ...common, format: 'cjs', external: ['electron'], outfile: 'dist/node/preload.cjs', entryPoints: ['electron/preload/preload.ts'] }),
]);

mkdirSync(`${root}/dist/node`, { recursive: true });
copyFileSync(createRequire(import.meta.url).resolve('highs/runtime'), `${root}/dist/node/highs.wasm`);

if (only === 'all') await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
console.log('Built dist/node and dist/renderer');
