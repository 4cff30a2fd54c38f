/** "Did you mean": which known word a mistyped one was meant to be, if any. */
import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from '../../../main/cli/suggest.ts';

const COMMANDS = ['login', 'logout', 'status', 'token', 'config', 'completion'];

describe('closestMatch', () => {
  it('takes the same word in another case first', () => {
    expect(closestMatch('clientid', ['clientId', 'clientIds'])).toBe('clientId');
  });

  it('counts a swap of two neighbours, a missing, an extra or a wrong letter as one edit', () => {
    expect(closestMatch('logni', COMMANDS)).toBe('login');
    expect(closestMatch('logn', COMMANDS)).toBe('login');
    expect(closestMatch('staatus', COMMANDS)).toBe('status');
    expect(closestMatch('tokem', COMMANDS)).toBe('token');
  });

  it('allows a third of the word in edits, and picks the nearest', () => {
    expect(closestMatch('confgi', COMMANDS)).toBe('config');
    expect(closestMatch('xyz', COMMANDS)).toBeUndefined();
    expect(closestMatch('lgout', COMMANDS)).toBe('logout');
    expect(closestMatch('tk', COMMANDS)).toBeUndefined();
  });

  it('says nothing when nothing is near', () => {
    expect(didYouMean('frobnicate', COMMANDS)).toBe('');
    expect(didYouMean('statsu', COMMANDS)).toBe(' Did you mean "status"?');
  });
});
