// The style's glyph URL, absolute and computed from where the page was served (http://127.0.0.1:PORT/
// or app://vigie/). The {fontstack}/{range} placeholders are appended after URL resolution so they
// are not percent-encoded.
export const FONT_REGULAR = ['Inter Regular'];
export const FONT_SEMIBOLD = ['Inter SemiBold'];

export function glyphsUrl(base: string = document.baseURI): string {
  return `${new URL('resources/glyphs/', base).href}{fontstack}/{range}.pbf`;
}

/** URL of a static resource (GeoJSON) next to the app. */
export function resourceUrl(path: string, base: string = document.baseURI): string {
  return new URL(`resources/${path}`, base).href;
}
