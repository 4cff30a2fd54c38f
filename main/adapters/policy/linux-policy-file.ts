/** The Linux policy: a JSON file under /etc that configuration management (Ansible, Puppet…) writes. */
import { t } from '../../core/i18n.ts';
import { parsePolicy, type Policy } from '../../core/settings/policy.ts';
import { readAdministratorFile } from './root-owned-file.ts';

export const LINUX_POLICY_FILE = '/etc/cognito-desktop/policy.json';

/** The policy in `file` (root's only); an empty policy when there is none. */
export function readLinuxPolicy(file = LINUX_POLICY_FILE, owner = 0): Policy {
  const read = readAdministratorFile(file, owner);
  if ('missing' in read) return parsePolicy(file, undefined);
  if ('refused' in read) return parsePolicy(file, undefined, read.refused);
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString('utf8'));
  } catch (error) {
    return parsePolicy(
      file,
      undefined,
      t('The policy file {{path}} is not valid JSON ({{reason}}): no policy is applied from it.', {
        path: file,
        reason: (error as Error).message,
      }),
    );
  }
  return parsePolicy(file, data);
}
