/**
 * Sandboxed preload: exposes exactly the app's API channels — one function per channel, plus an event subscription —
 * and nothing else from Electron or Node. It knows the channel names only (no schemas, no engine): requests are
 * validated in the main process, and the bundle stays a few kilobytes.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { appChannelNames } from '../../shared/api/channelNames';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/channels';

const invoke = Object.fromEntries(
  appChannelNames.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload)]),
);

contextBridge.exposeInMainWorld('staffwiseBridge', {
  invoke,
  onEvent(listener: (event: string, payload: unknown) => void) {
    const wrapped = (_: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
