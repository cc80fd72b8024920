/**
 * Sandboxed preload: exposes exactly the API contract — one function per channel, plus an event subscription —
 * and nothing else from Electron or Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from '../../shared/api/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/channels';

const invoke = Object.fromEntries(
  channels.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload)]),
);

contextBridge.exposeInMainWorld('staffwiseBridge', {
  invoke,
  onEvent(listener: (event: string, payload: unknown) => void) {
    const wrapped = (_: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
