import type { AgentContract } from './contracts';
import type { ChannelKind } from './queues';

/** An agent of the workspace: the skills are the channels they can work. */
export interface WorkspaceAgent {
  name: string;
  team: string;
  skills: ChannelKind[];
  contract: AgentContract;
  timezone: string;
}
