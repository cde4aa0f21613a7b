// The viewer's filter inputs. A field the service (or the time parser) refused is marked and says
// why under it.
import { useTranslation } from 'react-i18next';
import { ACTION_SUGGESTIONS, ENTITY_TYPES, type FilterField, type FilterForm } from './filters';

const TEXT_MAX: Record<FilterField, number> = {
  operator: 200,
  desk: 64,
  entityType: 64,
  entityId: 64,
  action: 100,
  from: 16,
  to: 16,
};

export function FilterFields({
  value,
  bad,
  onChange,
}: {
  value: FilterForm;
  bad: Partial<Record<FilterField, string>>;
  onChange: (next: FilterForm) => void;
}) {
  const { t } = useTranslation();
  const field = (k: FilterField, extra: { type?: string; list?: string; placeholder?: string } = {}) => (
    <label key={k} className={bad[k] ? 'jv-field invalid' : 'jv-field'}>
      <span>{t(`journalViewer.fields.${k}`)}</span>
      <input
        {...extra}
        data-testid={`journal-filter-${k}`}
        value={value[k]}
        maxLength={TEXT_MAX[k]}
        aria-invalid={bad[k] ? true : undefined}
        onChange={(e) => onChange({ ...value, [k]: e.target.value })}
      />
      {bad[k] && (
        <small className="jv-field-error" role="alert">
          {bad[k]}
        </small>
      )}
    </label>
  );
  return (
    <div className="jv-fields">
      {field('operator', { placeholder: t('journalViewer.hints.operator') })}
      {field('desk', { placeholder: t('journalViewer.hints.desk') })}
      {field('entityType', { list: 'jv-entity-types' })}
      {field('entityId')}
      {field('action', { list: 'jv-actions', placeholder: t('journalViewer.hints.action') })}
      {field('from', { type: 'datetime-local' })}
      {field('to', { type: 'datetime-local' })}
      <datalist id="jv-entity-types">
        {ENTITY_TYPES.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      <datalist id="jv-actions">
        {ACTION_SUGGESTIONS.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
    </div>
  );
}
