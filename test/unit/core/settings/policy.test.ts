/** What of a policy is used: valid values locked over every other layer, invalid ones reported and left out. */
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyValues, withPolicyProfiles } from '../../../../main/core/settings/policy.ts';
import { resolveSettings, settingsInEffect } from '../../../../main/core/settings/resolve-settings.ts';

const POOL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC';

describe('parsePolicy', () => {
  it('takes the settings, the named profiles, userProfiles and updates', () => {
    const policy = parsePolicy('/etc/x', {
      discoveryUrl: POOL,
      keepRunning: true,
      startAtLogin: 0,
      identityProviders: [{ name: 'Google' }, { name: 'AcmeSAML', label: 'Acme staff' }],
      profiles: { prod: { clientId: 'prod' } },
      userProfiles: false,
      updates: { url: 'https://updates.example/feed' },
      unknown: 'ignored',
    });
    expect(policy).toEqual({
      origin: '/etc/x',
      values: {
        discoveryUrl: POOL,
        keepRunning: 'on',
        startAtLogin: 'off',
        identityProviders: 'Google, AcmeSAML=Acme staff',
      },
      profiles: { prod: { clientId: 'prod' } },
      userProfiles: false,
      updates: { url: 'https://updates.example/feed' },
      problems: [],
    });
    expect(parsePolicy('x', { updates: 0 }).updates).toBe(false);
    expect(parsePolicy('x', { updates: 'https://u.example' }).updates).toEqual({ url: 'https://u.example' });
    expect(parsePolicy('x', { userProfiles: true }).userProfiles).toBeUndefined();
  });

  it('leaves out each invalid value and names it, keeping the rest', () => {
    const policy = parsePolicy('x', {
      discoveryUrl: 'http://pool.example',
      clientId: 'ok',
      proxy: 3128,
      profiles: { prod: { scopes: 'email' }, 'bad name!': {}, default: { clientId: 'x' } },
    });
    expect(policy.values).toEqual({ clientId: 'ok' });
    expect(policy.profiles).toEqual({ prod: {} });
    expect(policy.problems.map((p) => [p.profile, p.setting])).toEqual([
      ['default', 'proxy'],
      ['default', 'discoveryUrl'],
      ['prod', 'scopes'],
      ['bad name!', undefined],
      ['default', undefined],
    ]);
    expect(policy.problems[1]?.message).toBe(
      'The policy value of discoveryUrl is ignored: Discovery URL must use https (plain http is allowed only for a provider on this machine).',
    );
  });

  it('is empty for no policy, and reports a source refused or not an object', () => {
    expect(parsePolicy('x', undefined)).toEqual({ origin: 'x', values: {}, profiles: {}, problems: [] });
    expect(parsePolicy('x', { clientId: 'a' }, 'refused: why').problems).toEqual([
      { message: 'refused: why' },
    ]);
    expect(parsePolicy('x', { clientId: 'a' }, 'refused: why').values).toEqual({});
    expect(parsePolicy('x', [1]).problems).toHaveLength(1);
  });
});

describe('the policy in the one resolver', () => {
  it('wins over the file, the environment and the installer’s locked presets, and says so', () => {
    const resolved = resolveSettings({
      installer: { scopes: 'openid' },
      file: { discoveryUrl: 'https://file.example', proxy: 'http://file.example:1' },
      env: { COGNITO_DISCOVERY_URL: 'https://env.example', COGNITO_PROXY: 'http://env.example:1' },
      locked: { proxy: 'http://locked.example:1' },
      policy: { discoveryUrl: POOL, proxy: 'direct' },
    });
    expect(resolved.values.discoveryUrl).toBe(POOL);
    expect(resolved.values.proxy).toBe('direct');
    expect(resolved.sources).toMatchObject({ discoveryUrl: 'policy', proxy: 'policy', scopes: 'installer' });
    expect(settingsInEffect(resolved).find((row) => row.key === 'proxy')?.source).toBe('policy');
  });

  it('gives each profile its own part, and adds the policy’s profiles to the list', () => {
    const policy = parsePolicy('x', { clientId: 'a', profiles: { prod: { clientId: 'b' } } });
    expect(policyValues(policy, 'default')).toEqual({ clientId: 'a' });
    expect(policyValues(policy, 'prod')).toEqual({ clientId: 'b' });
    expect(policyValues(policy, 'other')).toEqual({});
    expect(policyValues(undefined, 'default')).toEqual({});
    expect(withPolicyProfiles({ names: ['dev'] }, policy)).toEqual({
      names: ['dev', 'prod'],
      defaultHasSettings: true,
    });
  });
});
