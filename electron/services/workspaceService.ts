import type { Database } from 'better-sqlite3';
import { agentCountsBySkill, dailyVolumes, getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import { ApiError } from '../../shared/api/errors';
import type { DailyVolume, QueueSummary } from '../../shared/api/types';
import { historyRevision } from '../../db/repositories/historyRevision';
import type { Handlers, ServiceContext } from './handlers';

/**
 * Changes whenever the history may have changed: `data_version` moves when another connection (the CLI, a second
 * host) commits anything, the history revision when this connection writes queues or intervals.
 */
function historyVersion(db: Database): string {
  return `${db.pragma('data_version', { simple: true })}:${historyRevision(db)}`;
}

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, 'workspace.summary' | 'demo.reset' | 'jobs.cancel'> {
  // The queue totals and daily volumes aggregate every interval of history (hundreds of milliseconds over two years),
  // and every area asks for the summary: they are computed again only when the history may have changed, so asking
  // stays cheap while jobs run and after they write their results.
  let history: { version: string; queues: QueueSummary[]; dailyVolumes: DailyVolume[] } | undefined;
  return {
    'workspace.summary': async () => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const version = historyVersion(db);
      if (history?.version !== version) history = { version, queues: queueSummaries(db), dailyVolumes: dailyVolumes(db) };
      const workspace = getWorkspace(db);
      if (!workspace) throw new ApiError({ code: 'not_found', message: 'No workspace yet: reset the demo from the Data area or import data.' });
      const agents = agentCountsBySkill(db);
      return {
        ...workspace,
        agentCount: agents.total,
        agentsBySkill: agents.bySkill,
        queues: history.queues,
        dailyVolumes: history.dailyVolumes,
      };
    },
    'demo.reset': ({ weeks }) => ctx.resetDemo(weeks),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
