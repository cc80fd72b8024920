/** Each end-to-end test gets its own browser host over a fresh data folder. */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from '../helpers/hostProcess';

interface Fixtures {
  /** Extra environment for the host process, e.g. STAFFWISE_JOB_STEP_DELAY_MS to make a job slow enough to cancel. */
  hostEnv: Record<string, string>;
  dataDir: string;
  host: HostProcess;
}

export const test = base.extend<Fixtures>({
  hostEnv: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'staffwise-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir, hostEnv }, use) => {
    const host = await startHostProcess(dataDir, hostEnv);
    await use(host);
    await host.stop();
  },
});

export { expect };
