/** Backups of the data file (Data area): the list, backing up now, restoring, and what a demo reset would delete. */
import { create } from 'zustand';
import type { BackupsState, ResetImpact } from '../../../shared/api/channels/backups';
import { api } from '../api';
import { onJobDone } from './jobsStore';
import { useWorkspace } from './workspaceStore';

interface BackupsStore {
  state?: BackupsState;
  error?: string;
  /** The outcome of the last backup or restore, shown until the next action. */
  notice?: string;
  busy: boolean;
  load(): Promise<void>;
  backupNow(): Promise<void>;
  restore(name: string): Promise<void>;
  resetImpact(): Promise<ResetImpact>;
}

export const useBackups = create<BackupsStore>((set, get) => {
  const act = async (work: () => Promise<string>) => {
    set({ busy: true, error: undefined, notice: undefined });
    try {
      set({ notice: await work() });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ busy: false });
      await get().load();
    }
  };
  return {
    busy: false,
    async load() {
      try {
        set({ state: await api['backups.list']({}) });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    backupNow: () => act(async () => `Backed up as ${(await api['backups.create']({})).name}.`),
    restore: (name) =>
      act(async () => {
        const result = await api['backups.restore']({ name });
        // Everything on screen came from the replaced data.
        await useWorkspace.getState().load();
        return result.message;
      }),
    resetImpact: () => api['demo.resetImpact']({}),
  };
});

// Imports, resets and publishes take a backup: show it.
onJobDone(() => void useBackups.getState().load());
