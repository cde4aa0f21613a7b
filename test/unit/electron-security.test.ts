// Electron's security checklist as static checks over the main-process sources (no Electron binary
// runs here): the window's webPreferences, the session lock-down in main.ts, the app:// scheme, the
// IPC binding, the preload, and the CSP (header and meta). Parsed with the TypeScript compiler, so
// the checks read the code's structure, not its formatting.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../electron/static-paths.js';
import { permissionAllowed } from '../../electron/permission-policy.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const source = (file: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
};

function all<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node) => {
    if (test(n)) found.push(n);
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

const calls = (sf: ts.SourceFile, callee: RegExp) =>
  all(sf, ts.isCallExpression).filter((c) => callee.test(c.expression.getText()));

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
  }
  return undefined;
}

function webPreferences(): ts.ObjectLiteralExpression {
  const sf = source('electron/window.ts');
  const [created] = all(sf, ts.isNewExpression).filter((n) => n.expression.getText() === 'BrowserWindow');
  const options = created?.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options))
    throw new Error('new BrowserWindow({...}) not found');
  const prefs = property(options, 'webPreferences');
  if (!prefs || !ts.isObjectLiteralExpression(prefs)) throw new Error('webPreferences literal not found');
  return prefs;
}

/** Parses a CSP string into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** What a strict CSP for an offline app may contain: no remote host, no eval, inline styles only. */
function cspProblems(csp: string): string[] {
  const problems: string[] = [];
  const d = parseCsp(csp);
  const allowed = new Set(["'self'", "'none'", 'data:', 'blob:']);
  for (const [name, sources] of d) {
    for (const s of sources) {
      if (s === "'unsafe-inline'" && name === 'style-src') continue;
      if (!allowed.has(s)) problems.push(`${name} allows ${s}`);
    }
  }
  const expect1 = (name: string, value: string) => {
    if ((d.get(name) ?? []).join(' ') !== value) problems.push(`${name} should be ${value}`);
  };
  expect1('default-src', "'self'");
  expect1('script-src', "'self'");
  expect1('object-src', "'none'");
  expect1('base-uri', "'none'");
  expect1('form-action', "'none'");
  if (d.get('script-src')?.some((s) => s.includes('data:') || s.includes('blob:')))
    problems.push('script-src allows data:/blob:');
  return problems;
}

describe('the window (electron/window.ts)', () => {
  const prefs = webPreferences();
  const value = (name: string) => property(prefs, name)?.getText();

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['webviewTag', 'false'],
    ['navigateOnDragDrop', 'false'],
    ['disableBlinkFeatures', "'Auxclick'"],
  ])('sets %s: %s', (name, expected) => {
    expect(value(name)).toBe(expected);
  });

  it('never allows insecure content, experimental features or extra Blink features', () => {
    expect(value('allowRunningInsecureContent') ?? 'false').toBe('false');
    expect(value('experimentalFeatures') ?? 'false').toBe('false');
    expect(value('enableBlinkFeatures')).toBeUndefined();
    expect(value('preload')).toBeDefined();
  });

  it('loads the app:// entry, never a file:// URL or a remote page', () => {
    const sf = source('electron/window.ts');
    expect(calls(sf, /\.loadURL$/).map((c) => c.arguments[0]?.getText())).toEqual(['APP_ENTRY_URL']);
    expect(calls(sf, /\.loadFile$/)).toEqual([]);
  });
});

describe('the main process (electron/main.ts)', () => {
  const sf = source('electron/main.ts');
  const text = sf.getFullText();

  it('sandboxes every renderer and holds one instance per database', () => {
    expect(calls(sf, /^app\.enableSandbox$/)).toHaveLength(1);
    expect(calls(sf, /^app\.requestSingleInstanceLock$/)).toHaveLength(1);
    expect(text).toMatch(/instanceUserData\(userData, db\)/);
  });

  it('denies window.open, foreign navigation, redirects and webviews in every web contents', () => {
    const [open] = calls(sf, /\.setWindowOpenHandler$/);
    expect(open?.arguments[0]?.getText()).toMatch(/action: 'deny'/);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(
        calls(sf, /^contents\.on$/).some((c) => c.arguments[0]?.getText() === `'${event}'`),
        event,
      ).toBe(true);
    }
    expect(calls(sf, /^app\.on$/).some((c) => c.arguments[0]?.getText() === "'web-contents-created'")).toBe(
      true,
    );
  });

  it('grants desktop notifications and denies every other permission request and check', () => {
    const [request] = calls(sf, /\.setPermissionRequestHandler$/);
    expect(request?.arguments[0]?.getText()).toMatch(/callback\(permissionAllowed\(permission\)\)/);
    const [check] = calls(sf, /\.setPermissionCheckHandler$/);
    expect(check?.arguments[0]?.getText()).toMatch(/=>\s*permissionAllowed\(permission\)/);
    expect(permissionAllowed('notifications')).toBe(true);
    for (const p of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
      'unknown',
    ])
      expect(permissionAllowed(p), p).toBe(false);
  });

  it('cancels every web request outside app:, blob:, data: (and devtools:)', () => {
    expect(calls(sf, /webRequest\.onBeforeRequest$/)).toHaveLength(1);
    const decl = all(sf, ts.isVariableDeclaration).find((v) => v.name.getText() === 'ALLOWED_SCHEMES');
    const schemes = all(decl ?? sf, ts.isStringLiteral).map((s) => s.text);
    expect(schemes.sort()).toEqual(['app:', 'blob:', 'data:', 'devtools:']);
  });

  it('does nothing that weakens the browser side, and relaunches only when the officer asks (no crash loop)', () => {
    // One relaunch, in restartOn, which only the reopen answer of "New operation…" calls.
    const relaunches = calls(sf, /^app\.relaunch$/);
    expect(relaunches).toHaveLength(1);
    const inside = all(sf, ts.isFunctionDeclaration).find(
      (f) => relaunches[0] && f.pos <= relaunches[0].pos && relaunches[0].end <= f.end,
    );
    expect(inside?.name?.getText()).toBe('restartOn');
    expect(text.match(/restartOn\(/g)).toHaveLength(2);
    expect(text).toMatch(
      /const checked = checkOperationFile\(db, file\);\s+if \(!checked\.ok\) return checked;\s+restartOn\(checked\.value\)/,
    );
    for (const forbidden of [
      /appendSwitch/,
      /setCertificateVerifyProc/,
      /certificate-error/,
      /openExternal/,
      /disable-web-security/,
      /ignore-certificate-errors/,
    ]) {
      expect(text).not.toMatch(forbidden);
    }
    expect(calls(sf, /^app\.exit$/).map((c) => c.arguments[0]?.getText())).toEqual(['1']);
  });
});

describe('the app:// scheme (electron/protocol.ts)', () => {
  const sf = source('electron/protocol.ts');
  it('is standard and secure, and does not bypass the CSP', () => {
    const [register] = calls(sf, /registerSchemesAsPrivileged$/);
    const privileges = register?.arguments[0]?.getText() ?? '';
    expect(privileges).toMatch(/standard: true/);
    expect(privileges).toMatch(/secure: true/);
    expect(privileges).not.toMatch(/bypassCSP|allowServiceWorkers|corsEnabled: true/);
    expect(sf.getFullText()).toMatch(/request\.method !== 'GET' && request\.method !== 'HEAD'/);
    expect(sf.getFullText()).toMatch(/url\.host !== APP_HOST/);
  });
});

describe('IPC (electron/ipc.ts) and the preload', () => {
  /** The desktop bridge's channels: the file picker, the live feed, the four room calls, New operation's two. */
  const BRIDGE_CHANNELS = [
    'PICK_BASEMAP_CHANNEL',
    'NEXT_EVENTS_CHANNEL',
    'TEST_ROOM_CHANNEL',
    'OPEN_ROOM_CHANNEL',
    'LEAVE_ROOM_CHANNEL',
    'RECENT_ROOMS_CHANNEL',
    'PICK_SCENARIO_CHANNEL',
    'OPEN_OPERATION_CHANNEL',
  ];

  it('answers only invoke calls, each after checking the sender', () => {
    const sf = source('electron/ipc.ts');
    expect(calls(sf, /^ipcMain\.(on|once)$/)).toEqual([]);
    const handles = calls(sf, /^ipcMain\.handle$/);
    // The contract's channels, then the desktop bridge's.
    expect(handles.map((h) => h.arguments[0]?.getText())).toEqual(['ipcChannel(name)', ...BRIDGE_CHANNELS]);
    for (const handle of handles)
      expect(handle.arguments[1]?.getText()).toMatch(
        /^\(event[^)]*\)[^{]*=> \{\s*if \(!isTrustedSender\(event\)\)/,
      );
    expect(sf.getFullText()).toMatch(/frame\.parent !== null\) return false/);
    expect(sf.getFullText()).toMatch(/isAppUrl\(frame\.url\)/);
  });

  it('exposes two frozen objects of named calls (the contract, the desktop bridge), no generic ipcRenderer', () => {
    // The live feed is a long poll over invoke: nothing listens on a channel the main process pushes into.
    const sf = source('electron/preload.ts');
    const exposed = calls(sf, /^contextBridge\.exposeInMainWorld$/).map((c) => ({
      key: c.arguments[0]?.getText(),
      value: c.arguments[1]?.getText() ?? '',
    }));
    expect(exposed.map((e) => e.key)).toEqual(["'vigie'", "'vigieDesktop'"]);
    for (const { value } of exposed) {
      const decl = all(sf, ts.isVariableDeclaration).find((v) => v.name.getText() === value);
      expect(decl?.initializer?.getText(), value).toMatch(/^Object\.freeze\(/);
    }
    // The desktop bridge: eight functions, each on one fixed channel.
    const desktop = all(sf, ts.isVariableDeclaration).find((v) => v.name.getText() === 'vigieDesktop');
    const [members] = all(desktop ?? sf, ts.isObjectLiteralExpression);
    expect(members?.properties.map((p) => p.name?.getText())).toEqual([
      'pickBasemapFile',
      'nextEvents',
      'testRoom',
      'openRoom',
      'leaveRoom',
      'recentRooms',
      'pickScenarioFolder',
      'openOperationFile',
    ]);
    expect(calls(sf, /^ipcRenderer\.invoke$/).map((c) => c.arguments[0]?.getText())).toEqual([
      'channel',
      ...BRIDGE_CHANNELS,
    ]);
    expect(calls(sf, /^ipcRenderer\.(send|on|sendSync|postMessage)$/)).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  it('the header is strict: self only, no eval, no remote host, no framing', () => {
    expect(cspProblems(CSP)).toEqual([]);
    expect(parseCsp(CSP).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the page carries the same policy in a meta tag (frame-ancestors aside, which a meta cannot set)', () => {
    const html = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(cspProblems(meta)).toEqual([]);
    const header = parseCsp(CSP);
    header.delete('frame-ancestors');
    expect(parseCsp(meta)).toEqual(header);
  });

  it('the checker refuses what it should', () => {
    expect(
      cspProblems(
        "default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'none'; base-uri 'none'; form-action 'none'",
      ),
    ).toEqual([
      "script-src allows 'unsafe-eval'",
      'script-src allows https://cdn.example',
      "script-src should be 'self'",
    ]);
  });
});
