/**
 * Wires the dispatcher to Electron IPC. Typed against Electron's own definitions but imports nothing from
 * `electron` at run time, so tests drive it with a stand-in `ipcMain` and the real dispatcher.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Backend } from '../services/backend';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  backend: Pick<Backend, 'dispatch' | 'events'>;
  /** Windows that receive pushed events. */
  targets: () => Pick<WebContents, 'send' | 'isDestroyed'>[];
  /** Refuses calls from frames that are not our own renderer (e.g. a navigated or injected frame). */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}

export function registerIpc({ ipcMain, backend, targets, isTrustedSender }: IpcRegistration): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'invalid_request', message: 'Calls are accepted only from the Staffwise window.' } };
    }
    return backend.dispatch(channel, payload);
  });
  const unsubscribe = backend.events.subscribe((name, payload) => {
    for (const contents of targets()) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
