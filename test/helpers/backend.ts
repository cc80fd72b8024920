import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/services/backend';
import { useTempDirs } from './tempDir';
import { TEST_DEMO_END_DATE } from './constants';

/** A backend over a fresh temporary data folder per test, closed afterwards. */
export function useBackends(): (dataDir?: string) => Backend {
  const tempDir = useTempDirs();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });
  return (dataDir = tempDir()) => {
    const backend = createBackend({ dataDir, demoEndDate: TEST_DEMO_END_DATE, log: () => {} });
    open.push(backend);
    return backend;
  };
}
