/** Small files the app keeps in its settings folder (settings, discovery cache). */
import { nodeCrypto } from './lazy-builtins.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `text` to `path` readable by the user only, through a temporary file and a rename, so a
 * crash never leaves half a file. The temporary name is unique: the app and CLI calls may write
 * the same file at once, and a shared name would let one rename the other's half-written file.
 */
export function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}
