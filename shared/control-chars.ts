// The contract's one rule for control characters, zod-free so that the schemas, the dispatcher's
// guard and pure readers of files inside a call (GeoJSON, whose escapes the guard cannot see) share it.

/**
 * The rule for control characters (Unicode Cc: C0, DEL, C1) in the strings of the contract. None
 * is needed by an operator's text, and NUL is not even storable as typed (SQLite's length() and
 * C strings stop at it), so they are refused with the field named, never stripped: what is
 * acknowledged is what is stored. Free text (notes, descriptions, files) keeps tab and line
 * breaks; the dispatcher's guard applies this to every string and key of every call. (One class,
 * Cc but tab, LF and CR, rather than a lookahead: it scans a 10 MB file several times faster.)
 */
export const FREE_TEXT_CONTROL = /[^\P{Cc}\t\n\r]/u;
/** Single-line fields (names, desks, ids, titles) refuse tabs and line breaks as well. */
export const LINE_CONTROL = /\p{Cc}/u;
