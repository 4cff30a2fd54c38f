/**
 * Opens URLs in the system browser from plain Node (the CLI): the `BROWSER` command when set, else
 * the OS opener. The browser runs on its own: we do not wait for it to exit.
 */
import { browserCommand, osOpenCommand, withoutSecrets } from '../core/browser-command.ts';
import type { Browser } from '../core/ports.ts';

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
      child.once('error', (error) => reject(new Error(`${command} could not be started: ${error.message}`)));
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  }
}
