/**
 * `npm run web`: the browser host. Prints one line with the URL (including the per-run token) once the workspace
 * is ready. Flags: --port N (default: any free port), --data-dir PATH.
 */
import { join } from 'node:path';
import { findUpward } from '../../db/findUpward';
import { createBackend } from '../services/backend';
import { resolveDataDir } from '../services/dataDir';
import { startWebHost, type WebHost } from './server';

function parsePort(argv: string[]): number | undefined {
  const index = argv.indexOf('--port');
  if (index < 0) return undefined;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (got "${argv[index + 1] ?? ''}")`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const port = parsePort(argv);
  const dataDir = resolveDataDir(argv);
  const backend = createBackend({ dataDir, demoEndDate: process.env.STAFFWISE_DEMO_END_DATE });
  let host: WebHost | undefined;
  // Registered before anything is announced: a signal that lands right after the "running at" line (a test or a
  // supervisor stopping the host at once) must still close the database cleanly, leaving no write-ahead log behind.
  const stop = async () => {
    await host?.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`Staffwise data folder: ${dataDir}`);
  try {
    await backend.ensureWorkspace();
  } catch (error) {
    // A damaged data file is refused, not fatal: the Data area lists the backups to restore from.
    if ((error as { code?: string }).code !== 'conflict') throw error;
    console.error(`Staffwise: ${(error as Error).message}`);
  }
  host = await startWebHost({ backend, rendererDir: findUpward(join('dist', 'renderer'), import.meta.url), port });
  console.log(`Staffwise is running at ${host.url}`);
}

main().catch((error: Error) => {
  console.error(`Staffwise could not start: ${error.message}`);
  if (process.env.STAFFWISE_DEBUG) console.error(error.stack);
  process.exit(1);
});
