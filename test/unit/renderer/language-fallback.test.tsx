/** A German catalog that cannot load: the window stays in English and keeps working. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api.tsx';
import { App } from '../../../renderer/src/App.tsx';
import { PROVIDER, fakeApi } from '../../fakes/fake-api.ts';

vi.mock('../../../renderer/src/locales/de.ts', () => {
  throw new Error('the German chunk is missing');
});

afterEach(cleanup);

it('stays in English when the German texts cannot load, and the buttons still work', async () => {
  const api = fakeApi({
    status: 'signed-out',
    provider: PROVIDER,
    identityProviders: [],
    emailFirst: false,
    language: 'de',
  });
  render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
  const button = await screen.findByRole('button', { name: 'Sign in' });
  // Give the failed load its turn: still English, and the page says so.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.getByRole('button', { name: 'Sign in' })).toBe(button);
  expect(document.documentElement.lang).not.toBe('de');
  await userEvent.click(button);
  expect(api.signIn).toHaveBeenCalledTimes(1);
});
