/**
 * The window's sign-in starts: when each returns, what it asks the service for, and which failures
 * reach the screen. A stand-in service (the real one is tested in core/session); no I/O.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { SignInStarts, type SignInStage } from '../../../main/app/sign-in-starts.ts';
import type { AuthService } from '../../../main/core/session/auth-service.ts';
import { AuthError } from '../../../main/core/errors.ts';
import type { DeviceCode } from '../../../main/core/session/device-sign-in.ts';
import type { Profile } from '../../../main/core/session/session.ts';

/** A service whose sign-ins wait until the test ends them. */
class StandInService extends EventEmitter {
  readonly requests: unknown[] = [];
  attemptUrl: string | undefined;
  private fail: ((error: unknown) => void) | undefined;
  private onCode: ((code: DeviceCode) => void) | undefined;

  signIn(options: unknown): Promise<Profile> {
    this.requests.push(options);
    return new Promise((_, reject) => (this.fail = reject));
  }

  signInOnAnotherDevice(onCode: (code: DeviceCode) => void): Promise<Profile> {
    this.onCode = onCode;
    return new Promise((_, reject) => (this.fail = reject));
  }

  cancelSignIn(): void {
    this.fail?.(new AuthError('cancelled', 'Sign-in was cancelled.'));
  }

  currentAttempt(): { url: string } | undefined {
    return this.attemptUrl ? { url: this.attemptUrl } : undefined;
  }

  /** The browser was asked to open. */
  started(): void {
    this.emit('sign-in-started', { url: 'https://idp.example/authorize' });
  }

  failWith(error: unknown): void {
    this.fail?.(error);
  }

  showCode(code: DeviceCode): void {
    this.onCode?.(code);
  }
}

function setUp() {
  const service = new StandInService();
  let inView: StandInService | undefined = service;
  const failures: AuthError[] = [];
  const codes: string[] = [];
  const clipboard = { writeText: vi.fn(() => Promise.resolve()) };
  const stage: SignInStage = {
    service: () => inView as unknown as AuthService,
    serviceIfAny: () => inView as unknown as AuthService | undefined,
    showFailure: (_, error) => void failures.push(error),
    showDeviceCode: (_, device) => void codes.push(device.view.userCode),
  };
  const starts = new SignInStarts(stage, clipboard);
  return { service, starts, failures, codes, clipboard, leaveView: () => (inView = undefined) };
}

/** Lets the promise callbacks waiting now run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SignInStarts', () => {
  it('returns once the browser was asked to open, offering who signed in last as the user name', async () => {
    const { service, starts } = setUp();
    starts.signedIn({ email: 'alice@example.com', username: 'alice' } as Profile);
    const started = starts.signIn();
    let returned = false;
    void started.then(() => (returned = true));
    await settle();
    expect(returned).toBe(false);
    service.started();
    await started;
    expect(service.requests).toEqual([{ loginHint: 'alice@example.com' }]);
  });

  it('routes email-first by the email’s domain, and offers the email as typed, trimmed', async () => {
    const { service, starts } = setUp();
    const started = starts.signInWithEmail('  bob@corp.example ');
    service.started();
    await started;
    expect(service.requests).toEqual([
      { route: { idpIdentifier: 'corp.example' }, loginHint: 'bob@corp.example' },
    ]);
  });

  it('shows a failure on the screen, but not one of a service no longer in view', async () => {
    const { service, starts, failures, leaveView } = setUp();
    const first = starts.signInWith('Google');
    service.failWith(new AuthError('network', 'The provider could not be reached.'));
    await first;
    expect(failures.map((f) => f.code)).toEqual(['network']);

    const second = starts.signIn();
    leaveView();
    service.failWith(new AuthError('network', 'The provider could not be reached.'));
    await second;
    expect(failures).toHaveLength(1);
  });

  it('on another device: ends the browser’s sign-in without reporting its cancel, returns once the code shows', async () => {
    const { service, starts, failures, codes } = setUp();
    const browser = starts.signIn();
    service.started();
    await browser;
    const device = starts.onAnotherDevice();
    await settle();
    expect(failures).toEqual([]);
    let returned = false;
    void device.then(() => (returned = true));
    await settle();
    expect(returned).toBe(false);
    service.showCode({
      userCode: 'WDJB-MJHT',
      verificationUri: 'https://idp.example/device',
      verificationUriComplete: 'https://idp.example/device?user_code=WDJB-MJHT',
      expiresAt: Date.now() + 600_000,
    });
    await device;
    expect(codes).toEqual(['WDJB-MJHT']);
    // The device sign-in's own cancel is the person's: reported as any failure would be.
    service.cancelSignIn();
    await settle();
    expect(failures.map((f) => f.code)).toEqual(['cancelled']);
  });

  it('copies the waiting sign-in’s link, and says so when none is waiting', async () => {
    const { service, starts, clipboard } = setUp();
    await expect(starts.copyLink()).rejects.toMatchObject({ code: 'not_signed_in' });
    service.attemptUrl = 'http://127.0.0.1:53682/launch/abc';
    await starts.copyLink();
    expect(clipboard.writeText).toHaveBeenCalledWith('http://127.0.0.1:53682/launch/abc');
  });
});
