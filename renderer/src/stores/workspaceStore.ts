import { create } from 'zustand';
import type { WorkspaceSummary } from '../../../shared/api/types';
import { api } from '../api';
import { onJobDone } from './jobsStore';

interface WorkspaceStore {
  summary?: WorkspaceSummary;
  error?: string;
  loading: boolean;
  load(): Promise<void>;
  resetDemo(weeks?: number): Promise<string | undefined>;
}

export const useWorkspace = create<WorkspaceStore>((set, get) => ({
  loading: false,
  async load() {
    set({ loading: true });
    try {
      set({ summary: await api['workspace.summary']({}), error: undefined });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loading: false });
    }
  },
  async resetDemo(weeks) {
    try {
      const handle = await api['demo.reset']({ weeks });
      return handle.jobId;
    } catch (error) {
      set({ error: (error as Error).message });
      void get().load();
      return undefined;
    }
  },
}));

onJobDone((event) => {
  if (event.kind === 'demo.reset' && event.status === 'succeeded') void useWorkspace.getState().load();
});
