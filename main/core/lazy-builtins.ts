/**
 * Node built-ins the command line needs only now and then, loaded at first use rather than
 * imported. An ES-module import of a built-in builds its whole namespace at start, which a call on
 * a valid session never uses (docs/performance.md has the cost). `process.getBuiltinModule`
 * returns the module as it is.
 */
import type * as Crypto from 'node:crypto';
import type * as Tls from 'node:tls';
import type * as Util from 'node:util';

export const nodeCrypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');
export const nodeTls = (): typeof Tls => process.getBuiltinModule('node:tls');
export const nodeUtil = (): typeof Util => process.getBuiltinModule('node:util');
