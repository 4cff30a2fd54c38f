/**
 * The opener's verdict: missing or failing at once (as xdg-open does with no browser) is an error
 * the sign-in reports; exiting well, or still running after a second, has handed the URL on.
 */
import { describe, expect, it } from 'vitest';
import { OPENER_VERDICT_MS, OsBrowser } from '../../../main/adapters/os-browser.ts';

const open = (browser: string) =>
  new OsBrowser({ PATH: process.env.PATH, BROWSER: browser }).open('https://x.example/');

describe('OsBrowser', () => {
  it('fails when the opener exits with a failure, naming how', async () => {
    await expect(open('false')).rejects.toThrow('false failed (exit 1)');
    await expect(open('sh -c "exit 3"')).rejects.toThrow('sh failed (exit 3)');
  });

  it('fails when the opener cannot be started', async () => {
    await expect(open('/nonexistent/opener')).rejects.toThrow('/nonexistent/opener could not be started');
  });

  it('succeeds when the opener exits well, or is still running after its second', async () => {
    await expect(open('true')).resolves.toBeUndefined();
    const started = performance.now();
    await expect(open('sh -c "sleep 5" opener')).resolves.toBeUndefined();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(OPENER_VERDICT_MS - 50);
    expect(waited).toBeLessThan(4000);
  });
});
