/**
 * The emulator's user pool: its users and app clients, shaped like a Cognito user pool's.
 * Everything here is test data: the passwords and the client secret are published on purpose.
 */
import { randomUUID } from 'node:crypto';
import type { FederatedIdentity } from './federation.ts';

/** A user of the emulated pool. `username` is what Cognito calls `cognito:username`. */
export interface PoolUser {
  username: string;
  password: string;
  email: string;
  emailVerified: boolean;
  sub: string;
  groups: string[];
  name?: string;
  /** A federated user's identity providers (Cognito's `identities` claim); absent for the pool's own users. */
  identities?: FederatedIdentity[];
}

/** An app client, as registered in Cognito's console. */
export interface AppClient {
  clientId: string;
  /** Undefined for a public client (Cognito: "Don't generate a client secret"). */
  clientSecret?: string;
  /** Allowed callback URLs: matched exactly, scheme, host, port and path. */
  callbackUrls: string[];
  /** Allowed sign-out URLs: `/logout` redirects only to one of these. */
  signOutUrls: string[];
}

/** The redirect URI the app uses by default (see main/core/settings/settings.ts). */
export const DEFAULT_APP_REDIRECT_URI = 'http://127.0.0.1:47621/callback';
/** The sign-out URI the app uses by default. */
export const DEFAULT_APP_SIGN_OUT_URI = 'http://127.0.0.1:47621/signed-out';

/** Cognito app client ids are 26 lower-case alphanumerics; these look the part. */
export const CONFIDENTIAL_CLIENT_ID = '4emu1atorconfidentia1c1ient';
export const CONFIDENTIAL_CLIENT_SECRET = 'emulator-secret-not-for-production-0123456789abcdef';
export const PUBLIC_CLIENT_ID = '7emu1atorpub1icc1ientnosecret';

/** Enough groups that the ID and access tokens together exceed Windows' 2,560-byte credential limit. */
const MANY_GROUPS = Array.from(
  { length: 60 },
  (_, i) => `engineering-team-${String(i).padStart(2, '0')}-readers`,
);

/** The default users of the emulator; tests may pass their own. */
export function defaultUsers(): PoolUser[] {
  return [
    {
      username: 'alice',
      password: 'Passw0rd!alice',
      email: 'alice@example.com',
      emailVerified: true,
      sub: randomUUID(),
      groups: ['admins'],
      name: 'Alice Example',
    },
    {
      username: 'bob',
      password: 'Passw0rd!bob',
      email: 'bob@example.com',
      emailVerified: false,
      sub: randomUUID(),
      groups: [],
    },
    {
      username: 'many.groups',
      password: 'Passw0rd!many',
      email: 'many.groups@example.com',
      emailVerified: true,
      sub: randomUUID(),
      groups: MANY_GROUPS,
      name: 'Member Of Many Groups',
    },
  ];
}

/** The default app clients: one confidential (with a secret), one public. */
export function defaultClients(
  redirectUri = DEFAULT_APP_REDIRECT_URI,
  signOutUri = DEFAULT_APP_SIGN_OUT_URI,
): AppClient[] {
  return [
    {
      clientId: CONFIDENTIAL_CLIENT_ID,
      clientSecret: CONFIDENTIAL_CLIENT_SECRET,
      callbackUrls: [redirectUri],
      signOutUrls: [signOutUri],
    },
    { clientId: PUBLIC_CLIENT_ID, callbackUrls: [redirectUri], signOutUrls: [signOutUri] },
  ];
}
