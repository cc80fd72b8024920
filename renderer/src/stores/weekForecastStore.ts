/**
 * The Schedule area's forecast-run chooser: which run feeds each queue's requirements in the chosen week, and the
 * planner's choice (stored per queue and week). A choice reloads the requirements Generate uses.
 */
import { create } from 'zustand';
import type { WeekForecastRuns } from '../../../shared/api/channels/forecastChoice';
import { api } from '../api';
import { useSchedule } from './scheduleStore';

interface WeekForecastStore {
  /** The week asked for last; replies for a week the planner has left are dropped. */
  weekStart?: string;
  runs?: WeekForecastRuns;
  error?: string;
  load(weekStart: string): Promise<void>;
  choose(queueId: number, runId: number | null): Promise<void>;
}

export const useWeekForecast = create<WeekForecastStore>((set, get) => ({
  async load(weekStart) {
    set({ weekStart, runs: undefined, error: undefined });
    try {
      const runs = await api['schedule.forecastRuns']({ weekStart });
      if (get().weekStart === weekStart) set({ runs, error: undefined });
    } catch (error) {
      if (get().weekStart === weekStart) set({ error: (error as Error).message });
    }
  },
  async choose(queueId, runId) {
    const { weekStart } = get();
    if (!weekStart) return;
    try {
      const runs = await api['schedule.chooseForecastRun']({ weekStart, queueId, runId });
      if (get().weekStart !== weekStart) return;
      set({ runs, error: undefined });
      await useSchedule.getState().loadRequirements();
    } catch (error) {
      if (get().weekStart === weekStart) set({ error: (error as Error).message });
    }
  },
}));
