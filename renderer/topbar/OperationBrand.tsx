// Vigie, the operation's name and EXERCISE in an exercise: the start of the console's top bar and
// of the wall screen's (which sizes them for a large display: wall.css).
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/hooks';

export function OperationBrand({ className = 'brand' }: { className?: string }) {
  const { t } = useTranslation();
  const op = useSession()?.operation;
  return (
    <div className={className}>
      <span className="brand-name">{t('app.name')}</span>
      {op && (
        <span className="operation-name" data-testid="operation-name">
          {op.name}
        </span>
      )}
      {op?.mode === 'exercise' && (
        <span className="exercise-badge" data-testid="exercise-badge" title={t('topbar.exerciseHint')}>
          {t('topbar.exercise')}
        </span>
      )}
    </div>
  );
}
