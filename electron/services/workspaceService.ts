import type { Database } from 'better-sqlite3';
import { agentCountsBySkill, dailyVolumes, getWorkspace, queueSummaries } from '../../db/repositories/workspace';
import { ApiError } from '../../shared/api/errors';
import type { WorkspaceSummary } from '../../shared/api/types';
import type { Handlers, ServiceContext } from './handlers';

/**
 * Changes whenever anything is written: `data_version` moves when another connection (the CLI, a second host)
 * commits, `total_changes()` when this one does.
 */
function databaseVersion(db: Database): string {
  return `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
}

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, 'workspace.summary' | 'demo.reset' | 'jobs.cancel'> {
  // The summary aggregates every interval of history (hundreds of milliseconds over two years), and every area asks
  // for it: it is computed again only when the database has changed since, so asking stays cheap while jobs run.
  let cached: { version: string; summary: WorkspaceSummary } | undefined;
  return {
    'workspace.summary': async () => {
      await ctx.workspaceReady();
      const db = ctx.db();
      const version = databaseVersion(db);
      if (cached?.version === version) return cached.summary;
      const workspace = getWorkspace(db);
      if (!workspace) throw new ApiError({ code: 'not_found', message: 'No workspace yet: reset the demo from the Data area or import data.' });
      const agents = agentCountsBySkill(db);
      const summary: WorkspaceSummary = {
        ...workspace,
        agentCount: agents.total,
        agentsBySkill: agents.bySkill,
        queues: queueSummaries(db),
        dailyVolumes: dailyVolumes(db),
      };
      cached = { version, summary };
      return summary;
    },
    'demo.reset': ({ weeks }) => ctx.resetDemo(weeks),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
