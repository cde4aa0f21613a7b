// Sending to the room's TAK server (supervisors): what, and for whom (only what every partner may
// see, or what one nation may see), as Cursor-on-Target events. The server answers at once and
// sends in the background; the section follows the send until it has gone or failed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeWhat } from '../../shared/exchange/formats';
import { WhatSelect } from './WhatSelect';
import type { TakSendView, TakServerView } from '../../shared/api/exchange';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { countryName } from '../i18n/country';
import { useSession, useVigie } from '../state/hooks';

const FOLLOW_MS = 500;

export function TakSection() {
  const { t, i18n } = useTranslation();
  const host = useSession()?.hostCountry ?? null;
  const contingents = useVigie((s) => s.contingents);
  const nations = [...new Set(contingents.map((c) => c.country))].filter((c) => c !== host).sort();
  const [server, setServer] = useState<TakServerView | null>(null);
  const [what, setWhat] = useState<ExchangeWhat>('all');
  const [audience, setAudience] = useState('ALL');
  const [send, setSend] = useState<TakSendView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    appClient()
      .getTakServer({})
      .then(setServer, (err: unknown) => setError(toApiError(err).message));
  }, []);
  useEffect(() => {
    if (send?.state !== 'sending') return;
    const timer = setTimeout(() => {
      appClient()
        .takSendStatus({ id: send.id })
        .then(setSend, (err: unknown) => setError(toApiError(err).message));
    }, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [send]);

  const start = async () => {
    setError(null);
    try {
      setSend(await appClient().sendToTak({ what, releasableTo: audience }));
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <fieldset className="exchange-section" data-testid="exchange-tak">
      <legend>{t('exchange.tak.title')}</legend>
      {server && (
        <p className="hint" data-testid="exchange-tak-server">
          {server.to
            ? t(server.tls ? 'exchange.tak.serverTls' : 'exchange.tak.server', { to: server.to })
            : t('exchange.tak.none')}
        </p>
      )}
      <div className="exchange-choices">
        <WhatSelect value={what} onChange={setWhat} testId="exchange-tak-what" />
        <label>
          {t('exchange.tak.audience')}
          <select
            data-testid="exchange-tak-audience"
            value={audience}
            onChange={(e) => setAudience(e.target.value)}
          >
            <option value="ALL">{t('exchange.tak.allPartners')}</option>
            {nations.map((c) => (
              <option key={c} value={c}>
                {t('exchange.tak.nation', { country: countryName(c, i18n.language) })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn-primary"
          data-testid="exchange-tak-send"
          disabled={!server?.to || send?.state === 'sending'}
          title={server && !server.to ? t('exchange.tak.none') : undefined}
          onClick={() => void start()}
        >
          {t('exchange.tak.send')}
        </button>
      </div>
      {send && (
        <p className="hint" role="status" data-testid="exchange-tak-status" data-state={send.state}>
          {t(`exchange.tak.${send.state}`, { count: send.events, to: send.to, error: send.error ?? '' })}{' '}
          <strong className="exchange-banner">{send.releasability}</strong>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
