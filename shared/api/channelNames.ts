/**
 * The channel names alone, with no schemas: the preload and the renderer's client need only the names, so their
 * bundles stay free of zod and the engine. `contract.ts` checks at compile time that these lists match the contract
 * exactly, so a channel added there without a name here breaks the build.
 */

/** Channels the app (renderer over IPC or the browser host) may call. */
export const appChannelNames = [
  'workspace.summary',
  'demo.reset',
  'jobs.cancel',
  'capacity.calculate',
  'capacity.list',
  'capacity.save',
  'capacity.delete',
  'staffing.solve',
  'staffing.deferredDay',
  'staffing.requirements',
  'staffing.profiles.list',
  'staffing.profiles.save',
  'staffing.profiles.delete',
  'import.intervals.preview',
  'import.intervals.start',
  'import.tickets.preview',
  'import.tickets.start',
  'import.history',
  'forecast.run',
  'forecast.runs',
  'forecast.view',
  'forecast.adjustDay',
  'forecast.accuracy',
  'forecast.exportCsv',
  'events.list',
  'events.save',
  'events.delete',
  'schedule.overview',
  'schedule.templates',
  'schedule.templates.save',
  'schedule.templates.delete',
  'schedule.requirements',
  'schedule.generate',
  'schedule.stop',
  'schedule.view',
  'schedule.updateShift',
  'schedule.addShift',
  'schedule.deleteShift',
  'schedule.lockShifts',
  'schedule.publish',
  'schedule.deleteDraft',
  'schedule.export',
  'schedule.agentPreferences.save',
  'schedule.forecastRuns',
  'schedule.chooseForecastRun',
  'plan.list',
  'plan.get',
  'plan.defaults',
  'plan.save',
  'plan.delete',
  'plan.project',
  'plan.optimise',
  'plan.stop',
  'plan.export',
  'plan.import',
  'ramp.list',
  'ramp.save',
  'ramp.delete',
  'scenario.presets',
  'scenario.list',
  'scenario.save',
  'scenario.versions',
  'scenario.makeBaseline',
  'scenario.delete',
  'scenario.compare',
  'scenario.shock',
  'scenario.simulate',
] as const;

/**
 * Channels only the CLI calls, in its own process: whole solves and forecasts given in full in the request, which
 * can take seconds to minutes. They are not exposed to the renderer or the browser host, so no request from the UI
 * can occupy the backend that serves it; the app runs the same engines as worker jobs.
 */
export const cliOnlyChannelNames = ['forecast.series', 'roster.curtois', 'schedule.solve'] as const;

export type AppChannelName = (typeof appChannelNames)[number];
export type CliOnlyChannelName = (typeof cliOnlyChannelNames)[number];
