/**
 * The tray keeps its "expires in N min" current with nothing else happening, under fake timers:
 * it shows the state again exactly when the number of minutes it shows changes, and stops when
 * the state changes or the app quits. The icon is the one drawn for trays.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../../main/app/app-status.ts';
import { signedInStatus } from '../../support/app-status.ts';

const trays: { icon: string; tooltips: string[]; destroyed: boolean }[] = [];
vi.mock('electron', () => ({
  Tray: class {
    record: (typeof trays)[number];
    constructor(icon: string) {
      this.record = { icon, tooltips: [], destroyed: false };
      trays.push(this.record);
    }
    on(): void {}
    setToolTip(text: string): void {
      this.record.tooltips.push(text);
    }
    setContextMenu(): void {}
    destroy(): void {
      this.record.destroyed = true;
    }
  },
  Menu: { buildFromTemplate: (template: unknown) => template },
}));

const { AppTray } = await import('../../../main/shell/app-tray.ts');
const { nextTrayChangeIn, trayIconFile } = await import('../../../main/shell/tray.ts');

const START = Date.UTC(2026, 11, 6, 9, 0, 0);
const signedIn = (expiresAt: number): AppStatus => signedInStatus(expiresAt, START);
const actions = { open: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), quit: vi.fn() };

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  trays.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('the tray’s countdown', () => {
  it('shows each new minute as it comes, and only then', () => {
    const tray = new AppTray(actions);
    tray.create('/app/assets/tray', signedIn(START + 3 * 60_000));
    const shown = () => trays[0]!.tooltips.map((t) => /expires in (\d+) min/.exec(t)?.[1]);
    expect(shown()).toEqual(['3']);
    vi.advanceTimersByTime(30_000);
    expect(shown()).toEqual(['3']);
    vi.advanceTimersByTime(1);
    expect(shown()).toEqual(['3', '2']);
    vi.advanceTimersByTime(59_999);
    expect(shown()).toEqual(['3', '2']);
    vi.advanceTimersByTime(1);
    expect(shown()).toEqual(['3', '2', '1']);
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['3', '2', '1', '0']);
    // Under half a minute left, the state itself changes next (a refresh or a sign-out).
    vi.advanceTimersByTime(10 * 60_000);
    expect(shown()).toHaveLength(4);
    tray.dispose();
  });

  it('drops the old countdown when the state changes, and stops on quit', () => {
    const tray = new AppTray(actions);
    tray.create('/app/assets/tray', signedIn(START + 10 * 60_000));
    const { provider } = signedIn(0) as Extract<AppStatus, { status: 'signed-in' }>;
    tray.show({ status: 'signed-out', provider } as AppStatus);
    vi.advanceTimersByTime(30 * 60_000);
    expect(trays[0]!.tooltips).toHaveLength(2);
    tray.show(signedIn(START + 60 * 60_000));
    tray.dispose();
    vi.advanceTimersByTime(30 * 60_000);
    expect(trays[0]!.tooltips).toHaveLength(3);
    expect(trays[0]!.destroyed).toBe(true);
  });

  it('waits exactly until the number shown changes', () => {
    expect(nextTrayChangeIn(signedIn(START + 42 * 60_000), START)).toBe(30_001);
    // Shown rounded half up: 90,001 ms and 90,000 ms are "2 min", 89,999 ms is "1 min".
    expect(nextTrayChangeIn(signedIn(START + 90_001), START)).toBe(2);
    expect(nextTrayChangeIn(signedIn(START + 90_000), START)).toBe(1);
    expect(nextTrayChangeIn(signedIn(START + 89_999), START)).toBe(60_000);
    expect(nextTrayChangeIn(signedIn(START + 30_000), START)).toBe(1);
    expect(nextTrayChangeIn(signedIn(START + 29_999), START)).toBeUndefined();
    expect(nextTrayChangeIn({ status: 'unconfigured', emulatorOffered: false }, START)).toBeUndefined();
  });
});

describe('the tray’s icon', () => {
  it('is a template image on macOS and the 16-px colour icon elsewhere', () => {
    new AppTray(actions).create('/app/assets/tray', signedIn(START));
    expect(trays[0]!.icon).toBe(
      `/app/assets/tray/${process.platform === 'darwin' ? 'trayTemplate' : 'tray'}.png`,
    );
    expect(trayIconFile('darwin', 'd')).toBe('d/trayTemplate.png');
    expect(trayIconFile('win32', 'd')).toBe('d/tray.png');
    expect(trayIconFile('linux', 'd')).toBe('d/tray.png');
  });
});
