/**
 * Opens URLs with `BROWSER` (as git and gh read it) or the OS's opener. An opener that is missing,
 * or that ends with a failure within a second (xdg-open without a browser exits 3 at once), is an
 * error the sign-in reports at once; one still running after that second has handed the URL on.
 */
import { browserCommand, osOpenCommand, withoutSecrets } from '../core/browser-command.ts';
import type { Browser } from '../core/ports.ts';

/** How long an opener has to fail before it counts as having opened the URL. */
export const OPENER_VERDICT_MS = 1000;

/** {@link Browser} that runs `BROWSER` or `open` / `xdg-open` / `rundll32`. */
export class OsBrowser implements Browser {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async open(url: string): Promise<void> {
    // Loaded here, not at start: most commands never open a browser.
    const { spawn } = await import('node:child_process');
    const argv = (this.env.BROWSER ? browserCommand(this.env.BROWSER, url) : undefined) ?? osOpenCommand(url);
    const [command, ...args] = argv;
    return new Promise((resolve, reject) => {
      // The browser and everything it starts get the user's environment minus our settings and
      // anything named like a secret (COGNITO_CLIENT_SECRET above all).
      const child = spawn(command!, args, { detached: true, stdio: 'ignore', env: withoutSecrets(this.env) });
      const verdict = setTimeout(() => {
        child.unref();
        resolve();
      }, OPENER_VERDICT_MS);
      verdict.unref();
      child.once('error', (error) => {
        clearTimeout(verdict);
        reject(new Error(`${command} could not be started: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(verdict);
        child.unref();
        if (code === 0) resolve();
        else reject(new Error(`${command} failed (${code === null ? `signal ${signal}` : `exit ${code}`})`));
      });
    });
  }
}
