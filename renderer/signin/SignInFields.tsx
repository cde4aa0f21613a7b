// Who signs in at the desk: login, passphrase, desk. The sign-in screen and the lock screen's
// "someone else" form ask the same three things with the same limits as the contract.
import { useTranslation } from 'react-i18next';
import { TextField } from '../panels/TextField';
import type { SignInInput } from '../state/types';

export function SignInFields(props: {
  value: SignInInput;
  onChange: (value: SignInInput) => void;
  /** Prefix of the fields' test ids: `${prefix}-login`, `-passphrase`, `-desk`. */
  testIdPrefix: string;
  autoFocus?: boolean;
}) {
  const { value, onChange, testIdPrefix, autoFocus } = props;
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('signIn.login')}
        data-testid={`${testIdPrefix}-login`}
        value={value.login}
        onChange={(login) => onChange({ ...value, login })}
        required
        maxLength={40}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={autoFocus}
      />
      <TextField
        label={t('signIn.passphrase')}
        type="password"
        data-testid={`${testIdPrefix}-passphrase`}
        value={value.passphrase}
        onChange={(passphrase) => onChange({ ...value, passphrase })}
        required
        maxLength={200}
        autoComplete="current-password"
      />
      <TextField
        label={t('signIn.desk')}
        data-testid={`${testIdPrefix}-desk`}
        value={value.desk}
        onChange={(desk) => onChange({ ...value, desk })}
        required
        maxLength={40}
        placeholder={t('signIn.deskHint')}
      />
    </>
  );
}
