// A new request: to a desk of the room, a role or a contingent; what is needed; by when (HH:MM on
// the operation clock, the next such time); optionally about an incident (the selected one comes
// pre-filled) and a venue.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_TARGET_KINDS, type RequestTargetKind } from '../../shared/awareness';
import { REQUEST_LIMITS } from '../../shared/api/requests';
import { ROLES } from '../../shared/roles';
import { useIncidentPoints, useSelection, useSession, useVenues, useVigie } from '../state/hooks';
import { byTimeIso, HHMM } from './requests';
import { useRequestActions } from './use-request-actions';

const TARGET_ROLES = ROLES.filter((r) => r !== 'wall');

interface Props {
  now: number;
  timeZone: string;
  /** The incident it is about, when opened from the incident ("Request…"); else the selected one. */
  incidentId?: string | undefined;
  onClose: () => void;
}

export function RequestForm({ now, timeZone, incidentId: about, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSession()?.operator;
  const desks = useVigie((s) => s.desks);
  const contingents = useVigie((s) => s.contingents);
  const incidents = useIncidentPoints();
  const venues = useVenues();
  const selection = useSelection();
  const showNotice = useVigie((s) => s.showNotice);
  const { busy, send } = useRequestActions();
  const [kind, setKind] = useState<RequestTargetKind>('desk');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const [incidentId, setIncidentId] = useState(() => {
    const id = about ?? (selection?.kind === 'incident' ? selection.id : '');
    return incidents.some((i) => i.id === id) ? id : '';
  });
  const [venueId, setVenueId] = useState('');

  const options: { value: string; label: string }[] =
    kind === 'desk'
      ? desks
          .filter((d) => d.role !== 'wall' && d.desk.toLowerCase() !== me?.desk.toLowerCase())
          .map((d) => ({ value: d.desk, label: `${d.desk} · ${d.operator}` }))
      : kind === 'role'
        ? TARGET_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))
        : contingents.map((c) => ({ value: c.id, label: `${c.country} · ${c.agency}` }));
  const byBad = by.trim() !== '' && !HHMM.test(by.trim());
  const whyNot = value === '' ? 'why.target' : text.trim() === '' ? 'why.text' : byBad ? 'why.by' : null;
  const ready = whyNot === null;

  const submit = async () => {
    const byAt = by.trim() ? byTimeIso(by.trim(), now, timeZone) : null;
    const r = await send({
      text: text.trim(),
      target: { kind, value },
      ...(byAt ? { byAt } : {}),
      ...(incidentId ? { incidentId } : {}),
      ...(venueId ? { venueId } : {}),
    });
    if (r) {
      showNotice(t('requests.sent', { to: r.targetLabel }));
      onClose();
    }
  };

  return (
    <form
      className="request-form"
      data-testid="request-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="request-form-row">
        <label className="form-field">
          <span>{t('requests.form.kind')}</span>
          <select
            data-testid="request-target-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as RequestTargetKind);
              setValue('');
            }}
          >
            {REQUEST_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`requests.form.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field grow">
          <span>{t('requests.form.target')}</span>
          <select
            data-testid="request-target"
            value={value}
            required
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">{t('requests.form.choose')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="form-field">
        <span>{t('requests.form.text')}</span>
        <textarea
          data-testid="request-text"
          value={text}
          rows={2}
          maxLength={REQUEST_LIMITS.text}
          required
          autoFocus
          onChange={(e) => setText(e.target.value.replace(/[\r\n\t]+/g, ' '))}
        />
      </label>
      <div className="request-form-row">
        <label className="form-field">
          <span>{t('requests.form.by')}</span>
          <input
            data-testid="request-by-input"
            value={by}
            placeholder="HH:MM"
            inputMode="numeric"
            maxLength={5}
            aria-invalid={byBad || undefined}
            onChange={(e) => setBy(e.target.value)}
          />
        </label>
        <label className="form-field grow">
          <span>{t('requests.form.incident')}</span>
          <select
            data-testid="request-incident-input"
            value={incidentId}
            onChange={(e) => setIncidentId(e.target.value)}
          >
            <option value="">{t('requests.form.none')}</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.reference} · {i.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {byBad && <p className="form-error">{t('requests.form.byInvalid')}</p>}
      <label className="form-field">
        <span>{t('requests.form.venue')}</span>
        <select data-testid="request-venue" value={venueId} onChange={(e) => setVenueId(e.target.value)}>
          <option value="">{t('requests.form.none')}</option>
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="button" className="btn-ghost" onClick={onClose}>
          {t('requests.back')}
        </button>
        <button
          type="submit"
          className="btn-primary"
          data-testid="request-send"
          disabled={busy || !ready}
          title={whyNot ? t(whyNot) : undefined}
        >
          {t('requests.form.send')}
        </button>
      </div>
    </form>
  );
}
