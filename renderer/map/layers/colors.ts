// Data-driven colour expressions built from the shared palette.
import type { ExpressionSpecification } from 'maplibre-gl';
import { PRIORITIES, UNIT_STATUSES } from '../../../shared/domain';
import { PRIORITY_COLOR, PRIORITY_TEXT, UNIT_STATUS_COLOR } from '../palette';

const FALLBACK = '#ffffff';

/** ['match', ['get', prop], key1, colour1, key2, colour2, …, fallback] */
function matchColor<K extends string | number>(
  prop: string,
  keys: readonly [K, ...K[]],
  colors: Record<K, string>,
): ExpressionSpecification {
  const [first, ...rest] = keys;
  return ['match', ['get', prop], first, colors[first], ...rest.flatMap((k) => [k, colors[k]]), FALLBACK];
}

export const unitStatusColor = matchColor('status', UNIT_STATUSES, UNIT_STATUS_COLOR);
export const priorityColor = matchColor('priority', PRIORITIES, PRIORITY_COLOR);
/** Incident references' text, per theme (style.ts swaps the light one in). */
export const priorityText = {
  dark: matchColor('priority', PRIORITIES, PRIORITY_TEXT.dark),
  light: matchColor('priority', PRIORITIES, PRIORITY_TEXT.light),
};
