/**
 * The requirements pipeline: interval volumes (a forecast run, history, or pasted) × a staffing profile → agents per
 * interval, for one week or many. Pure and deterministic; services read the volumes and profiles, call these, and
 * write or return the result.
 *
 * - staffingDefaults: the one set of staffing defaults, the profile a queue uses, and the one-line description
 * - weekIntervals: forecast points and history onto one interval grid (what is open, closed or missing)
 * - requirementsFor: queue intervals × staffing → required agents per interval, agent-hours and peak
 * - scheduleWeek: a week on a schedule's grid, with deferred work outside every shift template
 * - patternWeeks: many weeks from one weekly pattern (the capacity plan's horizon), Erlang memoised per interval
 * - serviceLevelCurve: the calculator's chart; weeks: which week to staff by default
 */
export * from './requirementsFor';
export * from './scheduleWeek';
export * from './serviceLevelCurve';
export * from './staffingDefaults';
export * from './weekIntervals';
export * from './weeks';
export * from './patternWeeks';
