/**
 * The Schedule area's version comparison: the shifts of the other version of the week the open one is compared
 * with. Only the latest choice is kept: an answer for a version the planner has moved away from is dropped.
 */
import { create } from 'zustand';
import type { ScheduleShift } from '../../../shared/api/channels/schedule';
import { api } from '../api';

interface VersionCompareStore {
  otherId?: number;
  /** The other version's shifts; undefined while they load. */
  otherShifts?: ScheduleShift[];
  error?: string;
  compareWith(scheduleId: number | undefined): Promise<void>;
}

export const useVersionCompare = create<VersionCompareStore>((set, get) => ({
  async compareWith(scheduleId) {
    set({ otherId: scheduleId, otherShifts: undefined, error: undefined });
    if (scheduleId === undefined) return;
    try {
      const view = await api['schedule.view']({ scheduleId });
      if (get().otherId === scheduleId) set({ otherShifts: view.shifts });
    } catch (error) {
      if (get().otherId === scheduleId) set({ error: (error as Error).message });
    }
  },
}));
