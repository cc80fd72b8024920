/**
 * The renderer's `api` object, built over any transport (Electron IPC via the preload, or the browser host's HTTP).
 * Components and stores call `api['channel'](request)` and never learn which transport is underneath.
 */
import { ApiError, type Envelope } from './errors';
import { appChannelNames } from './channelNames';
import type { ApiEvents, AppChannel, EventName, RequestOf, ResponseOf } from './contract';

export interface Transport {
  invoke(channel: AppChannel, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

export type ApiClient = { [C in AppChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> } & {
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

export function createApiClient(transport: Transport): ApiClient {
  const methods = Object.fromEntries(
    appChannelNames.map((channel) => [
      channel,
      async (request: unknown) => {
        const envelope = await transport.invoke(channel, request);
        if (!envelope.ok) throw new ApiError(envelope.error);
        return envelope.value;
      },
    ]),
  );
  const on = <E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as ApiEvents[E]);
    });
  return { ...methods, on } as ApiClient;
}
