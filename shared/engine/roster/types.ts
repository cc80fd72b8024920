/**
 * The rostering problem in the general form of the Curtois & Qu rule set: which employee works which shift type on
 * which day. The app's scheduler maps agents and shift templates onto it; the benchmark parser produces it directly.
 */

export type ShiftType = {
  id: string;
  minutes: number;
  /** Shift types that may not be worked on the day after this one (e.g. no early after a late). */
  cannotFollow: string[];
};

export type LockedAssignment = {
  day: number;
  /** The shift that must be worked that day, or null for a day that must stay off. */
  shift: string | null;
};

export type RosterEmployee = {
  id: string;
  /** Most shifts of each type over the horizon; a type left out is unlimited. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  daysOff: number[];
  fixed?: LockedAssignment[];
};

export type ShiftRequest = {
  employee: string;
  day: number;
  shift: string;
  weight: number;
};

export type CoverRequirement = {
  day: number;
  shift: string;
  requirement: number;
  /** Penalty per person short of the requirement. */
  underWeight: number;
  /** Penalty per person beyond the requirement. */
  overWeight: number;
};

export type RosterProblem = {
  days: number;
  /** Weekday of day 0, 0 = Monday (the benchmark's convention, also the default). */
  startWeekday?: number;
  shiftTypes: ShiftType[];
  employees: RosterEmployee[];
  /** Penalised when the requested shift is NOT worked that day. */
  shiftOnRequests: ShiftRequest[];
  /** Penalised when the shift IS worked that day. */
  shiftOffRequests: ShiftRequest[];
  cover: CoverRequirement[];
};

/** `assignment[employeeIndex][day]`: the shift id worked, or null for a day off. Employees in problem order. */
export type RosterAssignment = (string | null)[][];

export type ObjectiveBreakdown = {
  /** Weight of shift-on requests not granted plus shift-off requests violated. */
  requests: number;
  /** Σ under-weight × shortage over all cover requirements. */
  under: number;
  /** Σ over-weight × excess over all cover requirements. */
  over: number;
  total: number;
};

export type HardRule =
  | 'unknown-shift'
  | 'cannot-follow'
  | 'max-shifts'
  | 'max-total-minutes'
  | 'min-total-minutes'
  | 'max-consecutive-shifts'
  | 'min-consecutive-shifts'
  | 'min-consecutive-days-off'
  | 'max-weekends'
  | 'day-off'
  | 'locked-assignment';

export type HardViolation = {
  employee: string;
  rule: HardRule;
  /** The days involved, ascending. */
  days: number[];
  /** A sentence the app can show as is, e.g. "B works 7 days in a row on days 3–9 (at most 5)". */
  message: string;
};

export type RosterEvaluation = {
  objective: ObjectiveBreakdown;
  hardViolations: HardViolation[];
};

export type SolveStatus =
  /** The MIP proved the roster optimal (within the configured gap). */
  | 'optimal'
  /** A roster that breaks no hard rule, not proved optimal (time limit, cancel, or solver failure). */
  | 'feasible'
  /** Some employee's own rules (with their locks) admit no roster; theirs breaks as few rules as it can. */
  | 'infeasible'
  /** No roster without hard violations was found in time (e.g. cancelled at once), though one may exist. */
  | 'unknown';

export type RosterSolution = RosterEvaluation & {
  assignment: RosterAssignment;
  status: SolveStatus;
  /** Proven lower bound on the objective, when the MIP got far enough to have one. */
  lowerBound?: number;
  seconds: number;
  /**
   * Why the solve fell short of its usual course: HiGHS did not contribute (e.g. its WebAssembly failed to load), or
   * the time ran out before every employee had a first roster. Absent when it ran normally.
   */
  solverNote?: string;
};
