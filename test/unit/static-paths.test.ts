import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, CSP, isAppUrl, resolveStatic, staticHeaders } from '../../electron/static-paths.js';

const roots = { renderer: path.resolve('/app/dist/renderer'), resources: path.resolve('/app/resources') };
const r = (urlPath: string) => resolveStatic(roots, urlPath);

describe('resolveStatic', () => {
  it('serves index.html for / and renderer files for other paths', () => {
    expect(r('/')).toBe(path.join(roots.renderer, 'index.html'));
    expect(r('/index.html')).toBe(path.join(roots.renderer, 'index.html'));
    expect(r('/assets/index-abc123.js')).toBe(path.join(roots.renderer, 'assets', 'index-abc123.js'));
  });

  it('serves index.html for the wall screen at /wall, and only there', () => {
    expect(r('/wall')).toBe(path.join(roots.renderer, 'index.html'));
    expect(r('/wall?lang=fr')).toBe(path.join(roots.renderer, 'index.html'));
    expect(r('/wall/x.js')).toBe(path.join(roots.renderer, 'wall', 'x.js'));
    expect(r('/wallpaper.png')).toBe(path.join(roots.renderer, 'wallpaper.png'));
  });

  it('serves /resources/** from the resources folder, decoding each segment', () => {
    expect(r('/resources/glyphs/Inter%20Regular/0-255.pbf')).toBe(
      path.join(roots.resources, 'glyphs', 'Inter Regular', '0-255.pbf'),
    );
    expect(r('/resources/map/style.json?v=2#x')).toBe(path.join(roots.resources, 'map', 'style.json'));
    expect(r('/resources/')).toBeNull();
    expect(r('/resourcesX/a.js')).toBe(path.join(roots.renderer, 'resourcesX', 'a.js'));
  });

  it.each([
    '/../package.json',
    '/resources/../../etc/passwd',
    '/resources/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret',
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/resources/glyphs%2f..%2f..%2fx',
    '/assets/a%00.js',
    '/%E0%A4%A',
    '/.env',
    '/assets/',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    'index.html',
  ])('refuses %s', (urlPath) => {
    expect(r(urlPath)).toBeNull();
  });

  it('never returns a path outside its root', () => {
    const probes = ['/a/../../b', '/resources/a/../../../b', '/./x', '/x/./y', '/resources/%2E%2E'];
    for (const probe of probes) {
      const file = r(probe);
      if (file !== null) expect(file.startsWith(roots.renderer + path.sep)).toBe(true);
    }
  });
});

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['style.json', 'application/json; charset=utf-8'],
    ['seine.geojson', 'application/geo+json'],
    ['0-255.pbf', 'application/x-protobuf'],
    ['icon.png', 'image/png'],
    ['icon.svg', 'image/svg+xml'],
    ['Inter.woff2', 'font/woff2'],
    ['Inter.ttf', 'font/ttf'],
    ['LOGO.PNG', 'image/png'],
    ['blob.bin', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe('headers and origin', () => {
  it('puts the CSP on HTML only', () => {
    expect(staticHeaders('/x/index.html')['content-security-policy']).toBe(CSP);
    expect(staticHeaders('/x/a.js')['content-security-policy']).toBeUndefined();
    expect(staticHeaders('/x/a.js')['x-content-type-options']).toBe('nosniff');
  });

  it('has a strict CSP', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('knows the app origin', () => {
    expect(isAppUrl('app://vigie/index.html')).toBe(true);
    expect(isAppUrl('app://vigie/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://vigie/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
