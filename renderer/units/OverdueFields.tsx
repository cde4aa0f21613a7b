// Overdue thresholds per priority: minutes to acknowledge and to be on scene (empty = no deadline).
import { useTranslation } from 'react-i18next';
import type { OverdueThresholds } from '../../shared/overdue';

const PRIORITIES = [1, 2, 3, 4] as const;
type Which = keyof OverdueThresholds;

export function OverdueFields({
  value,
  onChange,
}: {
  value: OverdueThresholds;
  onChange: (v: OverdueThresholds) => void;
}) {
  const { t } = useTranslation();
  const set = (which: Which, p: (typeof PRIORITIES)[number], raw: string) =>
    onChange({ ...value, [which]: { ...value[which], [p]: raw.trim() === '' ? null : Number(raw) } });
  return (
    <fieldset className="overdue-fields" data-testid="settings-overdue">
      <legend>{t('settings.overdue')}</legend>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('settings.overdueAck')}</th>
            <th>{t('settings.overdueOnScene')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th>P{p}</th>
              {(['acknowledgeMinutes', 'onSceneMinutes'] as const).map((which) => (
                <td key={which}>
                  <input
                    type="number"
                    min={1}
                    max={1440}
                    data-testid={`settings-${which}-${p}`}
                    value={value[which][p] ?? ''}
                    onChange={(e) => set(which, p, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
