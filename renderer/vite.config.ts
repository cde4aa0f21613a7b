// Builds the renderer into dist/renderer with relative asset URLs, so the same files work when
// served at http://127.0.0.1:PORT/ (browser host) and at app://vigie/ (Electron).
// No Node imports here: this file is linted and typechecked with the renderer.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** A path next to this file, as a filesystem path (handles Windows drive letters). */
const here = (relative: string): string =>
  decodeURIComponent(new URL(relative, import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

/**
 * Moves the app's stylesheet from the head to the end of the body. In the head it blocks the first
 * paint until it has arrived; after the static shell, the shell (styled inline) paints at once, and
 * the module script still runs only once the stylesheet has loaded, so the app never shows unstyled.
 */
function stylesheetAfterShell(): Plugin {
  const link = /\s*<link rel="stylesheet"[^>]*>/g;
  return {
    name: 'vigie-stylesheet-after-shell',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const links = html.match(link) ?? [];
        const body = html.replace(link, '');
        return body.replace('</body>', `  ${links.map((l) => l.trim()).join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [react(), stylesheetAfterShell()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
