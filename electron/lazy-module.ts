// Libraries that only a few calls need (PDF drawing, KML reading, a room's listening connection)
// are loaded at their first use, not at every start of the app and of each command: pdfkit alone
// is about 100 ms of module loading that `vigie serve` paid before it could answer the console's
// first request (issue 18, first paint). A plain require, so the calls that use them stay synchronous.
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);

/** A function that loads the CommonJS module `id` on its first call and returns it from then on. */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= nodeRequire(id) as T);
}
