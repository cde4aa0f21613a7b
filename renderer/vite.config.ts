// Builds the renderer into dist/renderer with relative asset URLs, so the same files work when
// served at http://127.0.0.1:PORT/ (browser host) and at app://vigie/ (Electron).
// No Node imports here: this file is linted and typechecked with the renderer.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** A path next to this file, as a filesystem path (handles Windows drive letters). */
const here = (relative: string): string =>
  decodeURIComponent(new URL(relative, import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
