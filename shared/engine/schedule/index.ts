export * from './model';
export { DEFAULT_TEMPLATES } from './defaultTemplates';
export { parseScheduleInput } from './context';
export { computeCoverage, type CoverageReport, type CoverageRequirements, type SkillCoverage } from './coverage';
export { placeBreaks, type BreakPlacementOptions } from './breaks';
export { checkScheduleRules, paidMinutes, recheckAgents, type RuleViolation, type ScheduleRule } from './rules';
export { fairnessReport, preferencePenalty, type FairnessReport, type Spread } from './preferences';
export type { ShortfallCause, ShortfallExplanation } from './explain';
export { expandTemplates, type ConcreteShift } from './shifts';
export {
  generateSchedule,
  type GenerateOptions,
  type ScheduleProgress,
  type ScheduleResult,
  type ScheduleSummary,
} from './generateSchedule';
export { lockConflicts, type LockConflict } from './lockCheck';
