// The incident form's values: blank for a new incident, taken from the incident when editing, and
// the patch of an edit (only the fields the officer changed, on the version the form was opened on).
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  type Incident,
  type IncidentCategory,
  type IncidentSource,
  type Priority,
} from '../../shared/domain';
import type { Marking } from '../../shared/releasability';
import type { IncidentPatch } from '../state/types';
import { sameMarking } from '../marking/marking-text';

export const isCategory = (v: string): v is IncidentCategory =>
  (INCIDENT_CATEGORIES as readonly string[]).includes(v);
export const isSource = (v: string): v is IncidentSource =>
  (INCIDENT_SOURCES as readonly string[]).includes(v);

export interface Values {
  title: string;
  category: IncidentCategory;
  priority: Priority;
  description: string;
  source: IncidentSource;
  reporter: string;
  venueId: string;
  sector: string;
  locationText: string;
}

export const blank: Values = {
  title: '',
  category: 'suspicious_package',
  priority: 2,
  description: '',
  source: 'radio',
  reporter: '',
  venueId: '',
  sector: '',
  locationText: '',
};

export const valuesOf = (i: Incident): Values => ({
  title: i.title,
  category: i.category,
  priority: i.priority,
  description: i.description,
  source: i.source,
  reporter: i.reporter ?? '',
  venueId: i.venueId ?? '',
  sector: i.sector ?? '',
  locationText: i.locationText ?? '',
});

export const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

export const markingInput = (m: Marking) => (m === null ? null : [...m]);

/** The fields of `v` (with its point and marking) that differ from the incident `b`. */
export const patchOf = (
  v: Values,
  point: { lat: number; lon: number } | null,
  marking: Marking | undefined,
  b: Incident,
): IncidentPatch => {
  const patch: IncidentPatch = {};
  const was = valuesOf(b);
  if (v.title.trim() !== was.title) patch.title = v.title.trim();
  if (v.category !== was.category) patch.category = v.category;
  if (v.priority !== was.priority) patch.priority = v.priority;
  if (v.description.trim() !== was.description) patch.description = v.description.trim();
  if (v.source !== was.source) patch.source = v.source;
  if (orNull(v.reporter) !== b.reporter) patch.reporter = orNull(v.reporter);
  if ((v.venueId || null) !== b.venueId) patch.venueId = v.venueId || null;
  if (orNull(v.sector) !== b.sector) patch.sector = orNull(v.sector);
  if (orNull(v.locationText) !== b.locationText) patch.locationText = orNull(v.locationText);
  const lat = point?.lat ?? null;
  const lon = point?.lon ?? null;
  if (lat !== b.lat || lon !== b.lon) {
    patch.lat = lat;
    patch.lon = lon;
  }
  if (marking !== undefined && !sameMarking(marking, b.marking)) patch.marking = markingInput(marking);
  return patch;
};
