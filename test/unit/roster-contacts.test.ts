// The roster's `radio` and `phone` cells: what is accepted, and the reason given otherwise.
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../shared/roster.js';
import { readPhone, readRadio } from '../../shared/roster-cells.js';

const HEAD = 'callsign,country,agency,kind,personnel,radio,phone';

describe('roster radio and phone', () => {
  it('reads phone numbers as people write them and refuses what cannot be dialled', () => {
    for (const phone of ['+33 1 53 71 53 71', '06.12.34.56.78', '(213) 555-0142', '112']) {
      expect(readPhone(phone)).toEqual({ ok: true, value: phone });
    }
    for (const phone of ['call me', '+', '12', '+33 1 2345 6789 0123 4', '33-', '+33 6 12 ab 34']) {
      expect(readPhone(phone)).toMatchObject({ ok: false });
    }
    expect(readPhone('ext. 12')).toEqual({
      ok: false,
      reason:
        '"ext. 12" is not a phone number: 3-15 digits, spaces . - ( ) and a leading + allowed, e.g. +33 1 53 71 53 71',
    });
  });

  it('reads a radio channel as one line of up to 40 characters', () => {
    expect(readRadio('TG 4101 (CCPI liaison net)')).toEqual({
      ok: true,
      value: 'TG 4101 (CCPI liaison net)',
    });
    expect(readRadio('x'.repeat(40))).toMatchObject({ ok: true });
    expect(readRadio('x'.repeat(41))).toEqual({ ok: false, reason: 'longer than 40 characters' });
    expect(readRadio('TG 1\tTG 2')).toEqual({ ok: false, reason: 'a radio channel is one line of text' });
  });

  it('puts them on the row, leaves them undefined when empty, and names line and column when bad', () => {
    const csv = `${HEAD}\nES-01,ES,PN,patrol,4,TG 7,+34 91 322 34 00\nES-02,ES,PN,patrol,4,,\nES-03,ES,PN,patrol,4,,n/a\n`;
    const parsed = parseRoster(csv, []);
    expect(parsed.rows.map((r) => [r.callsign, r.radio, r.phone])).toEqual([
      ['ES-01', 'TG 7', '+34 91 322 34 00'],
      ['ES-02', undefined, undefined],
    ]);
    expect(parsed.rejected).toEqual([
      { line: 4, column: 'phone', reason: expect.stringMatching(/^"n\/a" is not a phone number/) as string },
    ]);
  });
});
