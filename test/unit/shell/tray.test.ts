/** What the tray icon says and offers in each state, and when closing the window keeps the app running. */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { closeKeepsRunning, trayMenuTemplate, trayStatus } from '../../../main/shell/tray.ts';
import type { AppStatus } from '../../../main/app/app-status.ts';
import { TEST_PROVIDER, signedInStatus } from '../../support/app-status.ts';

const provider = TEST_PROVIDER;
const NOW = 1_000_000;
const signedIn: AppStatus = signedInStatus(NOW + 42 * 60_000, NOW);

function actions() {
  return { open: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), quit: vi.fn() };
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  return template.find((item) => item.id === id);
}

describe('tray', () => {
  it.each<[AppStatus, string, string, boolean]>([
    [
      { status: 'unconfigured', emulatorOffered: false },
      'Not set up: open the app to enter your provider',
      'sign-in',
      false,
    ],
    [
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
      'Signed out',
      'sign-in',
      true,
    ],
    [
      { status: 'waiting', provider, startedAt: 0, expiresAt: 1, offersDevice: false },
      'Waiting for you to finish in your browser…',
      'sign-in',
      false,
    ],
    [signedIn, 'Signed in as alice@example.com · expires in 42 min', 'sign-out', true],
  ])('shows the state and the one session action that fits (%#)', (state, status, action, enabled) => {
    const act = actions();
    const template = trayMenuTemplate(state, act, NOW);
    expect(byId(template, 'status')).toMatchObject({ label: status, enabled: false });
    expect(byId(template, action)?.enabled ?? true).toBe(enabled);
    (byId(template, action)!.click as () => void)();
    (byId(template, 'open')!.click as () => void)();
    (byId(template, 'quit')!.click as () => void)();
    expect(act[action === 'sign-in' ? 'signIn' : 'signOut']).toHaveBeenCalledTimes(1);
    expect(act.open).toHaveBeenCalledTimes(1);
    expect(act.quit).toHaveBeenCalledTimes(1);
  });

  it('names the profile when there are several, and never counts below 0 minutes', () => {
    const switcher = {
      profile: 'prod',
      canAddProfiles: true,
      accounts: [],
      profiles: [
        { name: 'default', selected: false, fromInstaller: false, configured: true },
        { name: 'prod', selected: true, fromInstaller: false, configured: true },
      ],
    };
    expect(trayStatus({ ...signedIn, switcher }, NOW + 3_600_000)).toBe(
      'Signed in as alice@example.com (prod) · expires in 0 min',
    );
  });

  it('keeps running when the window closes on macOS always, elsewhere only with the setting on', () => {
    expect(closeKeepsRunning('darwin', 'off')).toBe(true);
    expect(closeKeepsRunning('win32', 'off')).toBe(false);
    expect(closeKeepsRunning('linux', 'off')).toBe(false);
    expect(closeKeepsRunning('linux', 'on')).toBe(true);
  });
});
