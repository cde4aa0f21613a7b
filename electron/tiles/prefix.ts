// The tile routes' URL prefix, on its own so that the early listener (host/early.ts) can tell them
// from the page's files without loading the tile code and node:zlib before it listens.
export const TILES_PREFIX = '/tiles/';
