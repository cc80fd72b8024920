/** The planner's choice of forecast run per queue and schedule week (see weekForecastRun.ts for the default). */
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ChannelKind } from '../../shared/api/types';
import type { WeekForecastRuns } from '../../shared/api/channels/forecastChoice';
import { queueSummaries } from '../../db/repositories/workspace';
import { setWeekForecastChoice } from '../../db/repositories/weekForecastChoices';
import { weekDates } from '../../shared/calendar/days';
import { selectWeekRun } from './weekForecastRun';
import type { Handlers, ServiceContext } from './handlers';

type ForecastChoiceHandlers = Pick<Handlers, 'schedule.forecastRuns' | 'schedule.chooseForecastRun'>;

export function forecastChoiceHandlers(ctx: ServiceContext): ForecastChoiceHandlers {
  return {
    'schedule.forecastRuns': async ({ weekStart }) => {
      await ctx.workspaceReady();
      return weekRuns(ctx.db(), weekStart);
    },
    'schedule.chooseForecastRun': async ({ weekStart, queueId, runId }) => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const queue = queueSummaries(db).find((q) => q.id === queueId);
      if (!queue) throw new ApiError({ code: 'not_found', message: `Queue ${queueId} does not exist`, issues: [{ path: 'queueId', message: 'Unknown queue' }] });
      if (runId !== null) {
        const selection = selectWeekRun(db, queue, weekDates(weekStart));
        if (!selection.candidates.some((r) => r.id === runId)) {
          throw new ApiError({
            code: 'invalid_request',
            message: `Forecast run ${runId} does not reach the week of ${weekStart} for ${queue.name}: choose one of ${selection.candidates.map((r) => `#${r.id}`).join(', ') || 'its runs that cover the week (there are none)'}`,
            issues: [{ path: 'runId', message: 'Not a run of this queue reaching the week' }],
          });
        }
      }
      setWeekForecastChoice(db, weekStart, queueId, runId);
      return weekRuns(db, weekStart);
    },
  };
}

function weekRuns(db: Database, weekStart: string): WeekForecastRuns {
  const dates = weekDates(weekStart);
  return {
    weekStart,
    queues: queueSummaries(db).map((queue) => {
      const selection = selectWeekRun(db, queue, dates);
      return {
        queueId: queue.id,
        queueName: queue.name,
        channel: queue.channel as ChannelKind,
        runs: selection.candidates,
        automaticRunId: selection.automaticRunId,
        chosenRunId: selection.chosenRunId,
        lookedFor: selection.lookedFor,
      };
    }),
  };
}
