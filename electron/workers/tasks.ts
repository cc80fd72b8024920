/**
 * Work that runs inside a worker thread. Each task receives its input, reports progress, polls for cancellation and
 * returns a result. Pure computations hand their result to the main thread, which writes it in one short
 * transaction; tasks with large reads or writes (imports, forecasts) do them on the job's own connection
 * (WorkspaceTaskContext), computing first and writing in one transaction at the end, so no write transaction is
 * ever held open while computing and the thread that serves the UI never waits on them.
 */
import { generateDemoWorkspace, type DemoOptions } from '../../shared/demo/generateDemo';
import type { Workspace } from '../../shared/model';
import { importIntervals, importTickets, type IntervalImportInput, type TicketImportInput } from './importTasks';
import type { SavedImport } from './importSave';
import { resetDemoTask, type DemoResetTaskInput, type DemoResetTaskOutput } from './demoTasks';
import { runForecastTask, type ForecastRunTaskInput, type ForecastRunTaskOutput } from './forecastTasks';
import { generateScheduleTask, type ScheduleTaskInput } from './scheduleTasks';
import type { TaskContext, WorkspaceTaskContext } from './taskContext';
import { optimisePlanTask, type PlanOptimiseTaskInput } from './planTasks';
import { simulateScenarioTask } from './scenarioTasks';
import { parseSlaTicketsTask, type SlaTicketParseInput } from './slaTicketTasks';
import type { SlaTicketParse } from '../../shared/import';

type Task<I, O> = (input: I, ctx: TaskContext) => O | Promise<O>;
/** A task that reads or writes the workspace on the job's own connection. */
type WorkspaceTask<I, O> = (input: I, ctx: WorkspaceTaskContext) => O | Promise<O>;

export const tasks = {
  'demo.generate': ((input, ctx) =>
    generateDemoWorkspace(input, (fraction, message) => {
      ctx.checkCancelled();
      ctx.progress(fraction, message);
    })) as Task<DemoOptions, Workspace>,
  'demo.reset': resetDemoTask as WorkspaceTask<DemoResetTaskInput, DemoResetTaskOutput>,
  'forecast.run': runForecastTask as WorkspaceTask<ForecastRunTaskInput, ForecastRunTaskOutput>,
  'import.tickets': importTickets as WorkspaceTask<TicketImportInput, SavedImport>,
  'import.intervals': importIntervals as WorkspaceTask<IntervalImportInput, SavedImport>,
  'schedule.generate': generateScheduleTask as Task<ScheduleTaskInput, Awaited<ReturnType<typeof generateScheduleTask>>>,
  'plan.optimise': optimisePlanTask as Task<PlanOptimiseTaskInput, Awaited<ReturnType<typeof optimisePlanTask>>>,
  'sla.tickets.parse': parseSlaTicketsTask as Task<SlaTicketParseInput, SlaTicketParse>,
  'scenario.simulate': simulateScenarioTask as Task<Parameters<typeof simulateScenarioTask>[0], ReturnType<typeof simulateScenarioTask>>,
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<(typeof tasks)[T]>>;
