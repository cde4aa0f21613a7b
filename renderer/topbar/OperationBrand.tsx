// Vigie, the operation's name and EXERCISE in an exercise: the start of the console's top bar and
// of the wall screen's (which sizes them for a large display: wall.css).
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/hooks';

export function OperationBrand({
  className = 'brand',
  badge = true,
}: {
  className?: string;
  /** The console's bar shows the EXERCISE badge by its clock instead, where it is never cut. */
  badge?: boolean;
}) {
  const op = useSession()?.operation;
  const { t } = useTranslation();
  return (
    <div className={className}>
      <span className="brand-name">{t('app.name')}</span>
      {op && (
        <span className="operation-name" data-testid="operation-name" title={op.name}>
          {op.name}
        </span>
      )}
      {badge && <ExerciseBadge />}
    </div>
  );
}

/**
 * EXERCISE, when the operation is one: nobody may take the picture for real. With the clock's state
 * when the director has paused it or runs it faster (every desk must know its ages stand still).
 */
export function ExerciseBadge() {
  const { t } = useTranslation();
  const op = useSession()?.operation;
  if (op?.mode !== 'exercise') return null;
  const c = op.clock;
  const state = c?.state === 'paused' ? t('exercise.paused') : c && c.rate > 1 ? `${c.rate}×` : null;
  return (
    <span
      className={c?.state === 'paused' ? 'exercise-badge paused' : 'exercise-badge'}
      data-testid="exercise-badge"
      data-clock={c?.state ?? 'running'}
      title={t('topbar.exerciseHint')}
    >
      {t('topbar.exercise')}
      {state && <span className="exercise-state"> · {state}</span>}
    </span>
  );
}
