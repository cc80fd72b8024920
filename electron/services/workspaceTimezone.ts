/** The workspace's time zone, in which imported wall-clock times are read; waits for the first-start seeding. */
import { ApiError } from '../../shared/api/errors';
import { getWorkspace } from '../../db/repositories/workspace';
import type { ServiceContext } from './handlers';

export async function workspaceTimezone(ctx: ServiceContext): Promise<string> {
  await ctx.workspaceReady();
  const workspace = getWorkspace(ctx.db());
  if (!workspace) throw new ApiError({ code: 'not_found', message: 'No workspace yet: reset the demo workspace in the Data area first.' });
  return workspace.timezone;
}
