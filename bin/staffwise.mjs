#!/usr/bin/env node
// The `staffwise` CLI. Runs the built bundle when present (npm run build), else the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = new URL('../dist/node/cli.mjs', import.meta.url);
if (existsSync(fileURLToPath(bundled))) {
  const { runCli } = await import(bundled.href);
  process.exitCode = await runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
} else {
  const { tsImport } = await import('tsx/esm/api');
  const { runCli } = await tsImport('../electron/cli/staffwise.ts', import.meta.url);
  process.exitCode = await runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
}
