import { useEffect, useRef, type ReactNode } from 'react';
import type { SettingsDto, SwitcherDto } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { CheckPanel } from './settings/CheckPanel.tsx';
import { RegisterPanel } from './settings/RegisterPanel.tsx';
import { SecretField } from './settings/SecretField.tsx';
import { SettingsFields } from './settings/SettingsFields.tsx';
import { ProfilePicker } from './settings/ProfilePicker.tsx';
import { useSettingsEditor } from './settings/editor.ts';
import { useT } from '../i18n.ts';

/** Settings: the provider's details, the write-only secret, a configuration check, the URLs to register. */
export function Settings({
  onClose,
  firstRun,
  emulatorOffered,
  switcher,
  revision = 0,
}: {
  onClose: () => void;
  firstRun: boolean;
  emulatorOffered: boolean;
  /** The profiles: Settings edits the one in use. */
  switcher?: SwitcherDto | undefined;
  /** The app state's `settingsRevision`: when it changes, the screen reloads what it shows. */
  revision?: number;
}): ReactNode {
  const api = useApi();
  const t = useT();
  const [state, dispatch] = useSettingsEditor();
  // Validation replies can come back out of order: only the one for the latest values may show.
  const latestValidation = useRef(0);
  const { view, values, validation, report, error, status } = state;

  // Loaded again for each new revision; the editor keeps what was typed.
  useEffect(() => {
    void api.getSettings().then((result) => {
      dispatch(result.ok ? { type: 'loaded', view: result.value } : { type: 'failed', error: result.error });
    });
  }, [api, dispatch, revision]);

  if (!view || !values)
    return (
      <main className="centered">
        {error ? <ErrorNotice error={error} /> : <p>{t('Loading settings…')}</p>}
      </main>
    );

  const validate = (next: SettingsDto, showAll: boolean): Promise<boolean> => {
    const request = ++latestValidation.current;
    return api.validateSettings(next).then((result) => {
      if (result.ok && request === latestValidation.current)
        dispatch({ type: 'validated', validation: result.value, showAll });
      return result.ok && result.value.problems.length === 0;
    });
  };
  const change = (key: keyof SettingsDto, value: string): void => {
    dispatch({ type: 'typed', key, value });
    void validate({ ...values, [key]: value }, false);
  };
  const save = async (): Promise<void> => {
    if (!(await validate(values, true))) {
      dispatch({ type: 'not-saved' });
      return;
    }
    const clientSecret = state.removeSecret ? '' : state.secret !== '' ? state.secret : undefined;
    const result = await api.saveSettings({
      values,
      ...(clientSecret !== undefined ? { clientSecret } : {}),
    });
    dispatch(result.ok ? { type: 'saved', view: result.value } : { type: 'failed', error: result.error });
  };
  const check = async (): Promise<void> => {
    dispatch({ type: 'checking' });
    const result = await api.checkConfiguration(values);
    dispatch(result.ok ? { type: 'checked', report: result.value } : { type: 'failed', error: result.error });
  };
  const switchToEmulator = async (): Promise<void> => {
    const result = await api.useEmulator();
    if (result.ok) onClose();
    else dispatch({ type: 'failed', error: result.error });
  };

  return (
    <main className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('Settings')}</h1>
      {firstRun ? (
        <p className="lead">
          {t(
            'Enter your Cognito user pool’s details to start. The client secret, if your app client has one, is kept in your system keychain.',
          )}
        </p>
      ) : null}
      {firstRun && emulatorOffered ? (
        <p>
          <button type="button" onClick={() => void switchToEmulator()}>
            {t('Use the local Cognito emulator')}
          </button>{' '}
          {t('(development: try the app without AWS)')}
        </p>
      ) : null}
      {switcher ? <ProfilePicker switcher={switcher} /> : null}
      {view.managed.length > 0 ? (
        <p className="lead" id="managed-note">
          {t('Some of these settings are managed by your organization and cannot be changed here.')}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <SettingsFields
          view={view}
          values={values}
          validation={validation}
          onChange={change}
          secretField={
            <SecretField
              secret={state.secret}
              hasClientSecret={view.hasClientSecret}
              removeSecret={state.removeSecret}
              onSecretChange={(secret) => dispatch({ type: 'secret-typed', secret })}
              onRemoveChange={(remove) => dispatch({ type: 'remove-secret-set', remove })}
            />
          }
        />
        <div className="actions sticky-actions">
          <button type="submit" className="primary">
            {t('Save')}
          </button>
          <button type="button" onClick={() => void check()}>
            {t('Check configuration')}
          </button>
          <button type="button" onClick={onClose}>
            {t('Close')}
          </button>
          <p role="status" className="status">
            {status && t(status)}
          </p>
        </div>
      </form>
      {report ? <CheckPanel report={report} /> : null}
      <RegisterPanel
        callbackUrl={validation?.callbackUrl ?? view.callbackUrl}
        signOutUrl={validation?.signOutUrl ?? view.signOutUrl}
      />
    </main>
  );
}
