// Shape of the scenario resource files. Checked on load so a bad edit to the data names the file,
// the record and the field instead of failing half-way through a seed.
import { z } from 'zod';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  OPERATION_MODES,
  UNIT_KINDS,
  UNIT_STATUSES,
} from '../../shared/domain.js';
import { ROLES } from '../../shared/roles.js';
import { ALERT_SCALE_NAMES, isAlertLevel, type AlertScale } from '../../shared/awareness.js';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const idText = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab id');
const text = z.string().min(1);
const nullableText = z.string().min(1).nullable().default(null);

export const scenarioFile = z.object({
  id: idText,
  name: text,
  nameFr: text.optional(),
  mode: z.enum(OPERATION_MODES),
  timezone: text,
  scenarioStart: z.iso.datetime(),
  /** The operation's country: its staff see every item, whatever the marking. */
  hostCountry: z.string().regex(/^[A-Z]{2}$/),
  /** An exercise's demo logins, one per role: printed by `vigie seed`, shown at sign-in. */
  demoLogins: z
    .array(
      z.object({
        login: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/),
        passphrase: z.string().min(12),
        role: z.enum(ROLES),
        name: text,
        contingentId: idText.optional(),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
      }),
    )
    .default([]),
  /** The national alert level in force when the scenario starts; absent: the scale's lowest. */
  alertLevel: z
    .object({
      scale: z.enum(ALERT_SCALE_NAMES as [AlertScale, ...AlertScale[]]),
      level: text,
      reason: text,
    })
    .refine((a) => isAlertLevel(a.scale, a.level), { message: 'not a level of its scale', path: ['level'] })
    .optional(),
  parade: z
    .object({
      start: z.iso.datetime(),
      speedKmh: z.number().positive(),
      boats: z.number().int(),
      spacingM: z.number(),
    })
    .optional(),
  /** The operation's area (degrees): every place must lie within 200 km of it. Default: the route, else the venues. */
  area: z
    .object({ west: lon, south: lat, east: lon, north: lat })
    .refine((a) => a.west <= a.east && a.south <= a.north, 'west <= east and south <= north')
    .optional(),
  /** An operator base map (MBTiles or PMTiles) in the package, by file name. */
  basemap: z
    .string()
    .regex(/^[^/\\]+\.(mbtiles|pmtiles)$/i, 'a .mbtiles or .pmtiles file name in the package')
    .optional(),
  /** Each unit kind's defaults, for units that leave personnel or armed out. */
  unitKinds: z
    .partialRecord(
      z.enum(UNIT_KINDS),
      z.object({ personnel: z.number().int().min(1).optional(), armed: z.boolean().optional() }),
    )
    .default({}),
});

export const venue = z.object({
  id: idText,
  name: text,
  kind: text,
  lat,
  lon,
  note: nullableText,
  /** Other names the venue is known by (a roster's venue column matches them too). */
  aliases: z.array(text).default([]),
});
export const venuesFile = z.array(venue);

export const routeFile = z.object({
  id: idText,
  name: text,
  nameFr: text.optional(),
  coordinates: z.array(z.tuple([lon, lat])).min(2),
  bridges: z.array(z.object({ name: text, lat, lon })),
});

export const contingentsFile = z.array(
  z.object({
    id: idText,
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case'),
    agency: text,
    liaisonName: nullableText,
    liaisonContact: nullableText,
    languages: z.array(z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code')),
    personnel: z.number().int().min(0),
    arrival: nullableText,
    departure: nullableText,
  }),
);

export const unitsFile = z.array(
  z.object({
    callsign: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, 'upper-case callsign, up to 24 characters'),
    contingent: idText,
    kind: z.enum(UNIT_KINDS),
    /** Either may be left out when scenario.json's unitKinds gives the kind's default. */
    personnel: z.number().int().min(1).optional(),
    armed: z.boolean().optional(),
    status: z.enum(UNIT_STATUSES),
    venue: idText.nullable().default(null),
    sector: nullableText,
    lat,
    lon,
    handler: nullableText,
    dog: nullableText,
    detection: nullableText,
    notes: nullableText,
  }),
);

export const incidentsFile = z.array(
  z.object({
    category: z.enum(INCIDENT_CATEGORIES),
    priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    status: z.enum(INCIDENT_STATUSES),
    title: text,
    description: z.string().default(''),
    source: z.enum(INCIDENT_SOURCES),
    reporter: nullableText,
    lat: lat.nullable().default(null),
    lon: lon.nullable().default(null),
    venue: idText.nullable().default(null),
    sector: nullableText,
    locationText: nullableText,
    /** Seeded incidents are already on the board when the exercise clock starts. */
    minutesBeforeStart: z.number().min(0),
    /** Callsigns working the incident when the exercise starts. */
    units: z.array(z.string()).default([]),
  }),
);

const polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([lon, lat])).min(4)).min(1),
});

export const zonesFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        id: idText,
        name: text,
        kind: text,
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      }),
      geometry: polygon,
    }),
  ),
});
