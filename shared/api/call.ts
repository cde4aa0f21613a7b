// Building blocks of the contract: a call is its input schema plus its output type (a phantom).
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}

export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

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
const oneLine = (s: z.ZodString) =>
  s.refine((v) => !LINE_CONTROL.test(v), 'one line of text: no tab, line break or control character');

/** A single-line text field, trimmed, 1 to max characters. */
export const line = (max: number) => oneLine(z.string().trim().min(1).max(max));

export const id = oneLine(z.string().min(1).max(64));
export const shortText = line(200);
export const none = z.object({}).strict();
export const version = z.number().int().min(1);
