import { z } from 'zod';
import type { JobHandle, WorkspaceSummary } from '../types';
import { emptyRequest, jobIdField, returns } from './define';

export const workspaceChannels = {
  'workspace.summary': { request: emptyRequest, response: returns<WorkspaceSummary>() },
  'demo.reset': {
    request: z
      .object({
        weeks: z.number().int().min(4, 'At least 4 weeks of history').max(156, 'At most 156 weeks of history').optional(),
      })
      .strict(),
    response: returns<JobHandle>(),
  },
  'jobs.cancel': { request: z.object({ jobId: jobIdField }).strict(), response: returns<{ cancelled: boolean }>() },
};
