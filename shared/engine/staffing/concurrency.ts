/**
 * Chat concurrency: an agent works up to k chats at once.
 *
 * Model: each agent is k servers ("slots") in one pooled M/M/(N·k) queue — a waiting chat goes to any free slot on
 * any agent. Sharing attention slows each chat down, so a slot holds its chat for
 *   slot handle time = AHT ÷ efficiency,
 * where efficiency in (0, 1] is the share of single-chat speed a chat keeps while the agent runs k of them:
 * 1 means `ahtSec` was measured under concurrent work and needs no inflation; 1/k means concurrency gains nothing
 * (k slots each k times slower is one agent's throughput).
 *
 * Assumptions, stated so planners can judge them: the router fills any free slot, all slots of all agents are
 * alike, and the slowdown does not depend on how many chats an agent has at that moment (conservative when agents
 * often run fewer than k chats). Traffic, occupancy and waiting are then per slot; agents = slots ÷ k.
 */
export interface ConcurrencyModel {
  /** Chats one agent works at once (1 for phone). */
  concurrency: number;
  /** Share of single-chat speed kept under concurrency, in (0, 1]. */
  efficiency: number;
}

/** Chats one agent can work at once, at most; larger numbers are taken for typing mistakes. */
export const MAX_CONCURRENCY = 20;

export const SINGLE_CONTACT: ConcurrencyModel = { concurrency: 1, efficiency: 1 };

export function slotHandleSec(ahtSec: number, model: ConcurrencyModel): number {
  return ahtSec / model.efficiency;
}
