import type * as Crypto from 'node:crypto';

/**
 * `node:crypto`, loaded at first use rather than imported: importing it into an ES module builds
 * its whole namespace (WebCrypto included), some 6 ms of a `token` call that never hashes.
 */
export function nodeCrypto(): typeof Crypto {
  return process.getBuiltinModule('node:crypto');
}
