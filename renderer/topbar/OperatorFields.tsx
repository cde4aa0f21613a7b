// Who signs in at the desk: name, role, desk. The top bar's sign-in form and the lock screen's
// "someone else" form ask the same three things with the same limits as the contract.
import { useTranslation } from 'react-i18next';
import { TextField } from '../panels/TextField';

export interface OperatorInput {
  name: string;
  role: string;
  desk: string;
}

export function OperatorFields(props: {
  value: OperatorInput;
  onChange: (value: OperatorInput) => void;
  /** Prefix of the fields' test ids: `${prefix}-name`, `-role`, `-desk`. */
  testIdPrefix: string;
  autoFocus?: boolean;
}) {
  const { value, onChange, testIdPrefix, autoFocus } = props;
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('signin.name')}
        data-testid={`${testIdPrefix}-name`}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        required
        maxLength={200}
        autoComplete="name"
        autoFocus={autoFocus}
      />
      <TextField
        label={t('signin.role')}
        data-testid={`${testIdPrefix}-role`}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        required
        maxLength={200}
      />
      <TextField
        label={t('signin.desk')}
        data-testid={`${testIdPrefix}-desk`}
        value={value.desk}
        onChange={(desk) => onChange({ ...value, desk })}
        required
        maxLength={40}
      />
    </>
  );
}
