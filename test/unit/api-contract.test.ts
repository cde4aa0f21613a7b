import { describe, expect, it } from 'vitest';
import { api, CALL_NAMES, isCallName } from '../../shared/api.js';

describe('API contract', () => {
  it('names each call once and only own names are calls', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect(isCallName('listUnits')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
  });

  it('rejects unknown keys and out-of-vocabulary values with a path', () => {
    const r = api.setUnitStatus.input.safeParse({ id: 'u1', status: 'sleeping', version: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['status']);
    expect(api.listUnits.input.safeParse({ evil: true }).success).toBe(false);
    expect(api.setUnitStatus.input.safeParse({ id: 'u1', status: 'available', version: 0 }).success).toBe(
      false,
    );
  });

  it('bounds strings and fills defaults', () => {
    expect(
      api.signIn.input.safeParse({ login: 'moreau', passphrase: 'x'.repeat(201), desk: 'd' }).success,
    ).toBe(false);
    expect(
      api.signIn.input.safeParse({ login: 'moreau', passphrase: 'p', desk: 'd'.repeat(41) }).success,
    ).toBe(false);
    const parsed = api.signIn.input.parse({ login: '  Moreau ', passphrase: 'p', desk: ' D1 ' });
    expect(parsed.login).toBe('moreau');
    expect(parsed.desk).toBe('D1');
    expect(api.listIncidents.input.parse({})).toEqual({ includeClosed: false, limit: 10_000 });
    expect(api.listJournal.input.parse({})).toEqual({ limit: 100 });
  });
});
