// The desktop app's lifecycle: pick the database, hold one lock per database, open Vigie, lock the
// browser side down (no network, no new windows, no foreign navigation, no permissions), then show
// the console window. Everything else lives in services/ (plain Node) and the renderer.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow, type WebContents } from 'electron';
import { appPaths, findAppRoot } from './app-root.js';
import { backupSettings } from './backup/settings.js';
import type { RollingSettings } from './backup/rolling.js';
import { instanceUserData, resolveDbLocation } from './db-location.js';
import { bindIpc } from './ipc.js';
import { startFeed } from './services/feed.js';
import { registerAppScheme, serveAppScheme } from './protocol.js';
import { clockFollowsFeed, startLiveVigie, type LiveVigie } from './services/live-vigie.js';
import { assertWritable } from './services/db-writable.js';
import { isAppUrl } from './static-paths.js';
import { defaultUserDataDir } from './user-data.js';
import { createMainWindow, focusWindow } from './window.js';
import { basemapArgument } from './tiles/args.js';
import { basemapSlot } from './tiles/slot.js';
import { roomArgument, roomSession } from './room-session.js';
import { roomDesk } from './room-desk.js';
import { recentRooms, SETTINGS_FILE } from './recent-rooms.js';
import { permissionAllowed } from './permission-policy.js';
import { checkOperationFile, relaunchArgs } from './operation-switch.js';

/** Schemes the browser side may load; anything else (http, https, ws, file, ...) is cancelled. */
const ALLOWED_SCHEMES = new Set(['app:', 'blob:', 'data:', 'devtools:']);

let vigie: LiveVigie | null = null;
let mainWindow: BrowserWindow | null = null;
let stopLive = () => {};

/** Shows the reason and leaves with a non-zero code; nothing relaunches, so no crash loop. */
function fail(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`${title}: ${message}`);
  void app.whenReady().then(() => {
    dialog.showErrorBox(title, message);
    app.exit(1);
  });
}

/**
 * "Open it now" after New operation…, the one restart there is: asked for by the officer, never on a
 * failure (so no crash loop). After the answer reaches the page, the app closes its database and
 * starts again on the new file.
 */
function restartOn(file: string): void {
  setImmediate(() => {
    app.relaunch({ args: relaunchArgs(process.argv.slice(1), file) });
    app.quit();
  });
}

function hardenContents(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  ses.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      // An unparsable URL is cancelled like any other foreign one.
    }
    callback({ cancel: !ALLOWED_SCHEMES.has(scheme) });
  });
}

function main(): void {
  // The same name and folder in development (electron dist/node/main.cjs) and when packaged, and
  // the same folder the CLI computes for its default database.
  app.setName('Vigie');
  const userData = defaultUserDataDir();
  app.setPath('userData', userData);

  let dbLocation;
  let basemapPath: string | undefined;
  let backupPlan: RollingSettings;
  let room: ReturnType<typeof roomArgument>;
  try {
    room = roomArgument(process.argv);
    dbLocation = resolveDbLocation({ argv: process.argv, env: process.env, userData, cwd: process.cwd() });
    basemapPath = basemapArgument(process.argv, process.cwd());
    backupPlan = backupSettings({
      argv: process.argv,
      env: process.env,
      dbPath: dbLocation.path,
      cwd: process.cwd(),
    });
  } catch (err) {
    fail('Vigie: bad command line', err);
    return;
  }
  const db = dbLocation.path;
  app.setPath('userData', instanceUserData(userData, db));
  // The desk's copies of the rooms it opens, beside its own data.
  const roomLinks = roomSession({
    mirrorDir: path.join(app.getPath('userData'), 'rooms'),
    onMirrorError: (err) => console.error(`Vigie: room copy: ${err.message}`),
  });
  // The rooms opened before belong to the user, whichever database: the shared settings file.
  const recent = recentRooms(path.join(userData, SETTINGS_FILE));

  if (!app.requestSingleInstanceLock({ db })) {
    console.error(`Vigie: another Vigie already has ${db} open; it was brought to the front.`);
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  });

  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopLive();
    void vigie?.close();
    vigie = null;
  });

  void app.whenReady().then(async () => {
    const paths = appPaths(findAppRoot(__dirname));
    try {
      mkdirSync(path.dirname(db), { recursive: true });
      assertWritable(db);
      vigie = startLiveVigie({
        dbPath: db,
        resourcesDir: paths.resources,
        backups: backupPlan,
        onBackupError: (err) => console.error(`Vigie: rolling backup failed: ${(err as Error).message}`),
      });
    } catch (err) {
      fail('Vigie cannot open its database', err);
      return;
    }
    lockDownSession();
    const basemap = basemapSlot(vigie.current().db);
    try {
      if (basemapPath) basemap.load(basemapPath);
    } catch (err) {
      console.error(`Vigie: ${(err as Error).message}; the built-in map of Paris is used instead.`);
    }
    serveAppScheme(session.defaultSession, { renderer: paths.renderer, resources: paths.resources }, basemap);
    // The live feed the renderer long-polls: the open room's event stream, else this file's journal.
    const localFeed = startFeed({ current: () => (vigie as LiveVigie).current().db, location: db });
    // Another process on the file (a CLI) may change the exercise clock: follow it.
    clockFollowsFeed(localFeed, vigie);
    const desk = roomDesk({ session: roomLinks, local: localFeed, recent });
    stopLive = () => {
      desk.close();
      void localFeed.close();
    };
    // --room URL --room-fingerprint FP: the console works on that room, as after "Open room…"; the
    // local file stays open and untouched beneath it.
    if (room) {
      const opened = await desk.open(room);
      if (!opened.ok) {
        fail('Vigie cannot open the room', new Error(opened.error.message));
        return;
      }
    }
    bindIpc(
      vigie.handlers,
      () => desk.link(),
      () => desk.live(),
      desk,
      (file) => {
        const checked = checkOperationFile(db, file);
        if (!checked.ok) return checked;
        restartOn(checked.value);
        return { ok: true, value: undefined };
      },
    );
    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

main();
