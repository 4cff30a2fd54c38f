/** App states for tests of what shows them (tray, menu): alice signed in, her token expiring at `expiresAt`. */
import type { AppStatus } from '../../main/app/app-status.ts';

export const TEST_PROVIDER = { name: 'eu-west-1_X', issuer: 'https://x', isEmulator: false };

export function signedInStatus(
  expiresAt: number,
  signedInAt: number,
): Extract<AppStatus, { status: 'signed-in' }> {
  return {
    status: 'signed-in',
    provider: TEST_PROVIDER,
    autoRefresh: true,
    aws: false,
    profile: {
      username: 'alice',
      usernameClaim: 'email',
      email: 'alice@example.com',
      subject: 's',
      groups: [],
      expiresAt,
      signedInAt,
      persisted: true,
    },
  };
}
