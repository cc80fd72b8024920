/**
 * Secure defaults for every window: no navigation away (main frame or any subframe, redirects included), no new
 * windows, no webviews, no permission granted or even reported as granted, no request that is not the app's own
 * file, and downloads only of what the app itself made (exports are blob: URLs the renderer creates).
 *
 * The wiring functions take the narrow slices of Electron's Session and WebContents types they use, so the unit
 * test drives them with fakes typed against Electron's own declarations (Electron cannot run on test machines).
 */
import type { CallbackResponse, DownloadItem, Event, HandlerDetails, OnBeforeRequestListenerDetails, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';

export interface AppOrigin {
  /** True for URLs under the renderer folder (file://…/dist/renderer/). */
  isAppUrl(url: string): boolean;
  /** Development builds only: DevTools open and load their own devtools:// pages. */
  devTools: boolean;
}

export function secureWebPreferences(preload: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    // Packaged builds cannot open DevTools at all (menu, shortcut or API), not just lack the menu item.
    devTools: opts.devTools,
  };
}

/**
 * Blobs and data: URLs the page made itself (exports, chart images) never reach the network. A blob URL names the
 * origin of the page that made it: the app's file:// pages appear as `blob:file:///…`, or as `blob:null/…` where
 * Chromium treats the file origin as opaque. Only the app's pages load at all, so only they can make either.
 */
function isOwnBlobOrData(url: string): boolean {
  return url.startsWith('blob:file://') || url.startsWith('blob:null/') || url.startsWith('data:');
}

/** Whether a request from the app may load: its own files, its own blobs and data, DevTools in development. */
export function mayLoad(url: string, origin: AppOrigin): boolean {
  if (origin.isAppUrl(url) || isOwnBlobOrData(url)) return true;
  return origin.devTools && url.startsWith('devtools://');
}

/** Downloads the app allows: exports the renderer built in memory. Anything else (a link to the web) is cancelled. */
export function mayDownload(url: string): boolean {
  return isOwnBlobOrData(url);
}

type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
export type DownloadSlice = Pick<DownloadItem, 'getURL' | 'cancel'>;

/** The parts of Electron's Session that the guards use. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean): void;
  webRequest: { onBeforeRequest(listener: BeforeRequestListener | null): void };
  on(event: 'will-download', listener: (event: Event, item: DownloadSlice, webContents: WebContents) => void): unknown;
}

/** Every permission is refused when asked for and reported as not granted when checked (Staffwise needs none). */
export function guardSession(session: GuardedSession, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Nothing in Staffwise is fetched from the network; refuse any request that is not the app's own.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url, origin) }));
  session.on('will-download', (_event, item) => {
    if (!mayDownload(item.getURL())) item.cancel();
  });
}

type NavigationDetails = { url: string; preventDefault(): void };

/** The parts of Electron's WebContents that the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** Keeps every frame of a window on the app's own pages and refuses new windows and webviews. */
export function guardWebContents(contents: GuardedContents, origin: AppOrigin): void {
  const stayInApp = (details: NavigationDetails) => {
    if (!origin.isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  // Fires for subframes too (will-navigate covers only the main frame): an injected iframe cannot leave the app.
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
