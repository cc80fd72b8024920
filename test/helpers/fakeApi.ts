/**
 * A stand-in for the renderer's `api` object in store tests: it records every call, answers from `replies` (a
 * function per channel; a thrown error becomes a rejected call, as a refusal does over the real transports), and
 * lets a test emit the services' events (job progress and done) to the listeners the stores registered.
 *
 * Use it from a test file with
 *   vi.mock('../../renderer/src/api', async () => (await import('../helpers/fakeApi')).fakeApiModule());
 * and import `fakeApi` to set replies and read calls. Each test file gets its own module state.
 */
import type { ApiEvents } from '../../shared/api/contract';

export interface RecordedCall {
  channel: string;
  payload: unknown;
}

type Listener = (event: unknown) => void;

const calls: RecordedCall[] = [];
const replies: Record<string, (payload: unknown) => unknown> = {};
const listeners = new Map<string, Set<Listener>>();

export const fakeApi = {
  calls,
  replies,
  /** Forgets the calls and replies of the previous test (listeners stay: stores register them once, on import). */
  reset(): void {
    calls.length = 0;
    for (const channel of Object.keys(replies)) delete replies[channel];
  },
  /** The payloads sent on one channel, in order. */
  sent(channel: string): unknown[] {
    return calls.filter((c) => c.channel === channel).map((c) => c.payload);
  },
  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
};

export function fakeApiModule() {
  const on = (event: string, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  const api = new Proxy(
    { on },
    {
      get: (target, channel: string) =>
        channel in target
          ? (target as Record<string, unknown>)[channel]
          : async (payload: unknown) => {
              calls.push({ channel, payload });
              const reply = replies[channel];
              return reply ? reply(payload) : undefined;
            },
    },
  );
  return { api };
}
