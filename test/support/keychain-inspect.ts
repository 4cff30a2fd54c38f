/**
 * Looks into the OS keychain from outside the app: with `secret-tool` (libsecret-tools) on Linux,
 * as a user would; through keytar on macOS and Windows, which have no such standard command.
 */
import { execFileSync } from 'node:child_process';
import keytar from 'keytar';

/** The account names stored under `service`. */
export async function keychainAccounts(service: string): Promise<string[]> {
  if (process.platform !== 'linux') return (await keytar.findCredentials(service)).map((c) => c.account);
  // secret-tool prints the attributes on stderr.
  const out = execFileSync('sh', ['-c', `secret-tool search --all service '${service}' 2>&1`]).toString();
  return [...out.matchAll(/^attribute\.account = (.*)$/gm)].map((m) => m[1]!);
}

/** The value stored under (service, account), or null. */
export async function keychainValue(service: string, account: string): Promise<string | null> {
  if (process.platform !== 'linux') return keytar.getPassword(service, account);
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account]).toString();
  } catch {
    return null;
  }
}
