// The console window: isolated, sandboxed, no Node in the page, only the preload's named calls.
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './static-paths.js';

/** The renderer's --bg (renderer/styles/base.css) so no white flash shows before the first paint. */
const BACKGROUND = '#0b0f14';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Vigie',
    width: 1600,
    height: 1000,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // An alert's sound must play even before the officer's first click in the window.
      autoplayPolicy: 'no-user-gesture-required',
      // Middle-click opens links through a path that skips will-navigate; Vigie never needs it.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    console.error(`Vigie: cannot load ${APP_ENTRY_URL}: ${(err as Error).message}`);
  });
  return win;
}

/** Brings a window to the front (a second launch on the same database lands here). */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
