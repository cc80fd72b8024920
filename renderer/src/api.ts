/** The renderer's single `api` object; which transport carries it is decided once, here. */
import { createApiClient } from '../../shared/api/client';
import { httpTransport, takeToken } from './transports/http';
import { ipcTransport, type PreloadBridge } from './transports/ipc';

declare global {
  interface Window {
    staffwiseBridge?: PreloadBridge;
  }
}

export const api = createApiClient(window.staffwiseBridge ? ipcTransport(window.staffwiseBridge) : httpTransport(takeToken()));
