/**
 * Work that runs inside a worker thread. Each task is a pure computation: it receives its input, reports progress,
 * polls for cancellation, and returns a result that the main thread then writes in one short transaction, so no
 * write transaction is ever held open while computing.
 */
import { generateDemoWorkspace, type DemoOptions } from '../../shared/demo/generateDemo';
import type { DemoWorkspace } from '../../shared/demo/types';
import { importIntervals, importTickets, type ImportTaskOutput, type IntervalImportInput, type TicketImportInput } from './importTasks';
import { forecast, ForecastCancelledError, type ForecastInput, type ForecastResult } from '../../shared/engine/forecast';
import { generateScheduleTask, type ScheduleTaskInput } from './scheduleTasks';
import { TaskCancelledError, type TaskContext } from './taskContext';
import { optimisePlanTask, type PlanOptimiseTaskInput } from './planTasks';
import { simulateScenarioTask } from './scenarioTasks';
import { parseSlaTicketsTask, type SlaTicketParseInput } from './slaTicketTasks';
import type { SlaTicketParse } from '../../shared/import';

type Task<I, O> = (input: I, ctx: TaskContext) => O | Promise<O>;

export const tasks = {
  'demo.generate': ((input, ctx) =>
    generateDemoWorkspace(input, (fraction, message) => {
      ctx.checkCancelled();
      ctx.progress(fraction, message);
    })) as Task<DemoOptions, DemoWorkspace>,
  'forecast.compute': ((input, ctx) => {
    try {
      return forecast(input, { onProgress: ctx.progress, shouldCancel: ctx.isCancelled });
    } catch (error) {
      if (error instanceof ForecastCancelledError) throw new TaskCancelledError();
      throw error;
    }
  }) as Task<ForecastInput, ForecastResult>,
  'import.tickets': importTickets as Task<TicketImportInput, ImportTaskOutput>,
  'import.intervals': importIntervals as Task<IntervalImportInput, ImportTaskOutput>,
  'schedule.generate': generateScheduleTask as Task<ScheduleTaskInput, Awaited<ReturnType<typeof generateScheduleTask>>>,
  'plan.optimise': optimisePlanTask as Task<PlanOptimiseTaskInput, Awaited<ReturnType<typeof optimisePlanTask>>>,
  'sla.tickets.parse': parseSlaTicketsTask as Task<SlaTicketParseInput, SlaTicketParse>,
  'scenario.simulate': simulateScenarioTask as Task<Parameters<typeof simulateScenarioTask>[0], ReturnType<typeof simulateScenarioTask>>,
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
