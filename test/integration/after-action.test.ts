// The after-action report from a fixed hour of activity made through the services: the figures
// exactly, the same figures in the PDF's text and the HTML in English and French, a window that
// leaves out what lies outside it, host staff only, and bad input named.
import { describe, expect, it } from 'vitest';
import type { AfterActionReport } from '../../shared/after-action/model.js';
import { BUSY_STATES } from '../../shared/after-action/model.js';
import type { CallInput } from '../../shared/api.js';
import { ApiError } from '../../shared/errors.js';
import { readPdf } from '../support/pdf-text.js';
import { activeHour, at, HOUR_WINDOW } from './after-action-activity.js';

type T = ReturnType<typeof activeHour>;
const report = (t: T, input: Partial<CallInput<'exportAfterAction'>> = {}) => {
  const out = t.call('exportAfterAction', { ...HOUR_WINDOW, format: 'json', ...input });
  return { ...out, bytes: Buffer.from(out.base64, 'base64') };
};
const model = (t: T, input: Partial<CallInput<'exportAfterAction'>> = {}) =>
  JSON.parse(report(t, input).bytes.toString('utf8')) as AfterActionReport;

/** What the contingents' busy rows must hold: seeded busy units all hour, U1 and U2 as timed. */
function expectedBusy(t: T) {
  const labels = new Map(t.call('listContingents', {}).map((c) => [c.id, `${c.country} · ${c.agency}`]));
  const rows = new Map<string, { units: number; byState: Record<string, number> }>();
  for (const u of t.before) {
    const label = labels.get(u.contingentId) ?? '';
    const row = rows.get(label) ?? { units: 0, byState: { assigned: 0, en_route: 0, on_scene: 0 } };
    rows.set(label, row);
    row.units += 1;
    const timed =
      u.id === t.u1.id
        ? { assigned: 180, en_route: 360, on_scene: 1200 }
        : u.id === t.u2.id
          ? { assigned: 120, en_route: 900, on_scene: 0 }
          : null;
    for (const s of BUSY_STATES)
      row.byState[s] = (row.byState[s] ?? 0) + (timed ? timed[s] : u.status === s ? 3600 : 0);
  }
  return [...rows].map(([contingent, r]) => {
    const totalS = BUSY_STATES.reduce((n, s) => n + (r.byState[s] ?? 0), 0);
    return { contingent, units: r.units, byState: r.byState, totalS, perUnitS: Math.round(totalS / r.units) };
  });
}

describe('the after-action report', () => {
  it('computes response, answer and busy times exactly', () => {
    const t = activeHour();
    const m = model(t);
    const { a, b, c } = t.refs;
    expect(m.window).toEqual(HOUR_WINDOW);
    expect(m.generatedAt).toBe(at(70));
    expect(
      m.incidents.map((i) => [i.reference, i.openedAt, i.priority, i.acknowledgeS, i.dispatchS, i.onSceneS]),
    ).toEqual([
      [a.reference, at(5), 1, 60, 240, 600],
      [b.reference, at(10), 3, 120, null, null],
      [c.reference, at(40), 1, 120, 300, null],
    ]);
    expect(m.incidents[0]?.status).toBe('resolved');
    expect(m.incidents[1]?.releasability).toBe('RELEASABLE TO FR ONLY');
    expect(m.releasability).toBe('RELEASABLE TO FR ONLY');
    expect(m.byPriority).toEqual([
      {
        priority: 1,
        stats: {
          acknowledge: { count: 2, medianS: 90, p90S: 120, maxS: 120 },
          dispatch: { count: 2, medianS: 270, p90S: 300, maxS: 300 },
          onScene: { count: 1, medianS: 600, p90S: 600, maxS: 600 },
        },
      },
      {
        priority: 3,
        stats: {
          acknowledge: { count: 1, medianS: 120, p90S: 120, maxS: 120 },
          dispatch: { count: 0, medianS: null, p90S: null, maxS: null },
          onScene: { count: 0, medianS: null, p90S: null, maxS: null },
        },
      },
    ]);
    expect(m.byCategory.map((x) => [x.category, x.stats.acknowledge.medianS])).toEqual([
      ['crowd_surge', 120],
      ['disorder', 120],
      ['medical', 60],
    ]);
    expect(m.overall.acknowledge).toEqual({ count: 3, medianS: 120, p90S: 120, maxS: 120 });
    expect(m.perHour).toEqual([
      { hourStart: at(0), priority: 1, count: 2 },
      { hourStart: at(0), priority: 3, count: 1 },
    ]);
    expect(m.requests.map((r) => [r.fromDesk, r.to, r.askedAt, r.answeredS, r.status])).toEqual([
      ['D1', 'ES-LNO', at(20), 180, 'done'],
      ['D1', 'supervisor', at(25), null, 'open'],
    ]);
    expect(m.requestStats).toEqual({ count: 1, medianS: 180, p90S: 180, maxS: 180 });
    const busy = expectedBusy(t);
    expect(m.busy).toHaveLength(busy.length);
    expect(m.busy).toEqual(expect.arrayContaining(busy));
  });

  it('leaves out what lies outside the window', () => {
    const t = activeHour();
    const m = model(t, { from: at(30), to: at(50) });
    expect(m.incidents.map((i) => i.reference)).toEqual([t.refs.c.reference]);
    expect(m.requests).toEqual([]);
    const late = model(t, { from: at(60), to: at(70) });
    expect(late.incidents.map((i) => [i.priority, i.category])).toEqual([[2, 'lost_person']]);
    // U1 was busy from 16:06 to 16:35: 16:30-16:50 holds its last five minutes on scene.
    const u1Row = m.busy.find((r) => r.byState.on_scene >= 300);
    expect(u1Row).toBeDefined();
  });

  it('times incidents a scenario loaded with their history from the times their records hold', () => {
    const t = activeHour();
    const m = model(t, { from: '2024-07-26T00:00:00Z', to: at(0) });
    const seeded = t.call('listIncidents', {}).filter((i) => i.createdAt < at(0));
    expect(m.incidents.map((i) => i.reference).sort()).toEqual(seeded.map((i) => i.reference).sort());
    const after = (created: string, stamp: string | null) =>
      stamp === null ? null : (Date.parse(stamp) - Date.parse(created)) / 1000;
    const acknowledged = seeded.filter((i) => i.acknowledgedAt !== null);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const i of seeded) {
      expect(m.incidents.find((r) => r.reference === i.reference)).toMatchObject({
        acknowledgeS: after(i.createdAt, i.acknowledgedAt),
        dispatchS: after(i.createdAt, i.dispatchedAt),
        onSceneS: after(i.createdAt, i.onSceneAt),
      });
    }
    expect(m.overall.acknowledge.count).toBe(acknowledged.length);
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`prints the same figures in the PDF and the HTML (${lang})`, async () => {
      const t = activeHour();
      const { a, b, c } = t.refs;
      const words =
        lang === 'en'
          ? { title: 'After-action report', ack: 'Acknowledge', busy: 'Units’ busy time by contingent' }
          : {
              title: 'Rapport de retour d’expérience',
              ack: 'Prise en compte',
              busy: 'Temps d’engagement des unités par contingent',
            };
      const pdf = report(t, { format: 'pdf', lang });
      expect(pdf.mime).toBe('application/pdf');
      expect(pdf.filename).toBe(`after-action-20240726-1600Z-20240726-1700Z-${lang}.pdf`);
      const text = (await readPdf(pdf.bytes)).pages.join('\n');
      const html = report(t, { format: 'html', lang }).bytes.toString('utf8');
      for (const out of [text, html]) {
        expect(out).toContain(words.title);
        expect(out).toContain(words.ack);
        expect(out).toContain(words.busy);
        expect(out).toContain('RELEASABLE TO FR ONLY');
        // The window in Paris time, A's row with its times, the unanswered request's dash.
        expect(out).toContain('26/07/2024 18:00 → 26/07/2024 19:00 (Paris)');
        for (const ref of [a.reference, b.reference, c.reference]) expect(out).toContain(ref);
        for (const time of ['1:00', '4:00', '10:00', '1:30', '4:30', '3:00']) expect(out).toContain(time);
      }
      expect(text).toMatch(new RegExp(`${a.reference} 26/07 18:05 1 .*1:00 4:00 10:00`));
      // The charts: inline SVG in the HTML, nothing fetched; drawn as text in the PDF.
      expect(html.match(/<svg /g)).toHaveLength(3);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(text).toContain(
        lang === 'en' ? 'Median response time by priority' : 'Délai de réponse médian par priorité',
      );
      expect(text).toContain('P1');
    });
  }

  it('is host staff’s: a liaison is refused in every format', () => {
    const t = activeHour();
    for (const format of ['pdf', 'html', 'json'] as const) {
      expect(() => t.call('exportAfterAction', { ...HOUR_WINDOW, format }, t.liaison)).toThrow(
        expect.objectContaining({ code: 'forbidden' }) as unknown as Error,
      );
    }
    expect(model(t).incidents).toHaveLength(3);
  });

  it('names the bad field', () => {
    const t = activeHour();
    const refused = (input: Record<string, unknown>): ApiError => {
      try {
        t.call('exportAfterAction', {
          ...HOUR_WINDOW,
          format: 'json',
          ...input,
        } as CallInput<'exportAfterAction'>);
      } catch (e) {
        if (e instanceof ApiError) return e;
      }
      throw new Error('accepted');
    };
    expect(refused({ to: at(-5) }).message).toMatch(/to: must be later than from/);
    expect(refused({ from: 'yesterday' }).message).toMatch(/from: an ISO 8601 date-time/);
    expect(refused({ format: 'docx' }).message).toMatch(/format/);
    expect(refused({ to: at(80) }).message).toMatch(/to: .* later than the operation clock/);
    expect(refused({ from: '2024-06-01T00:00:00Z' }).message).toMatch(/at most 31 days/);
  });
});
