/** Component tests of each screen, with a scripted window.api (test/fakes/fake-api.ts). */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api.tsx';
import { App } from '../../../renderer/src/App.tsx';
import type { Api, AppState, ProfileDto } from '../../../preload/contract.ts';
import { PROVIDER, SETTINGS_VIEW, fakeApi, ok } from '../../fakes/fake-api.ts';
import { ERROR_TITLES } from '../../../renderer/src/messages.ts';
import { followLanguage } from '../../../renderer/src/i18n.ts';
import { SETTINGS_SECTIONS } from '../../../renderer/src/screens/settings/SettingsFields.tsx';
import { SETTINGS_FIELDS } from '../../../preload/contract.ts';
import { readFileSync } from 'node:fs';

afterEach(cleanup);

const NOW = Date.now();
const SIGNED_OUT = {
  status: 'signed-out',
  provider: PROVIDER,
  identityProviders: [],
  emailFirst: false,
} as const satisfies AppState;
const PROFILE: ProfileDto = {
  username: 'alice@example.com',
  usernameClaim: 'email',
  subject: 'sub-123',
  email: 'alice@example.com',
  emailVerified: true,
  groups: ['admins', 'readers'],
  expiresAt: NOW + 42 * 60_000,
  signedInAt: NOW,
  persisted: true,
};

const SIGNED_IN = {
  status: 'signed-in',
  provider: PROVIDER,
  profile: PROFILE,
  autoRefresh: true,
  aws: false,
} as const satisfies AppState;

/** Waiting for the browser, five minutes left, the device flow not offered. */
const WAITING = {
  status: 'waiting',
  provider: PROVIDER,
  startedAt: NOW,
  expiresAt: NOW + 300_000,
  offersDevice: false,
} as const satisfies AppState;

function renderApp(api: Api): void {
  render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
}

/** Signed out; Sign in is pressed and the call fails with a network error, which is shown. */
async function signInThatFails(): Promise<ReturnType<typeof fakeApi>> {
  const api = fakeApi(SIGNED_OUT);
  api.signIn = () =>
    Promise.resolve({ ok: false, error: { code: 'network', message: 'Could not reach the provider.' } });
  renderApp(api);
  await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
  expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the sign-in service');
  return api;
}

describe('signed out', () => {
  it('shows the provider, a Sign in button and what will happen; the button signs in', async () => {
    const api = fakeApi({
      ...SIGNED_OUT,
    });
    renderApp(api);
    const button = await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByText(PROVIDER.name)).toBeTruthy();
    expect(screen.getByText(/browser opens to sign in/)).toBeTruthy();
    await userEvent.click(button);
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('offers one "Continue with" button per identity provider, focused, and the hosted page as another option', async () => {
    const api = fakeApi({
      status: 'signed-out',
      provider: PROVIDER,
      identityProviders: [
        { name: 'Google', label: 'Google' },
        { name: 'AcmeSAML', label: 'Acme staff' },
      ],
      emailFirst: false,
    });
    renderApp(api);
    const google = await screen.findByRole('button', { name: 'Continue with Google' });
    const group = screen.getByRole('group', { name: 'Sign in with' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['GContinue with Google', 'AContinue with Acme staff']);
    expect(document.activeElement).toBe(google);
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    // Keyboard: Tab moves to the next provider, Enter starts it.
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(api.signInWith).toHaveBeenCalledWith('AcmeSAML');
    await userEvent.click(screen.getByRole('button', { name: 'Other sign-in options' }));
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('with email-first on, asks for the email and signs in with it', async () => {
    const api = fakeApi({
      status: 'signed-out',
      provider: PROVIDER,
      identityProviders: [],
      emailFirst: true,
    });
    renderApp(api);
    const field = await screen.findByLabelText('Your work email');
    expect(document.activeElement).toBe(field);
    await userEvent.type(field, 'carol@acme.example{Enter}');
    expect(api.signInWithEmail).toHaveBeenCalledWith('carol@acme.example');
    expect(screen.getByRole('button', { name: 'Other sign-in options' })).toBeTruthy();
  });

  it('shows a readable error by code, with a way to Settings for settings problems', async () => {
    const api = fakeApi({
      ...SIGNED_OUT,
      error: { code: 'port_in_use', message: 'Port 47621 on this computer is in use by another program.' },
    });
    renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Another program is using the sign-in port')).toBeTruthy();
    expect(within(alert).getByText(/Port 47621/)).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: 'Open Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
  });

  it.each(['tls_untrusted', 'proxy_unreachable', 'proxy_auth'] as const)(
    'offers Settings (proxy, extra CAs) for %s, with its own title',
    async (code) => {
      renderApp(
        fakeApi({
          ...SIGNED_OUT,
          error: { code, message: 'The details.' },
        }),
      );
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText(ERROR_TITLES[code])).toBeTruthy();
      expect(within(alert).getByRole('button', { name: 'Open Settings' })).toBeTruthy();
    },
  );

  it('shows an error returned by the sign-in call', async () => {
    await signInThatFails();
  });
});

describe('errors pushed by the main process', () => {
  it('show a newer state’s error even after a failed call of the screen’s own', async () => {
    const api = await signInThatFails();
    act(() =>
      api.emit({
        ...SIGNED_OUT,
        error: { code: 'keychain_locked', message: 'The OS keychain is locked.' },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('The system keychain is locked');
    act(() => api.emit({ ...SIGNED_OUT }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('signed in: a refresh error pushed later shows though the page showed another', async () => {
    const state: AppState = { ...SIGNED_IN };
    const api = fakeApi(state);
    api.callUserInfo = () =>
      Promise.resolve({ ok: false, error: { code: 'network', message: 'Could not reach the provider.' } });
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: /userinfo/i }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the sign-in service');
    act(() => api.emit({ ...state, error: { code: 'provider_rejected', message: 'The provider refused.' } }));
    expect((await screen.findByRole('alert')).textContent).toContain('The sign-in service refused');
  });
});

describe('waiting', () => {
  it('offers signing in on another device where the provider has it, and shows the code and a QR code', async () => {
    const api = fakeApi({
      ...WAITING,
      offersDevice: true,
    });
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in on another device' }));
    expect(api.signInOnAnotherDevice).toHaveBeenCalled();
    act(() =>
      api.emit({
        ...WAITING,
        expiresAt: NOW + 600_000,
        offersDevice: true,
        device: {
          userCode: 'BCDF-GHJK',
          verificationUri: 'https://idp.example/device',
          qr: ['101', '010', '111'],
        },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Sign in on another device' })).toBeTruthy();
    expect(screen.getByLabelText('Code').textContent).toBe('BCDF-GHJK');
    expect(screen.getByText('https://idp.example/device').tagName).toBe('STRONG');
    const qr = screen.getByRole('img', { name: 'QR code of the address with the code' });
    // One dark square per 1 (and the white ground).
    expect(qr.querySelectorAll('rect')).toHaveLength(1 + 6);
    expect(screen.getByText(/^The code expires in \d+ min/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.cancelSignIn).toHaveBeenCalled();
  });

  it('does not offer another device where the provider has no device flow', async () => {
    renderApp(
      fakeApi({
        ...WAITING,
      }),
    );
    await screen.findByRole('button', { name: 'Copy sign-in link' });
    expect(screen.queryByRole('button', { name: 'Sign in on another device' })).toBeNull();
  });

  it('says to finish in the browser, shows time, and offers cancel, copy and open again', async () => {
    const api = fakeApi({
      status: 'waiting',
      provider: PROVIDER,
      startedAt: NOW - 65_000,
      expiresAt: NOW + 235_000,
      offersDevice: false,
    });
    renderApp(api);
    expect(await screen.findByRole('heading', { name: 'Finish signing in in your browser' })).toBeTruthy();
    expect(screen.getByText(/1 min 0\d s so far, gives up in 3 min 5\d s/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copy sign-in link' }));
    expect(api.copySignInLink).toHaveBeenCalled();
    expect(await screen.findByRole('button', { name: 'Link copied' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open browser again' }));
    expect(api.openBrowserAgain).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.cancelSignIn).toHaveBeenCalled();
  });

  it('moves to the signed-in screen when the state changes', async () => {
    const api = fakeApi({
      ...WAITING,
    });
    renderApp(api);
    await screen.findByRole('heading', { name: 'Finish signing in in your browser' });
    act(() => api.emit({ ...SIGNED_IN }));
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeTruthy();
  });
});

describe('signed in', () => {
  const state: AppState = SIGNED_IN;

  it('shows the user, the profile and the session', async () => {
    renderApp(fakeApi(state));
    await screen.findByRole('heading', { name: 'Profile' });
    expect(screen.getByLabelText('Signed in as').textContent).toBe('alice@example.com');
    expect(screen.getByText('admins, readers')).toBeTruthy();
    expect(screen.getByText('sub-123')).toBeTruthy();
    expect(screen.getByText(/^4[12] min/)).toBeTruthy();
    expect(screen.getByText('on')).toBeTruthy();
  });

  it('says how the user signed in: the pool, or a federated provider with its type', async () => {
    renderApp(fakeApi(state));
    expect(await screen.findByText('the user pool’s own sign-in')).toBeTruthy();
    cleanup();
    const google = { providerName: 'Google', providerType: 'Google' };
    renderApp(fakeApi({ ...state, profile: { ...PROFILE, signedInWith: google } }));
    expect(await screen.findByText('Google')).toBeTruthy();
    cleanup();
    const saml = { providerName: 'AcmeSAML', providerType: 'SAML' };
    renderApp(fakeApi({ ...state, profile: { ...PROFILE, signedInWith: saml } }));
    expect(await screen.findByText('AcmeSAML (SAML)')).toBeTruthy();
  });

  it('calls the configured API and shows status, time and body', async () => {
    const api = fakeApi({ ...state, apiUrl: 'https://api.example.com/hello' });
    renderApp(api);
    expect(await screen.findByText('https://api.example.com/hello')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Call API' }));
    expect((await screen.findByLabelText('API status')).textContent).toBe('200 OK · 84 ms');
    expect(screen.getByLabelText('API answer').textContent).toContain('"hello": "alice"');
    expect(api.callApi).toHaveBeenCalledTimes(1);
    expect(api.callUserInfo).not.toHaveBeenCalled();
  });

  it('shows the AWS credentials as ready, with identity, role and expiry, or why not; never asks without an Identity Pool', async () => {
    const api = fakeApi({ ...state, aws: true });
    renderApp(api);
    const panel = await screen.findByRole('region', { name: 'AWS credentials' });
    await within(panel).findByText('ready');
    expect(within(panel).getByText('eu-west-1:11111111-2222-3333-4444-555555555555')).toBeTruthy();
    expect(within(panel).getByText('the Identity Pool’s authenticated role')).toBeTruthy();
    expect(within(panel).getByText(/^5[89] min/)).toBeTruthy();
    cleanup();
    const failing = fakeApi({ ...state, aws: true });
    failing.getAwsStatus = () =>
      Promise.resolve(
        ok({
          state: 'failed' as const,
          error: {
            code: 'provider_rejected' as const,
            message: 'Cognito Identity: NotAuthorizedException: no.',
          },
        }),
      );
    renderApp(failing);
    expect((await screen.findByRole('alert')).textContent).toContain('NotAuthorizedException');
    cleanup();
    const without = fakeApi(state);
    renderApp(without);
    await screen.findByRole('heading', { name: 'Profile' });
    expect(screen.queryByRole('region', { name: 'AWS credentials' })).toBeNull();
    expect(without.getAwsStatus).not.toHaveBeenCalled();
  });

  it('calls the API through main and shows the JSON answer', async () => {
    const api = fakeApi(state);
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Call userinfo' }));
    expect((await screen.findByLabelText('API answer')).textContent).toContain('"email": "a@example.com"');
  });

  it('signs out from the header button', async () => {
    const api = fakeApi(state);
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(api.signOut).toHaveBeenCalled();
  });

  it('keeps a notice up when the session will not be remembered', async () => {
    renderApp(fakeApi({ ...state, profile: { ...PROFILE, persisted: false } }));
    expect((await screen.findByRole('status')).textContent).toContain('will not be remembered');
  });
});

describe('settings', () => {
  it('opens on first run, offers the emulator in development, and never shows the secret', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: true });
    renderApp(api);
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    const secret = await screen.findByLabelText('Client secret');
    expect((secret as HTMLInputElement).value).toBe('');
    expect((secret as HTMLInputElement).type).toBe('password');
    expect(screen.getByText(/A secret is stored\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Use the local Cognito emulator' }));
    expect(api.useEmulator).toHaveBeenCalled();
  });

  it('shows validation errors beside the field and does not save', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    api.validateSettings = () =>
      Promise.resolve(
        ok({
          problems: [{ setting: 'redirectUri' as const, message: 'Redirect URI must name a port.' }],
          callbackUrl: 'http://127.0.0.1/callback',
          signOutUrl: 'http://127.0.0.1/signed-out',
        }),
      );
    renderApp(api);
    const field = await screen.findByLabelText(/Redirect URI/);
    fireEvent.change(field, { target: { value: 'http://127.0.0.1/callback' } });
    expect(await screen.findByText('Redirect URI must name a port.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(screen.getByText(/Not saved/)).toBeTruthy();
  });

  it('shows the problems of the latest values when validation replies come back out of order', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    const replies: ((problems: { setting: 'redirectUri'; message: string }[]) => void)[] = [];
    api.validateSettings = () =>
      new Promise((resolve) =>
        replies.push((problems) =>
          resolve(
            ok({ problems, callbackUrl: SETTINGS_VIEW.callbackUrl, signOutUrl: SETTINGS_VIEW.signOutUrl }),
          ),
        ),
      );
    renderApp(api);
    const field = await screen.findByLabelText(/Redirect URI/);
    fireEvent.change(field, { target: { value: 'http://127.0.0.1/callback' } });
    fireEvent.change(field, { target: { value: 'http://127.0.0.1:47621/callback' } });
    expect(replies).toHaveLength(2);
    // The reply for the latest (valid) value arrives first, the stale one last.
    const reply = async (index: number, problems: { setting: 'redirectUri'; message: string }[]) => {
      replies[index]!(problems);
      await Promise.resolve();
    };
    await act(() => reply(1, []));
    await act(() => reply(0, [{ setting: 'redirectUri', message: 'Redirect URI must name a port.' }]));
    expect(screen.queryByText('Redirect URI must name a port.')).toBeNull();
    expect(field.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('saves values and a new secret, then clears the secret field', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    renderApp(api);
    const secret = await screen.findByLabelText('Client secret');
    await userEvent.type(secret, 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveSettings).toHaveBeenCalledWith({ values: SETTINGS_VIEW.values, clientSecret: 's3cret' }),
    );
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect((secret as HTMLInputElement).value).toBe('');
  });

  it('runs the configuration check and shows each check with a tick or the fix; copies the URLs', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Check configuration' }));
    expect(await screen.findByText('Close the program using the port.')).toBeTruthy();
    expect(screen.getByText('passed')).toBeTruthy();
    expect(screen.getByText(/passed with a warning/)).toBeTruthy();
    expect(screen.getByText(/failed/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copy Allowed callback URL' }));
    expect(api.copyText).toHaveBeenCalledWith('http://127.0.0.1:47621/callback');
  });

  it('shows installer-locked settings read-only', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    api.getSettings = () =>
      Promise.resolve(ok({ ...SETTINGS_VIEW, locked: ['discoveryUrl'], fromInstaller: ['clientId'] }));
    renderApp(api);
    const discovery = await screen.findByLabelText(/Discovery URL/);
    expect((discovery as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getByText('set by your organisation')).toBeTruthy();
    expect(screen.getByText('from installer')).toBeTruthy();
    expect(screen.queryByText(/cannot be changed here/)).toBeNull();
  });

  it('shows policy-managed settings read-only, marked managed, with a note at the top', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    api.getSettings = () =>
      Promise.resolve(ok({ ...SETTINGS_VIEW, locked: ['discoveryUrl', 'proxy'], managed: ['discoveryUrl'] }));
    renderApp(api);
    const discovery = await screen.findByLabelText(/Discovery URL/);
    expect((discovery as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getAllByText('Managed by your organization')).toHaveLength(1);
    expect(screen.getAllByText('set by your organisation')).toHaveLength(1);
    expect(screen.getByText(/managed by your organization and cannot be changed here/)).toBeTruthy();
  });

  it('follows a policy change while open: a newly managed field takes its value, read-only; edits stay', async () => {
    const api = fakeApi(SIGNED_OUT);
    renderApp(api);
    await screen.findByRole('button', { name: 'Sign in' });
    act(() => api.openSettings());
    const clientId = await screen.findByLabelText<HTMLInputElement>(/Client ID/);
    await userEvent.clear(clientId);
    await userEvent.type(clientId, 'typed-id');
    // An edit of a field the policy then takes over gives way to the policy's value.
    await userEvent.type(screen.getByLabelText(/Discovery URL/), '-edited');
    const NEW_POOL = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_New';
    const changed = {
      ...SETTINGS_VIEW,
      values: { ...SETTINGS_VIEW.values, discoveryUrl: NEW_POOL, scopes: 'openid' },
      locked: ['discoveryUrl' as const],
      managed: ['discoveryUrl' as const],
    };
    api.getSettings = vi.fn(() => Promise.resolve(ok(changed)));
    // Another state without a new revision: nothing to reload.
    act(() => api.emit({ ...SIGNED_OUT }));
    expect(api.getSettings).not.toHaveBeenCalled();
    act(() => api.emit({ ...SIGNED_OUT, settingsRevision: 1 }));
    await screen.findByText(/Your organization changed these settings/);
    const discovery = screen.getByLabelText<HTMLInputElement>(/Discovery URL/);
    expect(discovery.value).toBe(NEW_POOL);
    expect(discovery.readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>(/Client ID/).value).toBe('typed-id');
    expect(screen.getByLabelText<HTMLInputElement>(/^Scopes/).value).toBe('openid');
    expect(api.getSettings).toHaveBeenCalledTimes(1);
  });

  it('opens from the menu and closes back to the app', async () => {
    const api = fakeApi({
      ...SIGNED_OUT,
    });
    renderApp(api);
    await screen.findByRole('button', { name: 'Sign in' });
    act(() => api.openSettings());
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('groups the fields in sections, every field in exactly one, the secret under Provider', async () => {
    renderApp(fakeApi({ status: 'unconfigured', emulatorOffered: false }));
    await screen.findByLabelText(/Discovery URL/);
    const sections = screen.getAllByRole('group').filter((g) => g.classList.contains('settings-section'));
    expect(sections.map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Provider',
      'Sign-in',
      'Network',
      'AWS and API',
      'Advanced',
    ]);
    const placed = SETTINGS_SECTIONS.flatMap((section) => section.keys);
    expect([...placed].sort()).toEqual([...SETTINGS_FIELDS].sort());
    expect(new Set(placed).size).toBe(placed.length);
    expect(within(sections[0]!).getByLabelText('Client secret')).toBeTruthy();
    expect(within(sections[4]!).getByLabelText(/Start at login/)).toBeTruthy();
  });

  it('offers choices as selects, the default first, and saves the one picked', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    renderApp(api);
    const method = await screen.findByLabelText<HTMLSelectElement>(/Token endpoint authentication/);
    expect(method.tagName).toBe('SELECT');
    expect([...method.options].map((o) => o.value)).toEqual([
      'auto',
      'client_secret_basic',
      'client_secret_post',
    ]);
    for (const label of [/Email-first sign-in/, /API token/, /Keep running in the tray/, /Start at login/])
      expect(screen.getByLabelText(label).tagName).toBe('SELECT');
    await userEvent.selectOptions(screen.getByLabelText(/Start at login/), 'on');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.saveSettings).toHaveBeenCalledWith({
        values: { ...SETTINGS_VIEW.values, startAtLogin: 'on' },
      }),
    );
  });

  it('keeps Save in a bar that sticks to the bottom of the window', async () => {
    renderApp(fakeApi({ status: 'unconfigured', emulatorOffered: false }));
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save.parentElement?.classList.contains('sticky-actions')).toBe(true);
    expect(readFileSync('renderer/src/styles.css', 'utf8')).toMatch(
      /\.sticky-actions \{[^}]*position: sticky;[^}]*bottom: 0;/,
    );
  });

  it('is usable by keyboard: Tab reaches the fields and Enter saves', async () => {
    const api = fakeApi({ status: 'unconfigured', emulatorOffered: false });
    renderApp(api);
    await screen.findByLabelText(/Discovery URL/);
    await userEvent.tab();
    expect(document.activeElement?.id).toBe('field-discoveryUrl');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
  });
});

describe('proxy sign-in dialog', () => {
  const signedOut: AppState = {
    ...SIGNED_OUT,
  };

  it('opens over the screen when a proxy asks, focused on the user name; Sign in sends the answer once', async () => {
    const api = fakeApi(signedOut);
    renderApp(api);
    await screen.findByRole('button', { name: 'Sign in' });
    act(() =>
      api.askProxySignIn({ question: 'q1', proxy: 'proxy.corp:3128', realm: 'Corp', refused: false }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Sign in to the proxy' });
    expect(dialog.textContent).toContain('proxy.corp:3128 (Corp)');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('User name'));
    await userEvent.type(within(dialog).getByLabelText('User name'), 'alice');
    await userEvent.type(within(dialog).getByLabelText('Password'), 's3cret');
    await userEvent.click(within(dialog).getByLabelText('Remember in the system keychain'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(api.answerProxySignIn).toHaveBeenCalledWith({
      question: 'q1',
      answer: { username: 'alice', password: 's3cret', remember: true },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when the proxy refused, cancels with Escape, and closes when main says the question is over', async () => {
    const api = fakeApi(signedOut);
    renderApp(api);
    await screen.findByRole('button', { name: 'Sign in' });
    act(() => api.askProxySignIn({ question: 'q2', proxy: 'proxy.corp:3128', realm: '', refused: true }));
    expect((await screen.findByRole('alert')).textContent).toContain('refused that user name or password');
    await userEvent.keyboard('{Escape}');
    expect(api.answerProxySignIn).toHaveBeenCalledWith({ question: 'q2', answer: null });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => api.askProxySignIn({ question: 'q3', proxy: 'proxy.corp:3128', realm: '', refused: false }));
    await screen.findByRole('dialog');
    act(() => api.askProxySignIn(null));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('accounts and profiles', () => {
  const SWITCHER = {
    profile: 'default',
    canAddProfiles: true,
    profiles: [
      { name: 'default', selected: true, fromInstaller: false, configured: true },
      { name: 'prod', selected: false, fromInstaller: true, configured: true },
    ],
    accounts: [
      { profile: 'default', id: '', name: 'alice@example.com', active: true, signedIn: true },
      { profile: 'prod', id: 'b1', name: 'bob@example.com', active: true, signedIn: false },
    ],
  };

  it('lists every account with its profile, marks the one in use, switches, removes and adds by keyboard', async () => {
    const api = fakeApi({ ...SIGNED_IN, switcher: SWITCHER });
    api.signOutAccount = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'keychain_locked', message: 'The OS keychain is locked.' },
      });
    renderApp(api);
    const accounts = await screen.findByRole('region', { name: 'Accounts' });
    const rows = within(accounts).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'alice@example.com (default)in useRemove',
      'bob@example.com (prod)signed outSwitchRemove',
    ]);
    expect(rows[0]!.getAttribute('aria-current')).toBe('true');
    within(accounts).getByRole('button', { name: 'Switch to bob@example.com (prod)' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(api.useAccount).toHaveBeenCalledWith({ profile: 'prod', id: 'b1' });
    await userEvent.click(
      within(accounts).getByRole('button', { name: 'Remove alice@example.com (default)' }),
    );
    expect((await within(accounts).findByRole('alert')).textContent).toContain('The OS keychain is locked.');
    await userEvent.click(within(accounts).getByRole('button', { name: 'Add account…' }));
    expect(api.addAccount).toHaveBeenCalledTimes(1);
  });

  it('Manage profiles opens Settings with the profile picker: switch, add; installer profiles cannot be removed', async () => {
    const api = fakeApi({ ...SIGNED_IN, switcher: SWITCHER });
    api.getSettings = () => Promise.resolve(ok(SETTINGS_VIEW));
    renderApp(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Manage profiles…' }));
    const picker = await screen.findByLabelText('Settings of profile');
    await userEvent.selectOptions(picker, 'prod');
    expect(api.useProfile).toHaveBeenCalledWith('prod');
    expect(screen.queryByRole('button', { name: /Remove profile/ })).toBeNull();
    await userEvent.type(screen.getByLabelText('New profile'), 'staging{Enter}');
    expect(api.addProfile).toHaveBeenCalledWith('staging');
    act(() => api.emit({ ...SIGNED_IN, switcher: { ...SWITCHER, profile: 'prod', canAddProfiles: false } }));
    await waitFor(() => expect(screen.queryByLabelText('New profile')).toBeNull());
  });
});

describe('languages', () => {
  afterEach(() => followLanguage('en'));

  it('speaks the language the main process sends, and follows a change at once', async () => {
    const api = fakeApi({ ...SIGNED_OUT, language: 'de' });
    renderApp(api);
    const button = await screen.findByRole('button', { name: 'Anmelden' });
    expect(screen.getByText(/Zum Anmelden öffnet sich Ihr Webbrowser/)).toBeTruthy();
    // The provider's name stays in its own element (bold) inside the translated sentence.
    expect(screen.getByText(PROVIDER.name).tagName).toBe('STRONG');
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('button', { name: 'Einstellungen' })).toBeTruthy();
    await userEvent.click(button);
    expect(api.signIn).toHaveBeenCalledTimes(1);
    act(() => api.emit({ ...SIGNED_IN, language: 'en' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Session' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('German error titles, and German durations on the waiting screen', async () => {
    const api = fakeApi({
      status: 'waiting',
      provider: PROVIDER,
      startedAt: Date.now() - 5000,
      expiresAt: Date.now() + 295_000,
      warning: { code: 'network', message: 'Der Anbieter ist nicht erreichbar.' },
      offersDevice: false,
      language: 'de',
    });
    renderApp(api);
    expect(
      await screen.findByRole('heading', { name: 'Schließen Sie die Anmeldung in Ihrem Browser ab' }),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(
      /^Warten auf .+… bisher \d+ s, Abbruch in 4 min \d\d s\.$/,
    );
    expect(screen.getByRole('alert').textContent).toContain('Der Anmeldedienst ist nicht erreichbar');
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  });
});
