/** Transport over the Electron preload bridge (window.staffwiseBridge). */
import type { AppChannel, EventName } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import type { Transport } from '../../../shared/api/client';

export interface PreloadBridge {
  invoke: Record<AppChannel, (payload: unknown) => Promise<Envelope<unknown>>>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (channel, payload) => bridge.invoke[channel](payload),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
