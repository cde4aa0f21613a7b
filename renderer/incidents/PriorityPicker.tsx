// The form's priority control: a radio group of P1-P4, keys 1-4 and the arrows choose inside it.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../shared/domain';
import { ShortcutHint } from '../common/ShortcutHint';
import { PRIORITY_VAR } from '../map/palette';

const isPriorityKey = (k: string): k is '1' | '2' | '3' | '4' => ['1', '2', '3', '4'].includes(k);

export function PriorityPicker({ value, onChange }: { value: Priority; onChange: (p: Priority) => void }) {
  const { t } = useTranslation();

  const onPriorityKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = PRIORITIES.indexOf(value);
    let next: Priority | undefined;
    if (isPriorityKey(e.key)) next = Number(e.key) as Priority;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = PRIORITIES[Math.min(3, i + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = PRIORITIES[Math.max(0, i - 1)];
    if (!next) return;
    e.preventDefault();
    onChange(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-priority="${next}"]`)?.focus();
  };

  return (
    <div className="form-field">
      <span id="form-priority-label">
        {t('incident.priority')} <ShortcutHint keys={['1', '2', '3', '4']} />
      </span>
      <div
        className="priority-picker"
        role="radiogroup"
        aria-labelledby="form-priority-label"
        data-testid="form-priority"
        onKeyDown={onPriorityKey}
      >
        {PRIORITIES.map((p) => (
          <button
            key={p}
            type="button"
            role="radio"
            data-priority={p}
            aria-checked={value === p}
            aria-label={t(`priority.${p}`)}
            tabIndex={value === p ? 0 : -1}
            className="prio-option"
            style={{ color: PRIORITY_VAR[p], borderColor: PRIORITY_VAR[p] }}
            onClick={() => onChange(p)}
          >
            P{p}
          </button>
        ))}
      </div>
    </div>
  );
}
