/**
 * Interval requirements → a schedule for named agents:
 *   1. shift design (shiftDesign.ts): how many of each shift start per day and skill, with an LP lower bound;
 *   2. rostering (rosterMapping.ts + the roster engine): which agent works which designed shift, then agents with a
 *      free day and room in their contract take shifts where the week is still short (shortageFill.ts);
 *   3. break placement (breaks.ts, then breakOptimiser.ts);
 *   4. coverage, rule check, preference cost and the explanation of every gap.
 * Locked shifts are kept as given and everything else is solved around them. It always returns a schedule: a stage
 * that runs out of time or is cancelled hands on the best it has, and gaps are explained rather than thrown.
 */
import { solveRoster } from '../roster';
import { optimiseBreaks } from './breakOptimiser';
import { placeBreaks } from './breaks';
import { buildContext, parseScheduleInput, type PlanningContext } from './context';
import { addShiftPresence, computeCoverage, type CoverageReport } from './coverage';
import { explainShortfalls, type ShortfallExplanation } from './explain';
import type { ScheduleInput, ShiftAssignment } from './model';
import { fairnessReport, preferencePenalty, type FairnessReport } from './preferences';
import { assignStarts, buildRosterProblem } from './rosterMapping';
import { idleReport, moveIdleTime } from './idleTime';
import { lockedWorkOf } from './lockCheck';
import { fillShortages } from './shortageFill';
import { checkScheduleRules, type RuleViolation } from './rules';
import { designShifts, type ShiftDesign } from './shiftDesign';
import type { LockedWork } from './supply';

export interface GenerateOptions {
  /** Whole-run limit; default 60 s. */
  timeLimitSec?: number;
  onProgress?: (progress: ScheduleProgress) => void;
  /** Polled during the solve; true stops it and returns the best schedule so far. */
  shouldCancel?: () => boolean;
}

export interface ScheduleProgress {
  stage: 'design' | 'roster' | 'breaks' | 'done';
  /** Rough share of the whole run done, 0–1. */
  fraction: number;
  seconds: number;
  message: string;
  /** Rostering: the objective of the best roster found so far; absent until rostering has a roster. */
  bestObjective?: number;
}

export interface ScheduleSummary {
  underHours: number;
  overHours: number;
  /** Least under-coverage any schedule from these templates and agents can have (LP relaxation). */
  lowerBoundUnderHours?: number;
  /** underWeight × under + overWeight × over (agent-hours) + preference weights not met. */
  objective: number;
  preferencePenalty: number;
  /** Paid agent-hours where none of the agent's skills has a requirement (idleTime.ts). */
  idleHours?: number;
  ruleViolations: number;
  fairness: FairnessReport;
  seconds: number;
  cancelled: boolean;
  /** Things the planner should know about the run itself (a stage that failed or stopped early). */
  notes: string[];
}

export interface ScheduleResult {
  assignments: ShiftAssignment[];
  coverage: CoverageReport;
  summary: ScheduleSummary;
  explanations: ShortfallExplanation[];
  violations: RuleViolation[];
}

/** Shares of the time limit for shift design and for the break MIPs; rostering gets the rest. */
const DESIGN_SHARE = 0.45;
const BREAK_SHARE = 0.1;
/** The roster engine's progress message while it builds its first roster from the cover. */
const FIRST_ROSTER_STAGE = 'building a first roster';
/** After a stop, the first roster may take at most this long (a safety net on a very busy machine). */
const FIRST_ROSTER_GRACE_SEC = 15;
/** Kept back for coverage, rule checks and explanations. */
const FINISHING_SECONDS = 1;

export async function generateSchedule(input: ScheduleInput, options: GenerateOptions = {}): Promise<ScheduleResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const timeLimitSec = options.timeLimitSec ?? 60;
  const cancelled = () => options.shouldCancel?.() === true;
  const report = (stage: ScheduleProgress['stage'], fraction: number, message: string, bestObjective?: number) =>
    options.onProgress?.({ stage, fraction, seconds: seconds(), message, ...(bestObjective !== undefined && { bestObjective }) });
  const notes: string[] = [];

  const problem = parseScheduleInput(input);
  const context = buildContext(problem);
  const locked = problem.locked.map((shift) => ({ ...shift, locked: true }));
  const lockedWork = lockedWorkOf(locked);

  report('design', 0, 'designing shifts');
  const design = await designShifts(context, lockedCoverage(context, locked), lockedWork, {
    timeLimitSec: timeLimitSec * DESIGN_SHARE,
    shouldCancel: options.shouldCancel,
    onProgress: (progress) => {
      const share = DESIGN_SHARE * Math.min(1, progress.seconds / (timeLimitSec * DESIGN_SHARE));
      report('design', share, progress.phase === 'bound' ? 'lower bound computed' : `designing day ${(progress.day ?? 0) + 1}`);
    },
  });
  if (design.status !== 'optimal') notes.push('shift design stopped before proving its days optimal (time limit or cancel)');

  report('roster', DESIGN_SHARE, 'assigning agents');
  const rosterSeconds = timeLimitSec * (1 - BREAK_SHARE) - seconds() - FINISHING_SECONDS;
  const rosteredTypes = await roster(context, design, lockedWork, rosterSeconds, options, notes, report);
  // Agents with a free day and room in their contract take shifts where the week is still short (most after a stop).
  const filled = fillShortages(context, rosteredTypes, locked);
  if (filled.added > 0) notes.push(`${filled.added} shifts added after rostering where agents had a free day, room in their contract and the week was still short`);
  // Paid time where none of the agent's skills needs anyone moves to where it covers a shortage, hours unchanged.
  const rostered = moveIdleTime(context, filled.shifts, locked);

  report('breaks', 0.9, 'placing breaks');
  const shifts = [...locked, ...rostered];
  const breakOptions = {
    requirements: problem.requirements,
    templates: problem.templates,
    weights: problem.weights,
    stepMinutes: problem.rules.breakStepMinutes,
  };
  const assignments = await optimiseBreaks(
    placeBreaks(shifts, breakOptions),
    shifts.map((shift) => shift.breaks.length === 0),
    { ...breakOptions, timeLimitSec: Math.min(timeLimitSec * BREAK_SHARE, timeLimitSec - seconds() - FINISHING_SECONDS), shouldCancel: options.shouldCancel },
  );
  const coverage = computeCoverage(problem.requirements, assignments);
  const violations = checkScheduleRules(problem, assignments);
  const explanations = explainShortfalls({ context, coverage, assignments, designed: design.designed, lockedWork });
  const penalty = preferencePenalty(problem, assignments);
  const idle = idleReport(context, assignments);
  if (idle.hours > 0) {
    notes.push(
      `${Math.round(idle.hours * 10) / 10} paid agent-hours fall where none of the agent's skills has a requirement: contract hours that no other start, template or skill of that agent on that day could place in open hours without more short or over coverage or a broken rule (${idle.lines.slice(0, 5).join('; ')}${idle.lines.length > 5 ? `; and ${idle.lines.length - 5} more agents` : ''})`,
    );
  }
  report('done', 1, 'schedule ready');

  return {
    assignments,
    coverage,
    summary: {
      underHours: coverage.underHours,
      overHours: coverage.overHours,
      ...(design.lowerBoundUnderHours !== null ? { lowerBoundUnderHours: design.lowerBoundUnderHours } : {}),
      objective: problem.weights.underPerAgentHour * coverage.underHours + problem.weights.overPerAgentHour * coverage.overHours + penalty,
      preferencePenalty: penalty,
      idleHours: idle.hours,
      ruleViolations: violations.length,
      fairness: fairnessReport(problem, assignments),
      seconds: seconds(),
      cancelled: cancelled(),
      notes,
    },
    explanations,
    violations,
  };
}

async function roster(
  context: PlanningContext,
  design: ShiftDesign,
  lockedWork: LockedWork,
  timeLimitSec: number,
  options: GenerateOptions,
  notes: string[],
  report: (stage: ScheduleProgress['stage'], fraction: number, message: string, bestObjective?: number) => void,
): Promise<ShiftAssignment[]> {
  const mapping = buildRosterProblem(context, design.designed, lockedWork);
  if (mapping.problem.shiftTypes.length === 0) return [];
  // A stop keeps the best complete schedule, so rostering always gets to build its first roster from the cover (one
  // descent, well under the time of the rest): stopped before that, the roster engine would hand back each agent's
  // cheapest roster by requests alone, which ignores the designed shifts. "First roster built" is read from the
  // engine's own progress (a better roster, or its stage moving past the first descent), not from the clock.
  let firstRosterBuilt = false;
  const rosterStarted = Date.now();
  const shouldCancel = () =>
    options.shouldCancel?.() === true && (firstRosterBuilt || Date.now() - rosterStarted > FIRST_ROSTER_GRACE_SEC * 1000);
  try {
    const solution = await solveRoster(mapping.problem, {
      timeLimitSec: Math.max(1, timeLimitSec),
      shouldCancel,
      onProgress: (fraction, message, bestObjective) => {
        // A roster better than the agents' own cheapest ones exists, or the first descent is over.
        if (bestObjective !== undefined || !message.startsWith(FIRST_ROSTER_STAGE)) firstRosterBuilt = true;
        report('roster', DESIGN_SHARE + (0.9 - DESIGN_SHARE) * fraction, `assigning agents: ${message}`, bestObjective);
      },
    });
    if (solution.solverNote) notes.push(`rostering: ${solution.solverNote}`);
    if (solution.hardViolations.length > 0) notes.push(`rostering found no roster that keeps every rule (${solution.status}); violations are listed`);
    return assignStarts(context, mapping, design.designed, solution.assignment);
  } catch (error) {
    notes.push(`rostering failed: ${(error as Error).message}`);
    return [];
  }
}

/** What locked shifts already cover, per skill and interval (their breaks as given; unplaced ones are ignored). */
function lockedCoverage(context: PlanningContext, locked: ShiftAssignment[]): Float64Array[] {
  const curves = context.skills.map(() => new Float64Array(context.grid.intervalCount));
  for (const shift of locked) {
    const s = context.skills.indexOf(shift.skill);
    if (s >= 0) addShiftPresence(context.grid, curves[s], shift);
  }
  return curves;
}
