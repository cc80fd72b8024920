/**
 * A stand-in for the renderer's `api` object in store tests: every channel records its call and answers with what
 * `reply` returns. Use it from a `vi.mock('…/renderer/src/api', …)` factory.
 */
export interface RecordedCall {
  channel: string;
  payload: unknown;
}

export function apiStandIn(calls: RecordedCall[], reply: (channel: string, payload: unknown) => unknown): { api: unknown } {
  return {
    api: new Proxy(
      { on: () => () => {} },
      {
        get: (target, channel: string) =>
          channel in target
            ? (target as Record<string, unknown>)[channel]
            : async (payload: unknown) => {
                calls.push({ channel, payload });
                return reply(channel, payload);
              },
      },
    ),
  };
}
