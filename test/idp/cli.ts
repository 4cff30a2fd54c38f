/**
 * `npm run idp`: the Cognito emulator on fixed ports, for trying the app without AWS.
 * Prints everything needed to configure the app against it; stops cleanly on Ctrl-C.
 */
import { createHash } from 'node:crypto';
import { startCognitoEmulator, type CognitoEmulator } from './emulator.ts';
import { DEFAULT_APP_REDIRECT_URI, DEFAULT_APP_SIGN_OUT_URI } from './directory.ts';

/** Fixed ports so the app's saved settings keep working between runs. */
export const EMULATOR_ISSUER_PORT = Number(process.env.IDP_ISSUER_PORT ?? 47630);
export const EMULATOR_DOMAIN_PORT = Number(process.env.IDP_DOMAIN_PORT ?? 47631);

/** The standalone pool's identity providers: "Google", and a company's OIDC provider for `acme.example`. */
export const STANDALONE_IDENTITY_PROVIDERS = [
  { name: 'Google' },
  { name: 'AcmeOIDC', identifiers: ['acme.example'] },
];

/** Starts the emulator on its fixed ports, federating with its identity providers. */
export function startStandaloneEmulator(): Promise<CognitoEmulator> {
  return startCognitoEmulator({
    issuerPort: EMULATOR_ISSUER_PORT,
    domainPort: EMULATOR_DOMAIN_PORT,
    identityProviders: STANDALONE_IDENTITY_PROVIDERS,
  });
}

/**
 * A sign-in URL a person can open by hand: public client, PKCE S256 with the verifier
 * "verifier-for-trying-the-emulator-by-hand-0123456789" (RFC 7636 appendix B's challenge method).
 */
export function tryItUrl(emulator: CognitoEmulator): string {
  const client = emulator.clients.find((c) => !c.clientSecret) ?? emulator.clients[0]!;
  const verifier = 'verifier-for-trying-the-emulator-by-hand-0123456789';
  const url = new URL(`${emulator.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.callbackUrls[0]!,
    scope: 'openid email profile',
    state: 'try-it',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/** Each identity provider of the pool, with its own users (signed in at its own page). */
function identityProviderLines(emulator: CognitoEmulator): string[] {
  const lines: string[] = [];
  for (const { name, identifiers } of STANDALONE_IDENTITY_PROVIDERS) {
    const provider = emulator.identityProvider(name);
    if (!provider) continue;
    const mapped = identifiers ? `, idp_identifier ${identifiers.join(', ')}` : '';
    lines.push('', `Identity provider ${name} (identity_provider=${name}${mapped}) at ${provider.domain}`);
    for (const u of provider.users)
      lines.push(`  ${u.username.padEnd(12)} ${u.password.padEnd(16)} <${u.email}>`);
  }
  return lines;
}

/** A human-readable summary of a running emulator. */
export function describeEmulator(emulator: CognitoEmulator): string {
  const lines = [
    'Cognito emulator running',
    `  Discovery URL     ${emulator.discoveryUrl}`,
    `  Issuer            ${emulator.issuer}`,
    `  User-pool domain  ${emulator.domain}`,
    '',
    'App clients',
    ...emulator.clients.flatMap((c) => [
      `  ${c.clientId}  ${c.clientSecret ? `confidential, secret: ${c.clientSecret}` : 'public (no secret)'}`,
      `    callback URLs:  ${c.callbackUrls.join(', ')}`,
      `    sign-out URLs:  ${c.signOutUrls.join(', ')}`,
    ]),
    '',
    'Users (username / password, groups)',
    ...emulator.users.map(
      (u) => `  ${u.username.padEnd(12)} ${u.password.padEnd(16)} ${u.groups.length} group(s)  <${u.email}>`,
    ),
    ...identityProviderLines(emulator),
    '',
    'Try it in a browser (the app does this for you with npm start; without the app running, the',
    'browser ends on an error page at the callback URL, with the code in its address bar):',
    `  ${tryItUrl(emulator)}`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const emulator = await startStandaloneEmulator().catch((error: unknown) => {
    const port = `${EMULATOR_ISSUER_PORT} or ${EMULATOR_DOMAIN_PORT}`;
    console.error(`Could not start the emulator (port ${port} in use?): ${String(error)}`);
    console.error('Set IDP_ISSUER_PORT and IDP_DOMAIN_PORT to other ports, or stop what uses them.');
    process.exit(2);
  });
  console.log(`${describeEmulator(emulator)}\n\nPress Ctrl-C to stop.`);
  console.log(
    `\nDefault app redirect URI ${DEFAULT_APP_REDIRECT_URI}, sign-out URI ${DEFAULT_APP_SIGN_OUT_URI}.`,
  );
  const stop = (): void => {
    console.log('\nStopping the emulator.');
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
