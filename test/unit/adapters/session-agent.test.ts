/** The session agent's decisions: where its socket lives, how it runs itself, when it stands in for the keychain. */
import { describe, expect, it } from 'vitest';
import { KeychainLockedError, type SecretStore } from '../../../main/core/ports.ts';
import { KeychainOrAgent, agentSocketPath, selfCommand } from '../../../main/adapters/session-agent.ts';
import { MemorySecretStore } from '../../fakes/memory-secret-store.ts';

describe('the agent’s socket', () => {
  it('lives in the login session’s runtime folder, else in a per-user folder under the temporary folder', () => {
    expect(agentSocketPath({ XDG_RUNTIME_DIR: '/run/user/1000' }, 1000)).toBe(
      '/run/user/1000/cognito-desktop/agent.sock',
    );
    expect(agentSocketPath({}, 1000)).toMatch(/\/cognito-desktop-1000\/agent\.sock$/);
  });
});

describe('selfCommand', () => {
  it('runs a script again with Node’s flags, and an executable as itself', () => {
    expect(selfCommand(['/usr/bin/node', '/app/out/main/cli.js', 'token'], [], '/usr/bin/node')).toEqual([
      '/usr/bin/node',
      '/app/out/main/cli.js',
    ]);
    expect(selfCommand(['/n', 'main/cli-bin.ts', 'login'], ['--import', 'tsx'], '/n')).toEqual([
      '/n',
      '--import',
      'tsx',
      'main/cli-bin.ts',
    ]);
    expect(selfCommand(['/usr/bin/cognito-desktop', 'token'], [], '/usr/bin/cognito-desktop')).toEqual([
      '/usr/bin/cognito-desktop',
    ]);
  });
});

describe('KeychainOrAgent', () => {
  const failing = (error: Error): SecretStore => ({
    get: () => Promise.reject(error),
    set: () => Promise.reject(error),
    delete: () => Promise.reject(error),
  });

  it('uses the keychain while it answers', async () => {
    const keychain = new MemorySecretStore();
    const agent = new MemorySecretStore();
    const store = new KeychainOrAgent(keychain, agent);
    await store.set('s', 'a', 'v');
    expect(await keychain.get('s', 'a')).toBe('v');
    expect(await agent.get('s', 'a')).toBeNull();
    expect(store.usingAgent).toBe(false);
  });

  it('turns to the agent for good when there is no keychain, but never around a locked one', async () => {
    const agent = new MemorySecretStore();
    const store = new KeychainOrAgent(failing(new Error('Cannot autolaunch D-Bus')), agent);
    await store.set('s', 'a', 'v');
    expect(store.usingAgent).toBe(true);
    expect(await store.get('s', 'a')).toBe('v');
    expect(await store.delete('s', 'a')).toBe(true);
    const locked = new KeychainOrAgent(failing(new KeychainLockedError('locked')), agent);
    await expect(locked.get('s', 'a')).rejects.toBeInstanceOf(KeychainLockedError);
    expect(locked.usingAgent).toBe(false);
  });
});
