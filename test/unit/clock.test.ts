import { describe, expect, it } from 'vitest';
import { clockFor, exerciseClock, fixedClock, realTime } from '../../shared/clock.js';
import { formatAgeMinutes, formatClock } from '../../shared/time-format.js';
import { formatReference, referenceDay, REFERENCE_PATTERN } from '../../shared/reference.js';

const START = Date.parse('2024-07-26T16:00:00Z');

describe('operation clock', () => {
  it('replays the exercise from its start at normal speed', () => {
    const real = fixedClock(Date.parse('2026-11-24T08:00:00Z'));
    const clock = exerciseClock(START, real.now(), real);
    expect(clock.now()).toBe(START);
    real.advance(61_000);
    expect(clock.now()).toBe(START + 61_000);
  });

  it('uses real time for a real operation, or an exercise not yet started', () => {
    expect(clockFor({ mode: 'real', scenarioStart: null, anchorReal: null })).toBe(realTime);
    expect(clockFor({ mode: 'exercise', scenarioStart: '2024-07-26T16:00:00Z', anchorReal: null })).toBe(
      realTime,
    );
    const real = fixedClock(1_000_000);
    const c = clockFor(
      {
        mode: 'exercise',
        scenarioStart: '2024-07-26T16:00:00Z',
        anchorReal: new Date(1_000_000).toISOString(),
      },
      real,
    );
    expect(c.now()).toBe(START);
  });

  it('shows Paris time on a 24-hour clock (UTC+2 in summer, UTC+1 in winter)', () => {
    expect(formatClock(START, 'Europe/Paris')).toBe('18:00:00');
    expect(formatClock(Date.parse('2024-07-26T17:30:05Z'), 'Europe/Paris', false)).toBe('19:30');
    expect(formatClock(Date.parse('2024-12-01T23:15:00Z'), 'Europe/Paris')).toBe('00:15:00');
  });

  it('formats ages in words for banners', () => {
    expect(formatAgeMinutes(0)).toBe('0 min');
    expect(formatAgeMinutes(59_999)).toBe('0 min');
    expect(formatAgeMinutes(25 * 60_000 + 30_000)).toBe('25 min');
    expect(formatAgeMinutes(82 * 60_000)).toBe('1 h 22');
    expect(formatAgeMinutes(125 * 60_000)).toBe('2 h 05');
    expect(formatAgeMinutes(-5)).toBe('0 min');
  });
});

describe('incident references', () => {
  it('use the Paris day, which can differ from the UTC day', () => {
    expect(referenceDay(START, 'Europe/Paris')).toBe('0726');
    expect(referenceDay(Date.parse('2024-07-26T22:30:00Z'), 'Europe/Paris')).toBe('0727');
    expect(formatReference('0726', 42)).toBe('INC-0726-0042');
    expect(formatReference('0726', 12345)).toMatch(REFERENCE_PATTERN);
  });

  it('keep each time zone its own day when zones alternate (one formatter kept per zone)', () => {
    const late = Date.parse('2024-07-26T22:30:00Z');
    expect(referenceDay(late, 'Europe/Paris')).toBe('0727');
    expect(referenceDay(late, 'America/New_York')).toBe('0726');
    expect(referenceDay(late, 'Europe/Paris')).toBe('0727');
    expect(() => referenceDay(late, 'Not/AZone')).toThrow(RangeError);
  });
});
