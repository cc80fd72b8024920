import { agentCountsBySkill, getWorkspace } from '../../db/repositories/workspace';
import { ApiError } from '../../shared/api/errors';
import type { Handlers, ServiceContext } from './handlers';

export function workspaceHandlers(ctx: ServiceContext): Pick<Handlers, 'workspace.summary' | 'demo.reset' | 'jobs.cancel'> {
  return {
    'workspace.summary': async () => {
      await ctx.workspaceReady();
      const db = ctx.db();
      // The queue totals and daily volumes aggregate every interval of history, and every area asks for the summary:
      // they are read again only when the history has changed (see historySummary.ts).
      const history = ctx.historySummary.current(db);
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
