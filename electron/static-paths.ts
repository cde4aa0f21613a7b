// What the console's static files are and how they are served, shared by the app:// protocol
// (Electron) and the browser host (plain Node). No electron import: both transports and the unit
// tests use it.
import path from 'node:path';

/** The two folders the console reads files from. */
export interface StaticRoots {
  /** The built renderer (dist/renderer): served for every path outside /resources/. */
  renderer: string;
  /** Offline resources (map style, GeoJSON, glyphs): served under /resources/. */
  resources: string;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'vigie';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const RESOURCES_PREFIX = '/resources/';
/** The wall screen's address on the browser host (a large display in the room). */
export const WALL_PATH = '/wall';

/** The Content-Security-Policy sent with every HTML page. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for URLs of the console itself (app://vigie/...), the only place the window may go. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Maps a URL path (as in `URL.pathname`, still percent-encoded) to a file inside one of the
 * roots, or null when the path is malformed or would leave its folder. `/` and `/wall` are index.html.
 * Segments are decoded one by one; a decoded segment may not be `.`/`..`, start with a dot, or
 * hold a separator or NUL, and the resolved path must still lie inside its root.
 */
export function resolveStatic(roots: StaticRoots, urlPath: string): string | null {
  let pathname = urlPath.replace(/[?#].*$/s, '');
  if (!pathname.startsWith('/')) return null;
  let root = roots.renderer;
  if (pathname.startsWith(RESOURCES_PREFIX)) {
    root = roots.resources;
    pathname = pathname.slice(RESOURCES_PREFIX.length - 1);
  } else if (pathname === '/' || pathname === '' || pathname === WALL_PATH) {
    // The wall screen is the same console: it opens on the wall's sign-in (renderer/wall/).
    pathname = '/index.html';
  }
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment) || /^[a-z]:/i.test(segment)) {
      return null;
    }
    segments.push(segment);
  }
  if (segments.length === 0) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.pbf': 'application/x-protobuf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
};

/** The Content-Type for a file, by extension (case-insensitive); unknown types are octet-stream. */
export function contentType(filePath: string): string {
  return TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Response headers for a static file: its type, no sniffing, no caching, and the CSP on HTML. */
export function staticHeaders(filePath: string): Record<string, string> {
  const type = contentType(filePath);
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    'referrer-policy': 'no-referrer',
  };
  if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
  return headers;
}
