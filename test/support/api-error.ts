import { expect } from 'vitest';
import { ApiError } from '../../shared/errors.js';

/** Runs fn, which must fail with an ApiError of this code (and message); returns the error. */
export function expectApiError(fn: () => unknown, code: string, message?: RegExp): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(code);
    if (message) expect((err as ApiError).message).toMatch(message);
    return err as ApiError;
  }
  throw new Error(`expected an ApiError ${code}`);
}
