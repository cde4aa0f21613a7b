// Building blocks of the contract: a call is its input schema plus its output type (a phantom).
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}

export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

export const id = z.string().min(1).max(64);
export const shortText = z.string().trim().min(1).max(200);
export const none = z.object({}).strict();
export const version = z.number().int().min(1);
