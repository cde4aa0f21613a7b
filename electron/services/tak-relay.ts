// The console's sends to the room's TAK server (`vigie serve --tak`): a supervisor chooses what and
// for whom (only what is releasable to every partner, or what one nation may see), the CoT events
// are written at once, and the network send runs in the background, so a TAK server that is slow or
// away never holds the other desks' calls. The console follows a send with takSendStatus; its
// outcome is journaled (exchange.tak_sent / exchange.tak_failed: who, what, to, how many, marking).
import { ApiError } from '../../shared/errors.js';
import { cotEvents } from '../../shared/exchange/files.js';
import type { ExchangeWhat } from '../../shared/exchange/formats.js';
import type { TakSendView, TakServerView } from '../../shared/api/exchange.js';
import { journal, requireOperator, type Ctx } from './context.js';
import type { Desk } from './desk.js';
import { exportFor } from './exchange.js';
import { newId } from './ids.js';
import type { TakTarget } from './tak-address.js';
import { sendToTak } from './tak-send.js';
import { hostCountry } from '../store/meta.js';

/** Sends remembered for takSendStatus (the newest; older ones are forgotten, their outcome journaled). */
const KEPT = 50;

export interface TakRelay {
  server(): TakServerView;
  send(desk: Desk, input: { what: ExchangeWhat; releasableTo: string }): TakSendView;
  status(id: string): TakSendView;
}

const addressOf = (t: TakTarget) => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`);

export function takRelay(ctx: Ctx, target: TakTarget | null): TakRelay {
  const sends = new Map<string, TakSendView>();
  const remember = (view: TakSendView) => {
    sends.set(view.id, view);
    for (const old of sends.keys()) if (sends.size > KEPT) sends.delete(old);
  };
  return {
    server: () => ({ to: target ? addressOf(target) : null, tls: !!target?.tls }),
    send: (desk, input) => {
      const who = requireOperator(desk);
      if (!target)
        throw new ApiError({
          code: 'conflict',
          message: 'No TAK server is set for this room: start vigie serve with --tak HOST:PORT.',
        });
      const host = hostCountry(ctx.db);
      // ALL: what every partner may see (the wall's view); the host nation: everything.
      const scope =
        input.releasableTo === 'ALL'
          ? { country: null }
          : input.releasableTo === host
            ? undefined
            : { country: input.releasableTo };
      const file = exportFor(ctx, scope, { what: input.what, format: 'cot' });
      const events = cotEvents(file.text);
      const view: TakSendView = {
        id: newId(ctx.clock),
        to: addressOf(target),
        tls: !!target.tls,
        events: events.length,
        releasability: file.releasability,
        state: 'sending',
        error: null,
      };
      remember(view);
      const record = (action: string, extra: Record<string, unknown>) =>
        ctx.db.transaction(() =>
          journal(ctx, who, {
            action,
            entityType: 'exchange',
            entityId: view.id,
            data: {
              to: view.to,
              tls: view.tls,
              what: input.what,
              releasableTo: input.releasableTo,
              events: view.events,
              releasability: view.releasability,
              ...extra,
            },
          }),
        )();
      void sendToTak(target, events).then(
        ({ sent }) => {
          remember({ ...view, state: 'sent' });
          record('exchange.tak_sent', { sent });
        },
        (err: unknown) => {
          const error = err instanceof Error ? err.message : String(err);
          remember({ ...view, state: 'failed', error });
          record('exchange.tak_failed', { error });
        },
      );
      return view;
    },
    status: (id) => {
      const view = sends.get(id);
      if (!view) throw new ApiError({ code: 'not_found', message: `No TAK send ${id} on this server` });
      return view;
    },
  };
}
