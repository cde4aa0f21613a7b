// Building blocks of the contract: a call is its input schema plus its output type (a phantom).
import { z } from 'zod';
import { LINE_CONTROL } from '../control-chars.js';

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}

export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

// The guard already refuses other control characters everywhere (shared/control-chars.ts).
const oneLine = (s: z.ZodString) =>
  s.refine((v) => !LINE_CONTROL.test(v), 'one line of text: no tab, line break or control character');

/** A single-line text field, trimmed, 1 to max characters. */
export const line = (max: number) => oneLine(z.string().trim().min(1).max(max));

export const id = oneLine(z.string().min(1).max(64));
export const shortText = line(200);
export const none = z.object({}).strict();
export const version = z.number().int().min(1);
