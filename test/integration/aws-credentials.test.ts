/**
 * From sign-in to AWS, as a user's tools do it: `cognito-desktop login`, then an AWS config file
 * whose profile says `credential_process = cognito-desktop aws-credentials`, then a separate
 * program calling STS `GetCallerIdentity` with the real AWS SDK through that profile. The
 * emulator's Identity Pool checks the ID token; its STS checks the SigV4 signature with the
 * credentials it issued. Also: the Kubernetes exec credential and the header format of `token`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { ADMINS_ROLE } from '../idp/aws-identity.ts';
import { runCliProcess, TS_NODE, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';

const ENDPOINTS = testEndpoints(47632, 'aws');
const parts = useRealParts({ ...ENDPOINTS, chromium: false, identityPool: true });

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-aws-'));
});

/** What every process of the test shares: the emulator's endpoints, the settings, the keychain. */
function environment(extra: Record<string, string> = {}): Record<string, string> {
  const aws = parts.emulator.aws!;
  return {
    ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
    COGNITO_IDENTITY_POOL_ID: aws.identityPoolId,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY: aws.endpoint,
    AWS_ENDPOINT_URL_STS: aws.endpoint,
    BROWSER: SYSTEM_BROWSER_COMMAND,
    ...extra,
  };
}

const cli = (args: string[], extra: Record<string, string> = {}): Promise<CliRun> =>
  runCliProcess(args, environment(extra));

/** Runs the AWS-using program with `AWS_PROFILE=cognito` from an AWS config file of its own. */
function callAws(extra: Record<string, string> = {}): Promise<{ ok: boolean; arn?: string; name?: string }> {
  const configFile = join(configDir, 'aws-config');
  const command = [...TS_NODE, resolve('main/cli-bin.ts'), 'aws-credentials'].join(' ');
  writeFileSync(configFile, `[profile cognito]\nregion = us-east-1\ncredential_process = ${command}\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...environment(extra),
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: join(configDir, 'no-credentials'),
    AWS_PROFILE: 'cognito',
  };
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[name];
  return new Promise((done) => {
    const [node, ...args] = TS_NODE;
    const child = spawn(node!, [...args, 'test/support/aws-caller.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', () => done(JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ok: boolean }));
  });
}

describe('AWS credentials from the sign-in', () => {
  it('credential_process: an AWS SDK program calls STS as the signed-in user; after sign-out it cannot', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    const calls = parts.emulator.aws!.calls;

    const first = await callAws();
    expect(first.ok).toBe(true);
    expect(first.arn).toContain('assumed-role/Cognito_EmulatorAuth_Role/');
    expect(calls.GetCredentialsForIdentity).toBe(1);

    // A second tool, a second process: the credentials come from the keychain, not the Identity Pool.
    const printed = await cli(['aws-credentials']);
    expect(printed.code).toBe(0);
    const output = JSON.parse(printed.stdout) as Record<string, unknown>;
    expect(Object.keys(output).sort()).toEqual([
      'AccessKeyId',
      'Expiration',
      'SecretAccessKey',
      'SessionToken',
      'Version',
    ]);
    expect(output.Version).toBe(1);
    expect(Date.parse(String(output.Expiration))).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(calls.GetCredentialsForIdentity).toBe(1);

    expect((await cli(['logout', '--no-browser'])).code).toBe(0);
    const after = await cli(['aws-credentials']);
    expect(after.code).toBe(1);
    expect(after.stdout).toBe('');
    expect(after.stderr).toMatch(/sign in/i);
    expect(await callAws()).toMatchObject({ ok: false });
  });

  it('asks for the roleArn setting’s role; a role the pool does not allow is a readable refusal', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    const admin = await callAws({ COGNITO_ROLE_ARN: ADMINS_ROLE });
    expect(admin.ok).toBe(true);
    expect(admin.arn).toContain('assumed-role/Cognito_EmulatorAdmins_Role/');
    const refused = await cli(['aws-credentials'], {
      COGNITO_ROLE_ARN: 'arn:aws:iam::123456789012:role/NotAllowed',
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('NotAuthorizedException');
    expect(refused.stdout).toBe('');
  });

  it('an Identity Pool ID that names no pool is a readable refusal, and nothing is printed', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    const wrongPool = await cli(['aws-credentials'], {
      COGNITO_IDENTITY_POOL_ID: 'us-east-1:00000000-0000-0000-0000-000000000000',
    });
    expect(wrongPool.code).toBe(3);
    expect(wrongPool.stderr).toContain('ResourceNotFoundException');
  });

  it('token --format exec-credential and header', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    const exec = await cli(['token', '--format', 'exec-credential']);
    expect(exec.code).toBe(0);
    const credential = JSON.parse(exec.stdout) as {
      apiVersion: string;
      kind: string;
      status: { token: string; expirationTimestamp: string };
    };
    // Kubernetes' required fields: apiVersion, kind, and status with a token.
    expect(credential.apiVersion).toBe('client.authentication.k8s.io/v1');
    expect(credential.kind).toBe('ExecCredential');
    expect(decodeJwt(credential.status.token).token_use).toBe('id');
    expect(credential.status.expirationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(credential.status.expirationTimestamp) / 1000).toBe(
      decodeJwt(credential.status.token).exp,
    );

    const header = await cli(['token', '--format', 'header']);
    expect(header.stdout).toMatch(/^Authorization: Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(header.stdout.trim().split(' ').pop()!).token_use).toBe('access');
    const both = await cli(['token', '--format', 'header', '--json']);
    expect(both.code).toBe(2);
  });
});
