// Requests tab: those to this desk (its name, role or contingent), those it sent, and for host
// staff every other desk's; a form for a new one. Lists follow the awareness slice, which re-reads
// on the live feed, so an answer from another desk shows without a reload.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskRequest } from '../../shared/awareness';
import { HOST_STAFF, type Role } from '../../shared/roles';
import { useNow, useOperationClock } from '../clock/use-clock';
import { useCan, useSession, useVigie } from '../state/hooks';
import { RequestForm } from './RequestForm';
import { RequestRow } from './RequestRow';
import { groupRequests, isFromMe, isToMe } from './requests';

export function RequestsPanel() {
  const { t } = useTranslation();
  const me = useSession()?.operator ?? null;
  const requests = useVigie((s) => s.requests);
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const canSend = useCan('sendRequest');
  const canAnswer = useCan('answerRequest');
  const canCancel = useCan('cancelRequest');
  const [composing, setComposing] = useState(false);
  const draft = useVigie((s) => s.requestDraft);
  const composeRequest = useVigie((s) => s.composeRequest);
  const close = () => {
    setComposing(false);
    composeRequest(null);
  };
  const groups = useMemo(() => (me ? groupRequests(me, requests) : null), [me, requests]);
  if (!me || !groups) return null;
  const supervisor = me.role === 'supervisor';
  const host = HOST_STAFF.includes(me.role as Role);

  const list = (id: string, title: string, rows: DeskRequest[]) => (
    <section className="request-group" data-testid={`requests-${id}`} aria-label={title}>
      <h3>
        {title} <span className="tab-count">{rows.length}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="request-empty">{t('requests.empty')}</p>
      ) : (
        <ul className="request-list">
          {rows.map((r) => (
            <RequestRow
              key={r.id}
              request={r}
              now={now}
              timeZone={timeZone}
              mayAnswer={canAnswer && (isToMe(me, r) || supervisor)}
              mayCancel={canCancel && (isFromMe(me, r) || supervisor)}
            />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="requests-panel" data-testid="requests-panel">
      {canSend && !composing && !draft && (
        <button
          type="button"
          className="btn-primary request-new"
          data-testid="request-new"
          onClick={() => setComposing(true)}
        >
          {t('requests.new')}
        </button>
      )}
      {(composing || draft) && (
        <RequestForm
          key={draft?.incidentId ?? ''}
          now={now}
          timeZone={timeZone}
          incidentId={draft?.incidentId}
          onClose={close}
        />
      )}
      <div className="request-scroll">
        {list('to', t('requests.toDesk'), groups.toMe)}
        {list('from', t('requests.fromDesk'), groups.fromMe)}
        {host && list('others', t('requests.otherDesks'), groups.others)}
      </div>
    </div>
  );
}
