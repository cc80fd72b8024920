/**
 * Electron main process: one window with secure defaults over the shared services. Everything domain-specific
 * lives in services/ so the browser host and the CLI run the same code without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { registerIpc } from '../ipc/registerIpc';
import { createBackend } from '../services/backend';
import { resolveDataDir } from '../services/dataDir';
import { appPaths } from './appPaths';
import { appMenuTemplate } from './menu';
import { electronNativeBinding } from './nativeBinding';
import { guardSession, guardWebContents, secureWebPreferences, type AppOrigin } from './security';

const { rendererIndex, preloadScript, rendererRoot } = appPaths(import.meta.url);
const isAppUrl = (url: string) => url.startsWith(rendererRoot);
// DevTools only in development: `npm start` runs the unpackaged app; installers are packaged.
const origin: AppOrigin = { isAppUrl, devTools: !app.isPackaged };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const backend = createBackend({
    dataDir: resolveDataDir(process.argv, () => app.getPath('userData')),
    nativeBinding: electronNativeBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      electronVersion: process.versions.electron,
    }),
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform === 'darwin', { devTools: origin.devTools })));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin));
  guardSession(session.defaultSession, origin);
  registerIpc({
    ipcMain,
    backend,
    targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    isTrustedSender: (event) => isAppUrl(event.senderFrame?.url ?? ''),
  });

  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Staffwise',
    show: false,
    webPreferences: secureWebPreferences(preloadScript, { devTools: origin.devTools }),
  });
  window.once('ready-to-show', () => window.show());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void backend.close());

  backend.ensureWorkspace().catch((error: Error) => dialog.showErrorBox('Staffwise could not open its workspace', error.message));
  await window.loadFile(rendererIndex);
}
