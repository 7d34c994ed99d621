import { t } from '../../i18n';
import { AccountsField } from './AccountsField';

interface AccountsNewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  label: string;
  confirmLabel: string;
  error?: string | undefined;
  confirmError?: string | undefined;
}

/** A new password typed twice (the reset and change-password screens). */
export function AccountsNewPasswordFields(props: AccountsNewPasswordFieldsProps) {
  return (
    <>
      <AccountsField
        name="newPassword"
        type="password"
        label={props.label}
        hint={t('reset.passwordHint')}
        value={props.password}
        onInput={props.onPassword}
        autoComplete="new-password"
        error={props.error}
      />
      <AccountsField
        name="confirmPassword"
        type="password"
        label={props.confirmLabel}
        value={props.confirm}
        onInput={props.onConfirm}
        autoComplete="new-password"
        error={props.confirmError}
      />
    </>
  );
}

/** What to say about two new-password fields before sending, or nothing. */
export function newPasswordProblems(password: string, confirm: string): { password?: string; confirm?: string } {
  if (!password) return { password: t('errors.required') };
  if (password !== confirm) return { confirm: t('reset.mismatch') };
  return {};
}
