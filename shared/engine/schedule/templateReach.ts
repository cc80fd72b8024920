/**
 * Which intervals of a week any shift template can reach for a skill, and what to do with deferred work (email,
 * tickets) that arrives outside every template: say so once, with its hours ("Email needs 2 agents 22:00–06:00 and
 * no shift covers it"), and, when the planner chooses, move that work into the next hours a shift can cover. Deferred
 * work waits in a backlog anyway, so deferring it is honest; a live queue (phone, chat) cannot be deferred.
 */
import type { ShiftTemplate } from './model';
import { expandTemplates } from './shifts';
import { formatClock, MINUTES_PER_DAY, weekdayOf } from './time';

/** reach[t]: some template serving `skill` has a working span over interval t (a week of `days` from `startWeekday`). */
export function templateReach(templates: readonly ShiftTemplate[], skill: string, intervalMinutes: number, days: number, startWeekday: number): boolean[] {
  const perDay = MINUTES_PER_DAY / intervalMinutes;
  const reach = new Array<boolean>(days * perDay).fill(false);
  for (const shift of expandTemplates(templates.filter((t) => !t.skills || t.skills.includes(skill)))) {
    for (let day = 0; day < days; day++) {
      if (shift.template.weekdays && !shift.template.weekdays.includes(weekdayOf(day, startWeekday))) continue;
      for (const span of shift.segments) {
        for (let minute = span.start; minute < span.end; minute += intervalMinutes) {
          const t = day * perDay + Math.floor(minute / intervalMinutes);
          if (t < reach.length) reach[t] = true;
        }
      }
    }
  }
  return reach;
}

export interface UncoveredWork {
  /** Most agents required at once outside every template. */
  peakAgents: number;
  /** Agent-hours required outside every template over the week. */
  agentHours: number;
  /** Clock windows (merged over the week's days, wrapping past midnight), e.g. ['22:00–06:00']. */
  windows: string[];
}

/** What a requirement curve asks for where no template reaches; null when every requirement can be covered. */
export function uncoveredWork(required: readonly number[], reach: readonly boolean[], intervalMinutes: number): UncoveredWork | null {
  const perDay = MINUTES_PER_DAY / intervalMinutes;
  const slotOfDay = new Array<boolean>(perDay).fill(false);
  let peakAgents = 0;
  let agentHours = 0;
  required.forEach((r, t) => {
    if (r <= 0 || reach[t]) return;
    slotOfDay[t % perDay] = true;
    peakAgents = Math.max(peakAgents, r);
    agentHours += (r * intervalMinutes) / 60;
  });
  if (agentHours === 0) return null;
  return { peakAgents, agentHours, windows: clockWindows(slotOfDay, intervalMinutes) };
}

/**
 * Volumes with the work arriving where no template reaches moved into the next interval a template reaches (across
 * midnight and days). Work after the week's last reachable interval is carried over to next week (`carriedOver`),
 * where next week's first shifts work it off: it is not this week's requirement.
 */
export function deferIntoReach(volumes: readonly number[], reach: readonly boolean[]): { volumes: number[]; moved: number; carriedOver: number } {
  const out = [...volumes];
  let carried = 0;
  let moved = 0;
  for (let t = 0; t < out.length; t++) {
    if (!reach[t]) {
      if (out[t] > 0) {
        carried += out[t];
        moved += out[t];
        out[t] = 0;
      }
      continue;
    }
    out[t] += carried;
    carried = 0;
  }
  return { volumes: out, moved, carriedOver: carried };
}

/** Runs of true slots as 'HH:MM–HH:MM', a run at the end of the day joined to one at its start (22:00–06:00). */
function clockWindows(slots: boolean[], intervalMinutes: number): string[] {
  const runs: { from: number; to: number }[] = [];
  slots.forEach((on, i) => {
    if (!on) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i) last.to = i + 1;
    else runs.push({ from: i, to: i + 1 });
  });
  if (runs.length > 1 && runs[0].from === 0 && runs[runs.length - 1].to === slots.length) {
    const first = runs.shift()!;
    runs[runs.length - 1].to = slots.length + first.to;
  }
  return runs.map((r) => `${formatClock(r.from * intervalMinutes)}–${formatClock(r.to * intervalMinutes)}`);
}
