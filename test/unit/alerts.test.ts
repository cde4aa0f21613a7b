// The alerts a desk raises (shared/alerts.ts): what comes up, for whom, when it goes down, and the
// escalation of an overdue P1 nobody took to the supervisors' desks.
import { describe, expect, it } from 'vitest';
import { deriveAlerts, ESCALATE_AFTER_MS, requestIsTo, type AlertInput } from '../../shared/alerts.js';
import type { AlertAck, Bulletin, DeskRequest } from '../../shared/awareness.js';
import type { Incident } from '../../shared/domain.js';
import { DEFAULT_THRESHOLDS } from '../../shared/overdue.js';

const T0 = Date.parse('2024-07-26T19:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const p1 = (over: Partial<Incident> = {}): Incident => ({
  id: 'i1',
  reference: 'INC-0726-0042',
  category: 'suspicious_package',
  priority: 1,
  status: 'new',
  title: 'Unattended bag on Pont d’Iéna',
  description: '',
  source: 'radio',
  reporter: null,
  lat: null,
  lon: null,
  venueId: null,
  sector: null,
  locationText: null,
  createdAt: iso(T0),
  updatedAt: iso(T0),
  acknowledgedAt: null,
  dispatchedAt: null,
  onSceneAt: null,
  resolvedAt: null,
  closedAt: null,
  cancelledAt: null,
  marking: null,
  version: 1,
  ...over,
});

const request = (over: Partial<DeskRequest> = {}): DeskRequest => ({
  id: 'r1',
  text: 'Two public-order sections to Trocadéro by 19:15',
  target: { kind: 'desk', value: 'ES-LNO' },
  targetLabel: 'ES-LNO',
  byAt: iso(T0 + 15 * MIN),
  incidentId: null,
  incidentReference: null,
  venueId: null,
  lat: null,
  lon: null,
  status: 'open',
  reason: null,
  createdAt: iso(T0),
  fromDesk: 'JOC-1',
  fromOperator: 'Lt. Claire Moreau',
  fromRole: 'watch_officer',
  answeredAt: null,
  answeredBy: null,
  answeredDesk: null,
  doneAt: null,
  version: 1,
  ...over,
});

const bulletin = (over: Partial<Bulletin> = {}): Bulletin => ({
  id: 'b1',
  title: 'Drone ban over the Seine',
  body: 'No flights.',
  severity: 'warning',
  validFrom: iso(T0),
  validUntil: null,
  marking: null,
  ackWithinMinutes: 15,
  publishedAt: iso(T0),
  publishedBy: 'Cdt. Alain Roux',
  publishedDesk: 'SUP',
  publishedRole: 'supervisor',
  withdrawnAt: null,
  version: 1,
  acks: [],
  pending: [],
  ...over,
});

const officer = { desk: 'JOC-2', role: 'watch_officer', contingentId: null };
const supervisor = { desk: 'SUP', role: 'supervisor', contingentId: null };
const liaison = { desk: 'ES-LNO', role: 'liaison', contingentId: 'es-pn' };

function alerts(over: Partial<AlertInput>) {
  return deriveAlerts({
    me: officer,
    priorityOne: [],
    requests: [],
    bulletins: [],
    alertLevel: null,
    acks: [],
    now: T0 + 30_000,
    thresholds: DEFAULT_THRESHOLDS,
    ...over,
  });
}
const ack = (key: string, desk: string, at = T0): AlertAck => ({ key, desk, operator: 'x', at: iso(at) });
const keys = (over: Partial<AlertInput>) => alerts(over).map((a) => a.key);

describe('alerts of a desk', () => {
  it('a new P1 rings until this desk acknowledges it; another desk’s acknowledgement does not take it down here', () => {
    const [a] = alerts({ priorityOne: [p1()] });
    expect(a).toMatchObject({ key: 'incident:i1:p1', kind: 'p1_new', tone: 'p1', incidentId: 'i1' });
    expect(keys({ priorityOne: [p1()], acks: [ack('incident:i1:p1', 'JOC-2')] })).toEqual([]);
    expect(keys({ priorityOne: [p1()], acks: [ack('incident:i1:p1', 'JOC-1')] })).toEqual(['incident:i1:p1']);
  });

  it('only P1s that are still open and recent', () => {
    expect(keys({ priorityOne: [p1({ priority: 2 })] })).toEqual([]);
    for (const status of ['resolved', 'closed', 'cancelled'] as const)
      expect(keys({ priorityOne: [p1({ status })] })).toEqual([]);
    expect(keys({ priorityOne: [p1()], now: T0 + 13 * 3600_000 })).toEqual([]);
    // Acknowledged by someone: no longer "new", and not yet late.
    expect(keys({ priorityOne: [p1({ status: 'acknowledged', acknowledgedAt: iso(T0 + MIN) })] })).toEqual(
      [],
    );
  });

  it('a P1 past its deadline is overdue from the deadline, then escalates to supervisors when nobody took it for 2 minutes', () => {
    const late = T0 + (DEFAULT_THRESHOLDS.acknowledgeMinutes[1] ?? 0) * MIN;
    const overdue = alerts({ priorityOne: [p1()], now: late + 1000 }).find((a) => a.kind === 'p1_overdue');
    expect(overdue).toMatchObject({ key: 'incident:i1:overdue:acknowledge', at: iso(late) });
    const escalation = { priorityOne: [p1()], now: late + ESCALATE_AFTER_MS } as const;
    expect(keys({ ...escalation, now: late + ESCALATE_AFTER_MS - 1000, me: supervisor })).not.toContain(
      'incident:i1:escalated:acknowledge',
    );
    expect(keys({ ...escalation, me: supervisor })).toContain('incident:i1:escalated:acknowledge');
    expect(keys({ ...escalation, me: officer })).not.toContain('incident:i1:escalated:acknowledge');
    // A desk that took the overdue alert stops the escalation everywhere.
    const taken = [ack('incident:i1:overdue:acknowledge', 'JOC-1', late + MIN)];
    expect(keys({ ...escalation, me: supervisor, acks: taken })).not.toContain(
      'incident:i1:escalated:acknowledge',
    );
    // On scene late: dispatched but nobody on scene 10 minutes after.
    const dispatched = p1({
      status: 'dispatched',
      acknowledgedAt: iso(T0 + MIN),
      dispatchedAt: iso(T0 + MIN),
    });
    expect(keys({ priorityOne: [dispatched], now: T0 + 11 * MIN })).toEqual(['incident:i1:overdue:on_scene']);
  });

  it('a request rings on the desk, role or contingent it is to, not on its sender; the sender hears the answer', () => {
    expect(requestIsTo(request(), liaison)).toBe(true);
    expect(requestIsTo(request({ target: { kind: 'role', value: 'liaison' } }), liaison)).toBe(true);
    expect(requestIsTo(request({ target: { kind: 'contingent', value: 'es-pn' } }), liaison)).toBe(true);
    expect(requestIsTo(request({ target: { kind: 'contingent', value: 'de-bp' } }), liaison)).toBe(false);
    expect(requestIsTo(request({ target: { kind: 'desk', value: 'es-lno' } }), liaison)).toBe(true);
    expect(alerts({ me: liaison, requests: [request()] })).toMatchObject([
      { key: 'request:r1', kind: 'request', tone: 'notice', detail: 'JOC-1' },
    ]);
    expect(alerts({ me: liaison, requests: [request()], now: T0 + 16 * MIN })[0]?.detail).toBe('overdue');
    expect(keys({ me: { ...officer, desk: 'JOC-1' }, requests: [request()] })).toEqual([]);
    const accepted = request({ status: 'accepted', answeredAt: iso(T0 + MIN), answeredDesk: 'ES-LNO' });
    expect(keys({ me: liaison, requests: [accepted] })).toEqual([]);
    expect(alerts({ me: { ...officer, desk: 'JOC-1' }, requests: [accepted] })).toMatchObject([
      { key: 'request:r1:accepted', kind: 'request_answer', tone: 'info' },
    ]);
    const declined = request({ status: 'declined', answeredAt: iso(T0 + MIN), reason: 'no section free' });
    expect(alerts({ me: { ...officer, desk: 'JOC-1' }, requests: [declined] })[0]?.tone).toBe('notice');
  });

  it('a bulletin rings until this desk acknowledges it; not on its publisher, not once withdrawn', () => {
    expect(keys({ bulletins: [bulletin()] })).toEqual(['bulletin:b1']);
    const acked = bulletin({
      acks: [{ desk: 'JOC-2', operator: 'x', role: 'watch_officer', country: null, at: iso(T0) }],
    });
    expect(keys({ bulletins: [acked] })).toEqual([]);
    expect(keys({ me: supervisor, bulletins: [bulletin()] })).toEqual([]);
    expect(keys({ bulletins: [bulletin({ withdrawnAt: iso(T0 + MIN) })] })).toEqual([]);
  });

  it('a change of the alert level rings on every other desk, once per change', () => {
    const level = {
      scale: 'vigipirate' as const,
      level: 'urgence_attentat',
      reason: 'Threat assessment',
      setAt: iso(T0),
      setBy: 'Cdt. Alain Roux',
      setDesk: 'SUP',
      version: 3,
    };
    expect(keys({ alertLevel: level })).toEqual(['alert_level:3']);
    expect(keys({ alertLevel: level, acks: [ack('alert_level:3', 'JOC-2')] })).toEqual([]);
    expect(keys({ alertLevel: { ...level, version: 4 }, acks: [ack('alert_level:3', 'JOC-2')] })).toEqual([
      'alert_level:4',
    ]);
    expect(keys({ me: supervisor, alertLevel: level })).toEqual([]);
    expect(keys({ alertLevel: { ...level, setAt: null } })).toEqual([]);
    // The level the scenario seeded is the operation's first, not a change.
    expect(keys({ alertLevel: { ...level, version: 1, setDesk: 'seed' } })).toEqual([]);
  });

  it('puts P1s first, then what needs an answer, then information', () => {
    const accepted = request({ id: 'r2', fromDesk: 'JOC-2', status: 'accepted', answeredAt: iso(T0) });
    const kinds = alerts({
      requests: [accepted, request({ target: { kind: 'desk', value: 'JOC-2' } })],
      // Same urgency: oldest first.
      bulletins: [bulletin({ publishedAt: iso(T0 + 20_000) })],
      priorityOne: [p1({ createdAt: iso(T0 + 10_000) })],
    }).map((a) => a.kind);
    expect(kinds).toEqual(['p1_new', 'request', 'bulletin', 'request_answer']);
  });
});
