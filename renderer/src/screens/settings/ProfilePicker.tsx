import { useState, type ReactNode } from 'react';
import type { SwitcherDto } from '../../../../preload/contract.ts';
import { useCall } from '../../components/use-call.ts';
import { useApi } from '../../api.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useT } from '../../i18n.ts';

/**
 * Which profile Settings edits (and the app uses): pick one, add one (where the installer allows),
 * remove one the user added. Settings shows the picked profile's values.
 */
export function ProfilePicker({ switcher }: { switcher: SwitcherDto }): ReactNode {
  const api = useApi();
  const t = useT();
  const [name, setName] = useState('');
  const [error, run] = useCall();
  const current = switcher.profiles.find((p) => p.name === switcher.profile);
  const removable = current !== undefined && current.name !== 'default' && !current.fromInstaller;
  return (
    <fieldset className="profiles">
      <legend>{t('Profile')}</legend>
      {error ? <ErrorNotice error={error} /> : null}
      <label htmlFor="profile-select">{t('Settings of profile')}</label>{' '}
      <select
        id="profile-select"
        value={switcher.profile}
        onChange={(event) => void run(api.useProfile(event.target.value))}
      >
        {switcher.profiles.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
            {p.fromInstaller ? ` ${t('(set by your organisation)')}` : ''}
            {p.configured ? '' : ` ${t('(not set up)')}`}
          </option>
        ))}
      </select>{' '}
      {removable ? (
        <button type="button" onClick={() => void run(api.removeProfile(switcher.profile))}>
          {t('Remove profile {{name}}', { name: switcher.profile })}
        </button>
      ) : null}
      {switcher.canAddProfiles ? (
        <form
          className="add-profile"
          onSubmit={(event) => {
            event.preventDefault();
            void run(api.addProfile(name)).then((added) => added && setName(''));
          }}
        >
          <label htmlFor="new-profile">{t('New profile')}</label>{' '}
          <input
            id="new-profile"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="prod"
          />{' '}
          <button type="submit" disabled={name.trim() === ''}>
            {t('Add profile')}
          </button>
        </form>
      ) : null}
    </fieldset>
  );
}
