// Roster import: pick a CSV file, the service checks it without writing (dryRun) and the errors
// (line, column, reason) and warnings show before anything is committed. "Import N units" only
// when nothing was rejected; then the result, and the units and contingents are read again.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ROSTER_BYTES, type RosterImportResult } from '../../shared/roster';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useCan, useStoreApi } from '../state/hooks';
import { Dialog } from './Dialog';
import { useUnitsView } from './view-store';

type Step =
  | { kind: 'pick' }
  | { kind: 'checking'; name: string }
  | { kind: 'checked'; name: string; csv: string; result: RosterImportResult }
  | { kind: 'importing'; name: string }
  | { kind: 'done'; name: string; result: RosterImportResult };

export function RosterImport() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const open = useUnitsView((s) => s.open);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_ROSTER_BYTES) {
      setError(t('roster.tooLarge'));
      return;
    }
    setStep({ kind: 'checking', name: file.name });
    try {
      const csv = await file.text();
      const result = await appClient().importRoster({ csv, dryRun: true });
      setStep({ kind: 'checked', name: file.name, csv, result });
    } catch (err) {
      setError(toApiError(err).message);
      setStep({ kind: 'pick' });
    }
  };

  const commit = async (name: string, csv: string) => {
    setStep({ kind: 'importing', name });
    try {
      const result = await appClient().importRoster({ csv, dryRun: false });
      setStep({ kind: 'done', name, result });
      const contingents = await appClient().listContingents({});
      store.setState({ contingents });
      await store.getState().refresh();
    } catch (err) {
      setError(toApiError(err).message);
      setStep({ kind: 'pick' });
    }
  };

  const result = step.kind === 'checked' || step.kind === 'done' ? step.result : null;
  const count = result ? result.imported + result.updated : 0;

  return (
    <Dialog testId="roster-import" title={t('roster.title')} onClose={() => open('board')} wide>
      <p className="hint">{t('roster.help')}</p>
      <label className="roster-file">
        <span>{t('roster.file')}</span>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="roster-file"
          disabled={step.kind === 'checking' || step.kind === 'importing'}
          onChange={(e) => void pick(e)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="roster-error">
          {error}
        </p>
      )}
      {step.kind === 'checking' && <p className="hint">{t('roster.checking', { name: step.name })}</p>}
      {step.kind === 'importing' && <p className="hint">{t('roster.importing', { name: step.name })}</p>}
      {result && (
        <div data-testid="roster-preview" data-rejected={result.rejected.length}>
          <p className={result.rejected.length ? 'roster-status bad' : 'roster-status ok'}>
            {step.kind === 'done'
              ? t('roster.done', { imported: result.imported, updated: result.updated })
              : result.rejected.length
                ? t('roster.rejected', { count: result.rejected.length })
                : t('roster.ready', { imported: result.imported, updated: result.updated })}
          </p>
          {result.rejected.length > 0 && (
            <div className="roster-table-wrap">
              <table className="roster-table" data-testid="roster-rejected">
                <thead>
                  <tr>
                    <th>{t('roster.line')}</th>
                    <th>{t('roster.column')}</th>
                    <th>{t('roster.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r, i) => (
                    <tr key={i} data-testid="roster-issue" data-line={r.line} data-column={r.column}>
                      <td className="num">{r.line}</td>
                      <td className="mono">{r.column || t('roster.wholeRow')}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.warnings.length > 0 && (
            <>
              <h4>{t('roster.warnings', { count: result.warnings.length })}</h4>
              <ul className="roster-warnings" data-testid="roster-warnings">
                {result.warnings.map((w, i) => (
                  <li key={i} data-testid="roster-warning" data-line={w.line} data-column={w.column}>
                    {w.line > 1 && <span className="num">{t('rosterWarn.line', { line: w.line })} </span>}
                    {w.reason}
                    {w.closest && w.closest.length > 0 && (
                      <span className="roster-closest">
                        {' '}
                        {t('rosterWarn.closest', { names: w.closest.join(', ') })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="form-actions">
            {step.kind === 'checked' && result.rejected.length === 0 && count > 0 && (
              <button
                type="button"
                className="btn-primary"
                data-testid="roster-commit"
                onClick={() => void commit(step.name, step.csv)}
              >
                {t('roster.commit', { count })}
              </button>
            )}
            {step.kind === 'done' && (
              <button type="button" className="btn-primary" onClick={() => open('board')}>
                {t('roster.backToBoard')}
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** The units board's way in, for the roles that may import a roster. */
export function RosterImportButton() {
  const { t } = useTranslation();
  const open = useUnitsView((s) => s.open);
  if (!useCan('importRoster')) return null;
  return (
    <button type="button" className="btn-ghost" data-testid="open-roster" onClick={() => open('roster')}>
      {t('roster.open')}
    </button>
  );
}
