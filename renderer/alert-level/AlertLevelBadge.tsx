// The national alert level in the top bar, on every desk: its full name, coloured by how high it
// is. A supervisor clicks it to change it (AlertLevelDialog).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationClock } from '../clock/use-clock';
import { hhmm } from '../map-tools/operation-time';
import { useCan, useVigie } from '../state/hooks';
import { AlertLevelDialog } from './AlertLevelDialog';
import { levelTone } from './tone';
import './alert-level.css';

export function AlertLevelBadge() {
  const { t } = useTranslation();
  const level = useVigie((s) => s.alertLevel);
  const canChange = useCan('setAlertLevel');
  const { timeZone } = useOperationClock();
  const [open, setOpen] = useState(false);
  if (!level) return null;
  const scale = t(`alertLevel.scale.${level.scale}`);
  const name = t(`alertLevel.level.${level.level}`, { defaultValue: level.level });
  const detail = level.setAt
    ? t('alertLevel.since', { at: hhmm(level.setAt, timeZone), by: level.setBy ?? '', reason: level.reason })
    : t('alertLevel.never');
  const title = `${t('alertLevel.label')} (${scale}). ${detail}${canChange ? `\n${t('alertLevel.changeHint')}` : ''}`;
  const content = (
    <>
      <span className="alert-level-scale">{scale}</span>
      <span className="alert-level-name" data-testid="alert-level-name">
        {name}
      </span>
    </>
  );
  const props = {
    className: `alert-level-badge level-${levelTone(level.scale, level.level)}`,
    'data-testid': 'alert-level',
    'data-level': level.level,
    title,
    'aria-label': `${t('alertLevel.label')}: ${name} (${scale})`,
  };
  if (!canChange) return <span {...props}>{content}</span>;
  return (
    <>
      <button type="button" {...props} onClick={() => setOpen(true)}>
        {content}
      </button>
      {open && <AlertLevelDialog level={level} onClose={() => setOpen(false)} />}
    </>
  );
}
