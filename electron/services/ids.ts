// Internal ids are ULIDs stamped with operation time, so they sort in the order things happened.
import { monotonicFactory } from 'ulid';
import type { Clock } from '../../shared/clock.js';

const next = monotonicFactory();

export const newId = (clock: Clock): string => next(clock.now());
