/** The week to schedule: history weeks, forecast weeks and weeks with schedules, each saying what it has. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSchedule } from '../../stores/scheduleStore';
import { addDays } from '../../../../shared/calendar/days';

export function WeekPicker() {
  const { overview, weekStart, selectWeek } = useSchedule(useShallow((state) => ({ overview: state.overview, weekStart: state.weekStart, selectWeek: state.selectWeek })));
  const weeks = useMemo(() => {
    if (!overview) return [];
    const set = new Set<string>(overview.forecastWeeks);
    overview.schedules.forEach((x) => set.add(x.weekStart));
    if (overview.historyWeeks) {
      for (let w = overview.historyWeeks.first; w <= overview.historyWeeks.last; w = addDays(w, 7)) set.add(w);
      set.add(addDays(overview.historyWeeks.last, 7));
      set.add(addDays(overview.historyWeeks.last, 14));
    }
    if (weekStart) set.add(weekStart);
    return [...set].sort().reverse();
  }, [overview, weekStart]);
  if (!overview) return null;
  const describe = (w: string) => {
    const versions = overview.schedules.filter((x) => x.weekStart === w);
    const data = overview.forecastWeeks.includes(w) ? 'forecast' : overview.historyWeeks && w >= overview.historyWeeks.first && w <= overview.historyWeeks.last ? 'history' : 'no full data';
    const latest = versions.sort((a, b) => b.version - a.version)[0];
    return `Week of ${w} (${data})${latest ? ` · v${latest.version} ${latest.status}` : ''}`;
  };
  return (
    <div className="field sched-week">
      <label htmlFor="sched-week">Week (Monday)</label>
      <select id="sched-week" value={weekStart ?? ''} onChange={(e) => void selectWeek(e.target.value)} data-testid="sched-week">
        {weeks.map((w) => <option key={w} value={w}>{describe(w)}</option>)}
      </select>
    </div>
  );
}
