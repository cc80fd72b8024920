/**
 * An independent reading of the Curtois & Qu benchmark for checking the engine: its own parser of the instance
 * text, and a scorer that takes a roster as `employee,day,shift` CSV rows and returns the benchmark objective plus
 * a count of broken hard rules. Written from the benchmark README only; it shares no code with the engine.
 */

type Instance = {
  horizon: number;
  shiftLength: Map<string, number>;
  forbiddenAfter: Map<string, Set<string>>;
  staff: Map<string, StaffRules>;
  daysOff: Map<string, Set<number>>;
  onRequests: [string, number, string, number][];
  offRequests: [string, number, string, number][];
  cover: [number, string, number, number, number][];
};

type StaffRules = {
  maxShifts: Map<string, number>;
  maxMinutes: number;
  minMinutes: number;
  maxConsecutive: number;
  minConsecutive: number;
  minDaysOff: number;
  maxWeekends: number;
};

export function readInstance(text: string): Instance {
  const sections = new Map<string, string[][]>();
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = line;
      sections.set(current, []);
    } else {
      sections.get(current)!.push(line.split(','));
    }
  }
  const rows = (name: string) => sections.get(`SECTION_${name}`) ?? [];
  const instance: Instance = {
    horizon: Number(rows('HORIZON')[0][0]),
    shiftLength: new Map(),
    forbiddenAfter: new Map(),
    staff: new Map(),
    daysOff: new Map(),
    onRequests: rows('SHIFT_ON_REQUESTS').map(([id, day, shift, weight]) => [id, Number(day), shift, Number(weight)]),
    offRequests: rows('SHIFT_OFF_REQUESTS').map(([id, day, shift, weight]) => [id, Number(day), shift, Number(weight)]),
    cover: rows('COVER').map(([day, shift, need, under, over]) => [Number(day), shift, Number(need), Number(under), Number(over)]),
  };
  for (const [id, length, forbidden] of rows('SHIFTS')) {
    instance.shiftLength.set(id, Number(length));
    instance.forbiddenAfter.set(id, new Set((forbidden ?? '').split('|').filter(Boolean)));
  }
  for (const [id, caps, maxMinutes, minMinutes, maxConsecutive, minConsecutive, minDaysOff, maxWeekends] of rows('STAFF')) {
    const maxShifts = new Map(caps.split('|').map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])] as [string, number]));
    instance.staff.set(id, {
      maxShifts,
      maxMinutes: Number(maxMinutes),
      minMinutes: Number(minMinutes),
      maxConsecutive: Number(maxConsecutive),
      minConsecutive: Number(minConsecutive),
      minDaysOff: Number(minDaysOff),
      maxWeekends: Number(maxWeekends),
    });
  }
  for (const [id, ...days] of rows('DAYS_OFF')) instance.daysOff.set(id, new Set(days.filter(Boolean).map(Number)));
  return instance;
}

export type ReferenceScore = { objective: number; brokenRules: string[] };

/** Scores CSV rows `employee,day,shift` (a header line is skipped; missing days are off). */
export function scoreRoster(instance: Instance, csv: string): ReferenceScore {
  const worked = new Map<string, (string | undefined)[]>();
  for (const id of instance.staff.keys()) worked.set(id, new Array(instance.horizon).fill(undefined));
  const brokenRules: string[] = [];
  for (const line of csv.trim().split('\n').slice(1)) {
    const [id, dayText, shift] = line.split(',');
    const day = Number(dayText);
    const row = worked.get(id);
    if (!row || !instance.shiftLength.has(shift) || !(day >= 0 && day < instance.horizon)) {
      brokenRules.push(`bad row ${line}`);
      continue;
    }
    if (row[day] !== undefined) brokenRules.push(`${id} has two shifts on day ${day}`);
    row[day] = shift;
  }

  let objective = 0;
  for (const [id, day, shift, weight] of instance.onRequests) if (worked.get(id)![day] !== shift) objective += weight;
  for (const [id, day, shift, weight] of instance.offRequests) if (worked.get(id)![day] === shift) objective += weight;
  for (const [day, shift, need, underWeight, overWeight] of instance.cover) {
    let count = 0;
    for (const row of worked.values()) if (row[day] === shift) count++;
    objective += count < need ? (need - count) * underWeight : (count - need) * overWeight;
  }

  for (const [id, rules] of instance.staff) {
    const row = worked.get(id)!;
    const on = row.map((shift) => shift !== undefined);
    for (let d = 0; d + 1 < row.length; d++) {
      const today = row[d];
      const tomorrow = row[d + 1];
      if (today !== undefined && tomorrow !== undefined && instance.forbiddenAfter.get(today)!.has(tomorrow)) brokenRules.push(`${id} rotation on day ${d + 1}`);
    }
    for (const [shift, cap] of rules.maxShifts) if (row.filter((s) => s === shift).length > cap) brokenRules.push(`${id} too many ${shift}`);
    const minutes = row.reduce((sum, shift) => sum + (shift === undefined ? 0 : instance.shiftLength.get(shift)!), 0);
    if (minutes > rules.maxMinutes || minutes < rules.minMinutes) brokenRules.push(`${id} minutes ${minutes}`);
    for (const day of instance.daysOff.get(id) ?? []) if (on[day]) brokenRules.push(`${id} works day off ${day}`);

    // Walk the stretches of equal on/off status; a stretch touching either end is exempt from the minimums.
    let start = 0;
    for (let d = 1; d <= on.length; d++) {
      if (d < on.length && on[d] === on[start]) continue;
      const length = d - start;
      const interior = start > 0 && d < on.length;
      if (on[start] && length > rules.maxConsecutive) brokenRules.push(`${id} works ${length} in a row from ${start}`);
      if (on[start] && interior && length < rules.minConsecutive) brokenRules.push(`${id} works only ${length} from ${start}`);
      if (!on[start] && interior && length < rules.minDaysOff) brokenRules.push(`${id} rests only ${length} from ${start}`);
      start = d;
    }

    // Day 0 is a Monday, so days 5 and 6 of each week are its weekend.
    let weekends = 0;
    for (let saturday = 5; saturday < on.length; saturday += 7) if (on[saturday] || on[saturday + 1]) weekends++;
    if (weekends > rules.maxWeekends) brokenRules.push(`${id} works ${weekends} weekends`);
  }
  return { objective, brokenRules };
}
