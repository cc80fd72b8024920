/**
 * The browser host stopped the moment it announces its URL (as tests and process supervisors do) still closes the
 * database itself: it exits with code 0, not killed by the signal, and leaves no write-ahead log that a later copy or
 * check of the data file would have to know about. Before the signal handlers were registered ahead of the "running
 * at" line, about half of such stops killed the host with the write-ahead log of the demo seeding left behind.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startHostProcess } from '../helpers/hostProcess';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

describe('browser host shutdown', () => {
  it('closes the database cleanly when stopped right after it is ready (four fresh folders)', async () => {
    for (let round = 0; round < 4; round++) {
      const dataDir = tempDir();
      const host = await startHostProcess(dataDir);
      await host.stop();
      const wal = join(dataDir, 'staffwise.db-wal');
      expect({ round, exitCode: host.child.exitCode, signal: host.child.signalCode, walBytes: existsSync(wal) ? statSync(wal).size : 0 }).toEqual({
        round,
        exitCode: 0,
        signal: null,
        walBytes: 0,
      });
    }
  }, 120_000);
});
