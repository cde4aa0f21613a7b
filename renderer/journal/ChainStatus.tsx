// The journal's hash chain on top of the viewer: the check made when this Vigie opened the database
// (the session says it), and on request a fresh one (`verify`: the whole chain recomputed, the
// journal's after-images replayed against the tables and the schema checked, which takes seconds
// on a long journal, so it is not run on every opening).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../shared/domain';
import { formatClock } from '../../shared/time-format';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { useSession } from '../state/hooks';

interface Checked {
  ok: boolean;
  firstBadSeq: number | null;
  entries: number | null;
  reason: string | null;
  /** Operation time of a fresh check; null for the start-up one. */
  at: number | null;
  /** A fresh check's rows that differ from the journal (the first few) and how many in all. */
  tables: string[];
  tableCount: number;
  /** A fresh check's schema problems (a dropped trigger, a missing column). */
  schema: string[];
}

export function ChainStatus({ onShowSeq }: { onShowSeq: (seq: number) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { clock, timeZone } = useOperationClock();
  const [fresh, setFresh] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startup: Checked | null = session
    ? {
        ok: session.journalOk,
        firstBadSeq: session.journalFirstBadSeq,
        entries: null,
        reason: null,
        at: null,
        tables: [],
        tableCount: 0,
        schema: [],
      }
    : null;
  const shown = fresh ?? startup;

  const verifyNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const r: VerifyResult = await appClient().verify({});
      setFresh({
        ...r.journal,
        at: clock.now(),
        tables: r.replay?.problems ?? [],
        tableCount: r.replay?.problemCount ?? 0,
        schema: r.schema?.problems ?? [],
      });
    } catch (err) {
      setError(toApiError(err).message);
    }
    setBusy(false);
  };

  if (!shown) return null;
  const whole = shown.ok && shown.tableCount === 0 && shown.schema.length === 0;
  const when =
    shown.at === null
      ? t('journalViewer.chain.atStart')
      : t('journalViewer.chain.checkedAt', { time: formatClock(shown.at, timeZone) });
  return (
    <div
      className={whole ? 'jv-chain ok' : 'jv-chain bad'}
      role={whole ? 'status' : 'alert'}
      data-testid="journal-chain-status"
      data-ok={String(whole)}
    >
      <span className="jv-chain-mark" aria-hidden="true">
        {whole ? '✓' : '✗'}
      </span>
      <span className="jv-chain-text">
        <strong>
          {shown.ok && !whole
            ? t('journalViewer.chain.okButDiffers')
            : shown.ok
              ? shown.entries === null
                ? t('journalViewer.chain.ok')
                : t('journalViewer.chain.okCount', { count: shown.entries })
              : shown.firstBadSeq === null
                ? t('journalViewer.chain.badNoSeq')
                : t('journalViewer.chain.bad', { seq: shown.firstBadSeq })}
        </strong>
        {shown.reason && <span className="jv-chain-reason"> — {shown.reason}</span>}
        <span className="jv-chain-when"> · {when}</span>
        {shown.tableCount > 0 && (
          <span className="jv-chain-reason" data-testid="journal-tables-status">
            {' '}
            — {t('journalViewer.chain.tablesDiffer', { count: shown.tableCount })}:{' '}
            {shown.tables.slice(0, 3).join('; ')}
          </span>
        )}
        {shown.schema.length > 0 && (
          <span className="jv-chain-reason" data-testid="journal-schema-status">
            {' '}
            — {t('journalViewer.chain.schemaBad')}: {shown.schema.join('; ')}
          </span>
        )}
      </span>
      {!shown.ok && shown.firstBadSeq !== null && (
        <button
          type="button"
          className="btn-ghost"
          data-testid="journal-chain-show"
          onClick={() => onShowSeq(shown.firstBadSeq ?? 1)}
        >
          {t('journalViewer.chain.show')}
        </button>
      )}
      <button
        type="button"
        className="btn-ghost"
        data-testid="journal-verify"
        disabled={busy}
        onClick={() => void verifyNow()}
      >
        {busy ? t('journalViewer.chain.verifying') : t('journalViewer.chain.verify')}
      </button>
      {error && (
        <span className="jv-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
