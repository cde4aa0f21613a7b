// A unit board row's status buttons (keys 1 to 6 press them on the selected row): the current
// status filled in its colour; off while the change is sent, or for an operator who may not change
// this unit, and then each button says why.
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES, type Unit, type UnitStatus } from '../../shared/domain';
import { UNIT_STATUS_COLOR, UNIT_STATUS_VAR } from '../map/palette';

interface Props {
  unit: Unit;
  busy: boolean;
  /** Why this operator may not change the unit (an i18n key), or null. */
  whyNot: 'why.role' | 'why.otherContingent' | null;
  onPick: (status: UnitStatus) => void;
}

export function BoardStatusButtons({ unit, busy, whyNot, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <span className="ub-status-buttons" role="group" aria-label={t('unit.changeStatus')}>
      {UNIT_STATUSES.map((s, i) => (
        <button
          key={s}
          type="button"
          tabIndex={-1}
          className={`ub-status${s === unit.status ? ' active' : ''}`}
          data-testid={`board-status-${s}`}
          aria-pressed={s === unit.status}
          title={`${i + 1} · ${t(`unitStatus.${s}`)}${whyNot ? ` — ${t(whyNot)}` : ''}`}
          disabled={busy || whyNot !== null}
          style={s === unit.status ? { background: UNIT_STATUS_COLOR[s] } : { color: UNIT_STATUS_VAR[s] }}
          onClick={(e) => {
            e.stopPropagation();
            onPick(s);
          }}
        >
          {t(`uboard.short.${s}`)}
        </button>
      ))}
    </span>
  );
}
