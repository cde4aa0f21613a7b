// The Bulletins tab: what the room has been told, newest first, each to acknowledge once per desk.
// Watch officers and supervisors publish from here; ended bulletins (the last 12 hours) follow.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow, useOperationClock } from '../clock/use-clock';
import { useCan, useVigie } from '../state/hooks';
import { BulletinCard } from './BulletinCard';
import { PublishBulletinForm } from './PublishBulletinForm';
import { bulletinEnded, owedBy } from './state';
import './bulletins.css';

export function BulletinsPanel() {
  const { t } = useTranslation();
  const bulletins = useVigie((s) => s.bulletins);
  const canPublish = useCan('publishBulletin');
  const { clock } = useOperationClock();
  const now = useNow(clock);
  const [publishing, setPublishing] = useState(false);
  const inForce = bulletins.filter((b) => !bulletinEnded(b, now) && Date.parse(b.validFrom) <= now);
  const ended = bulletins.filter((b) => bulletinEnded(b, now));

  return (
    <div className="bulletins-panel" data-testid="bulletins-panel">
      {canPublish &&
        (publishing ? (
          <PublishBulletinForm onDone={() => setPublishing(false)} />
        ) : (
          <button
            type="button"
            className="btn-primary bulletin-publish"
            data-testid="bulletin-publish-open"
            onClick={() => setPublishing(true)}
          >
            {t('bulletins.publish')}
          </button>
        ))}
      {inForce.length === 0 && <p className="hint bulletins-empty">{t('bulletins.empty')}</p>}
      <ul className="bulletin-list" data-testid="bulletin-list">
        {inForce.map((b) => (
          <BulletinCard key={b.id} bulletin={b} now={now} />
        ))}
      </ul>
      {ended.length > 0 && (
        <ul className="bulletin-list bulletin-ended" data-testid="bulletin-ended">
          {ended.map((b) => (
            <BulletinCard key={b.id} bulletin={b} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The tab's count: bulletins in force this desk has not acknowledged. */
export function useOwedBulletins(): number {
  const bulletins = useVigie((s) => s.bulletins);
  const desk = useVigie((s) => s.session?.operator?.desk);
  const { clock } = useOperationClock();
  const now = useNow(clock);
  return bulletins.filter((b) => owedBy(b, desk, now)).length;
}
