/**
 * Rostering engine: which employee works which shift on which day, under the Curtois & Qu rule set (see
 * types.ts). solveRoster optimises; evaluateRoster scores any roster and lists its hard violations for display.
 */
export { solveRoster, type SolveRosterOptions } from './solve';
export type { SolveEffort } from './optimise';
export { runRosterHelper, type RosterHelper, type RosterHelperJob, type RosterHelperLink, type RosterHelperStarter } from './helperSearch';
export { evaluateRoster } from './evaluate';
export { RosterProblemError } from './indexedProblem';
export { configureHighs } from '../common/highsRuntime';
export type {
  CoverRequirement,
  HardRule,
  HardViolation,
  LockedAssignment,
  ObjectiveBreakdown,
  RosterAssignment,
  RosterEmployee,
  RosterEvaluation,
  RosterProblem,
  RosterSolution,
  ShiftRequest,
  ShiftType,
  SolveStatus,
} from './types';
export { parseCurtois, formatRosterCsv, CurtoisFormatError } from './curtois';
