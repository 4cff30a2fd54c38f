/** The settings folder's small files: written whole, for the user only. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../main/core/files.ts';

describe('writeFileAtomically', () => {
  it('writes a file only its user can read, through a rename that leaves nothing behind', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-files-')), 'nested');
    writeFileAtomically(join(dir, 'cache.json'), '{"a":1}');
    writeFileAtomically(join(dir, 'cache.json'), '{"a":2}');
    expect(readFileSync(join(dir, 'cache.json'), 'utf8')).toBe('{"a":2}');
    expect(statSync(join(dir, 'cache.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['cache.json']);
  });
});
