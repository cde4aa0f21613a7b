// One unit of the assign list: callsign, country, kind in full, languages, status, travel time,
// a dog's rest, and why it is suggested ("K9 explosives: needed for suspicious package · 4 min on foot").
import { useTranslation } from 'react-i18next';
import type { UnitSuggestion } from '../../shared/api/units';
import type { IncidentCategory } from '../../shared/domain';
import { countryName } from '../i18n/country';
import { UNIT_STATUS_VAR } from '../map/palette';
import { K9RestBadge } from '../units/K9Rest';

export function useTravelText(): (s: UnitSuggestion) => string {
  const { t } = useTranslation();
  return (s) =>
    s.travelMinutes === null
      ? t('suggest.noPosition')
      : t(`suggest.travel.${s.mode}`, { minutes: s.travelMinutes });
}

export function AssignOption({
  s,
  index,
  current,
  category,
  workingOn,
  onHover,
  onPick,
}: {
  s: UnitSuggestion;
  index: number;
  current: boolean;
  category: IncidentCategory;
  workingOn: string | null;
  onHover: () => void;
  onPick: () => void;
}) {
  const { t, i18n } = useTranslation();
  const travel = useTravelText();
  const u = s.unit;
  const disabled = s.group === 'untaskable';
  const kind = t(`unitKind.${u.kind}`);
  // Category names are capitalised as labels; inside a sentence they are not.
  const what = t(`incidentCategory.${category}`).toLocaleLowerCase(i18n.language);
  const reason =
    s.group === 'suggested'
      ? `${t('suggest.reason', { kind, category: what })} · ${travel(s)}`
      : s.rest?.level === 'due'
        ? t('suggest.restWithheld')
        : null;
  return (
    <li
      id={`assign-${u.id}`}
      role="option"
      data-index={index}
      data-testid="assign-option"
      data-callsign={u.callsign}
      data-group={s.group}
      aria-selected={current}
      aria-disabled={disabled}
      className={`assign-option${disabled ? ' disabled' : ''}${reason ? ' with-reason' : ''}`}
      onMouseEnter={onHover}
      onClick={onPick}
    >
      <span className="status-bar" style={{ background: UNIT_STATUS_VAR[u.status] }} />
      <span className="callsign">{u.callsign}</span>
      <span className="country" title={countryName(u.country, i18n.language)}>
        {u.country}
      </span>
      <span className="kind">{kind}</span>
      <span className="languages" title={t('suggest.languages', { list: s.languages.join(', ') })}>
        {s.languages.map((l) => l.toUpperCase()).join(' · ')}
      </span>
      <span className="status-pill" style={{ color: UNIT_STATUS_VAR[u.status] }}>
        {workingOn ? t('assign.workingOn', { reference: workingOn }) : t(`unitStatus.${u.status}`)}
      </span>
      <span className="travel" data-testid="assign-travel">
        {travel(s)}
      </span>
      {reason && (
        <span className="assign-reason" data-testid="assign-reason">
          {reason}
          <K9RestBadge unit={u} />
        </span>
      )}
      {!reason && s.rest && <K9RestBadge unit={u} />}
    </li>
  );
}
