// The journal viewer: the chain status on top, filters (operator, desk, entity, action, operation
// time), then the entries newest first, a page at a time (Older follows the "before seq" cursor;
// Newer goes back along the cursors already used).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/domain';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { Dialog } from '../units/Dialog';
import { ChainStatus } from './ChainStatus';
import { EMPTY_FILTERS, toQuery, type FilterField, type FilterForm, type JournalFilter } from './filters';
import { FilterFields } from './FilterFields';
import { JournalTable } from './JournalTable';
import './journal.css';

export const JOURNAL_PAGE = 50;

interface Page {
  entries: JournalEntry[];
  hasOlder: boolean;
}

/** What is asked for: the filter, the cursors of the pages walked so far (undefined: newest). */
interface Request {
  filter: JournalFilter;
  cursors: (number | undefined)[];
}

type Answer =
  | { request: Request; page: Page }
  | { request: Request; error: string; fields: Partial<Record<FilterField, string>> };

export function JournalViewer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTERS);
  const [request, setRequest] = useState<Request>({ filter: {}, cursors: [undefined] });
  const [answer, setAnswer] = useState<Answer | null>(null);
  /** Times typed that do not parse: refused here, before any call. */
  const [badTimes, setBadTimes] = useState<FilterField[]>([]);
  const cursor = request.cursors[request.cursors.length - 1];

  useEffect(() => {
    let live = true;
    const before = request.cursors[request.cursors.length - 1];
    appClient()
      // One more than a page says whether an older page exists.
      .listJournal({
        ...request.filter,
        limit: JOURNAL_PAGE + 1,
        ...(before === undefined ? {} : { beforeSeq: before }),
      })
      .then((got) => {
        if (live)
          setAnswer({
            request,
            page: { entries: got.slice(0, JOURNAL_PAGE), hasOlder: got.length > JOURNAL_PAGE },
          });
      })
      .catch((err: unknown) => {
        if (!live) return;
        const e = toApiError(err);
        const fields: Partial<Record<FilterField, string>> = {};
        for (const i of e.issues ?? [])
          if (i.path in EMPTY_FILTERS) fields[i.path as FilterField] = i.message;
        setAnswer({ request, error: e.message, fields });
      });
    return () => {
      live = false;
    };
  }, [request]);

  const busy = answer?.request !== request;
  const page = answer && 'page' in answer ? answer.page : null;
  const error = answer && 'error' in answer ? answer.error : null;
  const badFields: Partial<Record<FilterField, string>> = {
    ...(answer && 'fields' in answer ? answer.fields : {}),
    ...Object.fromEntries(badTimes.map((k) => [k, t('journalViewer.badTime')])),
  };
  const walk = (cursors: (number | undefined)[]) => setRequest((r) => ({ ...r, cursors }));

  const apply = (next: FilterForm, before?: number) => {
    const q = toQuery(next, timeZone);
    setBadTimes(q.ok ? [] : q.bad);
    if (!q.ok) return;
    setForm(next);
    setRequest({ filter: q.query, cursors: [before] });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(form);
  };

  const entries = page?.entries ?? [];
  const last = entries[entries.length - 1];
  return (
    <Dialog testId="journal-viewer" title={t('journalViewer.title')} wide onClose={onClose}>
      <ChainStatus onShowSeq={(seq) => apply(EMPTY_FILTERS, seq + 1)} />
      <form className="jv-filters" onSubmit={submit} aria-label={t('journalViewer.filters')}>
        <FilterFields value={form} bad={badFields} onChange={setForm} />
        <div className="jv-filter-actions">
          <button type="submit" className="btn-primary" data-testid="journal-apply" disabled={busy}>
            {t('journalViewer.apply')}
          </button>
          <button
            type="button"
            className="btn-ghost"
            data-testid="journal-clear"
            onClick={() => apply(EMPTY_FILTERS)}
          >
            {t('journalViewer.clear')}
          </button>
        </div>
      </form>
      {error && (
        <p className="jv-error" role="alert" data-testid="journal-error">
          {error}
        </p>
      )}
      {page && entries.length === 0 && !error && (
        <p className="hint" data-testid="journal-empty">
          {t('journalViewer.empty')}
        </p>
      )}
      {entries.length > 0 && (
        <JournalTable
          entries={entries}
          timeZone={timeZone}
          onEntity={(entityType, entityId) => apply({ ...EMPTY_FILTERS, entityType, entityId })}
        />
      )}
      <div className="jv-pager">
        <span className="hint" data-testid="journal-range">
          {entries.length > 0 &&
            t('journalViewer.range', {
              newest: entries[0]?.seq ?? 0,
              oldest: last?.seq ?? 0,
              count: entries.length,
            })}
        </span>
        <button
          type="button"
          className="btn-ghost"
          data-testid="journal-newest"
          disabled={busy || cursor === undefined}
          title={cursor === undefined ? t('why.newest') : undefined}
          onClick={() => walk([undefined])}
        >
          {t('journalViewer.newest')}
        </button>
        <button
          type="button"
          className="btn-ghost"
          data-testid="journal-newer"
          disabled={busy || request.cursors.length < 2}
          title={request.cursors.length < 2 ? t('why.newest') : undefined}
          onClick={() => walk(request.cursors.slice(0, -1))}
        >
          {t('journalViewer.newer')}
        </button>
        <button
          type="button"
          className="btn-ghost"
          data-testid="journal-older"
          disabled={busy || !page?.hasOlder || !last}
          title={page && !page.hasOlder ? t('why.oldest') : undefined}
          onClick={() => last && walk([...request.cursors, last.seq])}
        >
          {t('journalViewer.older')}
        </button>
        <button
          type="button"
          className="btn-ghost"
          data-testid="journal-refresh"
          disabled={busy}
          // A new request object asks again, with the same filter and cursor.
          onClick={() => setRequest((r) => ({ ...r }))}
        >
          {t('journalViewer.refresh')}
        </button>
      </div>
    </Dialog>
  );
}
