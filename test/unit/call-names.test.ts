import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api.js';
import { CALL_NAMES, ipcChannel } from '../../shared/call-names.js';

describe('CALL_NAMES (the zod-free list the preload bundles)', () => {
  it('holds exactly the calls of the contract, once each', () => {
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(api).sort());
  });

  it('names one IPC channel per call', () => {
    expect(ipcChannel('listUnits')).toBe('vigie:listUnits');
    expect(new Set(CALL_NAMES.map(ipcChannel)).size).toBe(CALL_NAMES.length);
  });
});
