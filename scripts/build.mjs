// Builds the renderer (Vite) and the Node-side bundles (esbuild) into dist/.
// Node bundles keep npm packages external: they load from node_modules at run time (native better-sqlite3,
// highs' .wasm), and all sit in dist/node so the job runner finds worker.mjs beside them.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
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
      worker: 'electron/workers/worker.ts',
      cli: 'electron/cli/staffwise.ts',
    },
  }),
  // Sandboxed preloads must be a single CommonJS file: everything but `electron` is bundled in.
  esbuild({ ...common, format: 'cjs', external: ['electron'], outfile: 'dist/node/preload.cjs', entryPoints: ['electron/preload/preload.ts'] }),
]);

if (only === 'all') await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
console.log('Built dist/node and dist/renderer');
