// The page paints its static shell before any script or stylesheet has arrived, and the app, when
// it replaces the shell, is already styled (issue 18, first paint).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, serve, type Console, type Served } from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url);
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('first paint', () => {
  it('serves the shell before the stylesheet: nothing in the head blocks the first paint', async () => {
    const html = await (await fetch(served.url)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toMatch(/<link[^>]+rel="stylesheet"/);
    const shell = html.indexOf('data-testid="boot-shell"');
    const sheet = html.search(/<link[^>]+rel="stylesheet"[^>]+href="\.\/assets\/index-[^"]+\.css"/);
    expect(shell).toBeGreaterThan(0);
    expect(sheet).toBeGreaterThan(shell);
    // The module script is deferred: it cannot block the shell either.
    expect(head).toMatch(/<script type="module"/);
  });

  it('never shows the app unstyled: its stylesheet applies before the first element it renders', async () => {
    await ui.context.addInitScript(() => {
      const seen: { margin: string; font: string }[] = [];
      (window as unknown as { __firstRender: typeof seen }).__firstRender = seen;
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root');
        const first = root?.firstElementChild;
        if (!first || first.getAttribute('data-testid') === 'boot-shell') return;
        // base.css sets the body's margin to 0 and the app's font; the browser's own are 8px and serif.
        const style = getComputedStyle(document.body);
        seen.push({ margin: style.margin, font: style.fontFamily });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await ui.page.reload();
    await ui.page.getByTestId('signin-login').waitFor({ timeout: 30_000 });
    const seen = await ui.page.evaluate(
      () => (window as unknown as { __firstRender: { margin: string; font: string }[] }).__firstRender,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.margin).toBe('0px');
    expect(seen[0]?.font).toMatch(/Inter/);
    // The page painted (the entry is queued a little after the paint itself).
    await expect
      .poll(() => ui.page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length))
      .toBe(1);
  });
});
