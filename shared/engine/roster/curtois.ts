/**
 * Reads Curtois & Qu benchmark instances (schedulingbenchmarks.org text format) into a RosterProblem and writes a
 * roster back as `employee,day,shift` rows. Bad input fails with the line number and what was expected there.
 */
import type { RosterAssignment, RosterEmployee, RosterProblem, ShiftRequest } from './types';

export class CurtoisFormatError extends Error {
  override name = 'CurtoisFormatError';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(line > 0 ? `line ${line}: ${detail}` : detail);
  }
}

type SectionName = 'HORIZON' | 'SHIFTS' | 'STAFF' | 'DAYS_OFF' | 'SHIFT_ON_REQUESTS' | 'SHIFT_OFF_REQUESTS' | 'COVER';
const SECTIONS: SectionName[] = ['HORIZON', 'SHIFTS', 'STAFF', 'DAYS_OFF', 'SHIFT_ON_REQUESTS', 'SHIFT_OFF_REQUESTS', 'COVER'];
const REQUIRED: SectionName[] = ['HORIZON', 'SHIFTS', 'STAFF'];
const STAFF_FIELDS = 'ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends';

export function parseCurtois(text: string): RosterProblem {
  const problem: RosterProblem = { days: 0, startWeekday: 0, shiftTypes: [], employees: [], shiftOnRequests: [], shiftOffRequests: [], cover: [] };
  const seen = new Set<SectionName>();
  const employeeById = new Map<string, RosterEmployee>();
  const coverSeen = new Set<string>();
  const shiftLine = new Map<string, number>();
  let section: SectionName | null = null;

  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (detail: string): never => {
      throw new CurtoisFormatError(lineNo, detail);
    };

    if (line.startsWith('SECTION_')) {
      const name = line.slice('SECTION_'.length) as SectionName;
      if (!SECTIONS.includes(name)) fail(`unknown section "${line}"`);
      if (seen.has(name)) fail(`section ${line} appears twice`);
      const missing = SECTIONS.slice(0, SECTIONS.indexOf(name)).filter((s) => REQUIRED.includes(s) && !seen.has(s));
      if (missing.length > 0) fail(`${line} must come after SECTION_${missing[0]}`);
      seen.add(name);
      section = name;
      return;
    }
    if (section === null) fail('data before the first SECTION_ header');

    const fields = line.split(',').map((f) => f.trim());
    const expectFields = (count: number, names: string) => {
      if (fields.length !== count) fail(`expected ${count} fields (${names}), got ${fields.length}`);
    };
    const int = (value: string, what: string, min = 0): number => {
      if (!/^-?\d+$/.test(value)) fail(`${what} must be a whole number, got "${value}"`);
      const n = Number(value);
      if (n < min) fail(`${what} must be at least ${min}, got ${n}`);
      return n;
    };
    const day = (value: string): number => {
      const d = int(value, 'day');
      if (d >= problem.days) fail(`day ${d} is outside the horizon 0–${problem.days - 1}`);
      return d;
    };
    const shiftId = (value: string): string => {
      if (!problem.shiftTypes.some((s) => s.id === value)) fail(`unknown shift type "${value}"`);
      return value;
    };
    const employee = (value: string): RosterEmployee => employeeById.get(value) ?? fail(`unknown employee "${value}"`);
    const request = (): ShiftRequest => {
      expectFields(4, 'EmployeeID, Day, ShiftID, Weight');
      return { employee: employee(fields[0]).id, day: day(fields[1]), shift: shiftId(fields[2]), weight: int(fields[3], 'weight') };
    };

    switch (section) {
      case 'HORIZON':
        if (problem.days > 0) fail('SECTION_HORIZON holds a single number');
        expectFields(1, 'number of days');
        problem.days = int(fields[0], 'number of days', 1);
        break;
      case 'SHIFTS': {
        expectFields(3, 'ShiftID, length in minutes, shifts that cannot follow');
        if (fields[0] === '') fail('empty shift id');
        if (problem.shiftTypes.some((s) => s.id === fields[0])) fail(`shift type "${fields[0]}" is declared twice`);
        const cannotFollow = fields[2] === '' ? [] : fields[2].split('|').map((s) => s.trim());
        problem.shiftTypes.push({ id: fields[0], minutes: int(fields[1], 'shift length'), cannotFollow });
        shiftLine.set(fields[0], lineNo);
        break;
      }
      case 'STAFF': {
        expectFields(8, STAFF_FIELDS);
        const id = fields[0];
        if (id === '') fail('empty employee id');
        if (employeeById.has(id)) fail(`employee "${id}" is declared twice`);
        const maxShifts: Record<string, number> = {};
        for (const pair of fields[1] === '' ? [] : fields[1].split('|')) {
          const [shift, limit, extra] = pair.split('=');
          if (limit === undefined || extra !== undefined) fail(`MaxShifts entry "${pair}" must look like ShiftID=number`);
          maxShifts[shiftId(shift.trim())] = int(limit.trim(), `MaxShifts for ${shift}`);
        }
        const record: RosterEmployee = {
          id,
          maxShifts,
          maxTotalMinutes: int(fields[2], 'MaxTotalMinutes'),
          minTotalMinutes: int(fields[3], 'MinTotalMinutes'),
          maxConsecutiveShifts: int(fields[4], 'MaxConsecutiveShifts'),
          minConsecutiveShifts: int(fields[5], 'MinConsecutiveShifts'),
          minConsecutiveDaysOff: int(fields[6], 'MinConsecutiveDaysOff'),
          maxWeekends: int(fields[7], 'MaxWeekends'),
          daysOff: [],
        };
        employeeById.set(id, record);
        problem.employees.push(record);
        break;
      }
      case 'DAYS_OFF': {
        const record = employee(fields[0]);
        for (const value of fields.slice(1)) if (value !== '') record.daysOff.push(day(value));
        break;
      }
      case 'SHIFT_ON_REQUESTS':
        problem.shiftOnRequests.push(request());
        break;
      case 'SHIFT_OFF_REQUESTS':
        problem.shiftOffRequests.push(request());
        break;
      case 'COVER': {
        expectFields(5, 'Day, ShiftID, Requirement, Weight for under, Weight for over');
        const cover = {
          day: day(fields[0]),
          shift: shiftId(fields[1]),
          requirement: int(fields[2], 'requirement'),
          underWeight: int(fields[3], 'weight for under'),
          overWeight: int(fields[4], 'weight for over'),
        };
        const key = `${cover.day},${cover.shift}`;
        if (coverSeen.has(key)) fail(`cover for day ${cover.day} shift ${cover.shift} is given twice`);
        coverSeen.add(key);
        problem.cover.push(cover);
        break;
      }
    }
  });

  for (const name of REQUIRED) if (!seen.has(name)) throw new CurtoisFormatError(0, `missing SECTION_${name}`);
  if (problem.days === 0) throw new CurtoisFormatError(0, 'SECTION_HORIZON gives no number of days');
  // "Cannot follow" lists may name shifts declared further down the section, so they are checked once all are known.
  for (const shift of problem.shiftTypes) {
    const unknown = shift.cannotFollow.find((id) => !problem.shiftTypes.some((s) => s.id === id));
    if (unknown !== undefined) throw new CurtoisFormatError(shiftLine.get(shift.id)!, `shift type "${shift.id}": cannot-follow names unknown shift type "${unknown}"`);
  }
  return problem;
}

/** The roster as CSV with a header: one `employee,day,shift` row per worked day; days off have no row. */
export function formatRosterCsv(problem: RosterProblem, assignment: RosterAssignment): string {
  const rows = ['employee,day,shift'];
  problem.employees.forEach((employee, e) =>
    assignment[e].forEach((shift, day) => {
      if (shift !== null) rows.push(`${employee.id},${day},${shift}`);
    }),
  );
  return rows.join('\n') + '\n';
}
