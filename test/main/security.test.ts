/**
 * The Electron guards, driven through fakes typed against Electron's own declarations (the Electron runtime cannot
 * run on test machines): what each handler decides for the app's own pages, exports and anything else.
 */
import { describe, expect, it } from 'vitest';
import type { CallbackResponse, Event, HandlerDetails, OnBeforeRequestListenerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { guardSession, guardWebContents, secureWebPreferences, type AppOrigin, type DownloadSlice, type GuardedContents, type GuardedSession } from '../../electron/main/security';
import { appMenuTemplate } from '../../electron/main/menu';
import { appPaths } from '../../electron/main/appPaths';

const { rendererRoot } = appPaths('file:///opt/Staffwise/resources/app.asar/dist/node/main.mjs');
const production: AppOrigin = { isAppUrl: (url) => url.startsWith(rendererRoot), devTools: false };
const development: AppOrigin = { ...production, devTools: true };

type BeforeRequest = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
type WillDownload = (event: Event, item: DownloadSlice, webContents: WebContents) => void;

function fakeSession() {
  const recorded: {
    request?: (webContents: WebContents, permission: string, callback: (granted: boolean) => void) => void;
    check?: (webContents: WebContents | null, permission: string, origin: string) => boolean;
    beforeRequest?: BeforeRequest | null;
    willDownload?: WillDownload;
  } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => void (recorded.request = handler),
    setPermissionCheckHandler: (handler) => void (recorded.check = handler),
    webRequest: { onBeforeRequest: (listener) => void (recorded.beforeRequest = listener) },
    on: (_event, listener) => void (recorded.willDownload = listener),
  };
  return { session, recorded };
}

const contents = {} as WebContents;
const event = {} as Event;

function loads(beforeRequest: BeforeRequest, url: string): boolean {
  let cancelled: boolean | undefined;
  beforeRequest({ url } as OnBeforeRequestListenerDetails, (response) => (cancelled = response.cancel));
  return cancelled === false;
}

function download(willDownload: WillDownload, url: string): 'allowed' | 'cancelled' {
  let outcome: 'allowed' | 'cancelled' = 'allowed';
  willDownload(event, { getURL: () => url, cancel: () => void (outcome = 'cancelled') }, contents);
  return outcome;
}

describe('session guards', () => {
  it('refuses every permission request and reports every permission check as not granted', () => {
    const { session, recorded } = fakeSession();
    guardSession(session, production);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      recorded.request!(contents, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(recorded.check!(contents, permission, 'file://'), permission).toBe(false);
      expect(recorded.check!(null, permission, 'https://example.com'), permission).toBe(false);
    }
  });

  it('loads the app’s own files and the blobs it makes, and nothing from the network or elsewhere on disk', () => {
    const { session, recorded } = fakeSession();
    guardSession(session, production);
    const beforeRequest = recorded.beforeRequest!;
    expect(loads(beforeRequest, `${rendererRoot}index.html`)).toBe(true);
    expect(loads(beforeRequest, `${rendererRoot}assets/index-abc123.js`)).toBe(true);
    expect(loads(beforeRequest, 'blob:file:///0b7e4c1a-9d6f-4a1e-9a8b-2f4d6c1e3b5a')).toBe(true);
    expect(loads(beforeRequest, 'data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(loads(beforeRequest, 'https://example.com/tracker.js')).toBe(false);
    expect(loads(beforeRequest, 'http://127.0.0.1:8080/api')).toBe(false);
    expect(loads(beforeRequest, 'file:///etc/passwd')).toBe(false);
    expect(loads(beforeRequest, 'blob:https://example.com/0b7e4c1a')).toBe(false);
    expect(loads(beforeRequest, 'devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('lets DevTools load their pages in development builds only', () => {
    const { session, recorded } = fakeSession();
    guardSession(session, development);
    expect(loads(recorded.beforeRequest!, 'devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('keeps exports downloadable and cancels any other download', () => {
    const { session, recorded } = fakeSession();
    guardSession(session, production);
    expect(download(recorded.willDownload!, 'blob:file:///0b7e4c1a-9d6f-4a1e-9a8b-2f4d6c1e3b5a')).toBe('allowed');
    expect(download(recorded.willDownload!, 'blob:null/0b7e4c1a-9d6f-4a1e-9a8b-2f4d6c1e3b5a')).toBe('allowed');
    expect(download(recorded.willDownload!, 'data:text/csv;charset=utf-8,agent%2Cdate')).toBe('allowed');
    expect(download(recorded.willDownload!, 'blob:https://example.com/0b7e4c1a')).toBe('cancelled');
    expect(download(recorded.willDownload!, 'https://example.com/setup.exe')).toBe('cancelled');
    expect(download(recorded.willDownload!, 'file:///etc/passwd')).toBe('cancelled');
  });
});

describe('window guards', () => {
  function guardedContents() {
    const listeners = new Map<string, (details: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
    const fake: GuardedContents = {
      on: (name: string, listener: (details: { url: string; preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    };
    guardWebContents(fake, production);
    const prevented = (name: string, url = '') => {
      let stopped = false;
      listeners.get(name)!({ url, preventDefault: () => void (stopped = true) });
      return stopped;
    };
    return { prevented, open: (url: string) => openHandler!({ url } as HandlerDetails) };
  }

  it('keeps the main frame, every subframe and every redirect on the app’s own pages', () => {
    const { prevented } = guardedContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(prevented(name, `${rendererRoot}index.html#/schedule`), name).toBe(false);
      expect(prevented(name, 'https://example.com/'), name).toBe(true);
      expect(prevented(name, 'file:///home/user/Downloads/page.html'), name).toBe(true);
    }
  });

  it('refuses new windows and webviews', () => {
    const { prevented, open } = guardedContents();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open(`${rendererRoot}index.html`)).toEqual({ action: 'deny' });
    expect(prevented('will-attach-webview')).toBe(true);
  });
});

describe('DevTools only in development builds', () => {
  const roles = (template: ReturnType<typeof appMenuTemplate>): string[] =>
    template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean).map(String);

  it('leaves Toggle DevTools out of the View menu of a packaged build', () => {
    for (const isMac of [false, true]) {
      expect(roles(appMenuTemplate(isMac, { devTools: false }))).not.toContain('toggleDevTools');
      expect(roles(appMenuTemplate(isMac, { devTools: true }))).toContain('toggleDevTools');
    }
  });

  it('disables DevTools in the window itself (no shortcut) when packaged', () => {
    expect(secureWebPreferences('/app/preload.cjs', { devTools: false })).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(secureWebPreferences('/app/preload.cjs', { devTools: true }).devTools).toBe(true);
  });
});
