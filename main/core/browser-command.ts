/**
 * The `BROWSER` environment variable, read as `git` and `gh` read it: a command line, split into
 * words without a shell (quotes group words; nothing is expanded or run by a shell). `%s` is
 * replaced by the URL; without `%s` the URL is appended as the last argument.
 */

/** Splits a command line into words: whitespace separates, single or double quotes group, backslash escapes. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error('BROWSER has an unclosed quote');
  if (inWord) words.push(word);
  return words;
}

/** The argv to run for `BROWSER=template` and `url`; undefined when the template is empty. */
export function browserCommand(template: string, url: string): string[] | undefined {
  const words = splitCommandLine(template);
  if (words.length === 0) return undefined;
  const hasPlaceholder = words.some((w) => w.includes('%s'));
  return hasPlaceholder ? words.map((w) => w.replaceAll('%s', url)) : [...words, url];
}

/** The OS's own "open this URL" command. */
export function osOpenCommand(url: string, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') return ['open', url];
  // rundll32 takes the URL as one argument; `cmd /c start` would let a shell read `&` in the URL.
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler', url];
  return ['xdg-open', url];
}

/**
 * Why no browser can open for this process, or undefined when one may: an SSH session (the
 * browser would open on the remote machine, if at all) or a Linux session with no display — unless
 * `BROWSER` names one, which the person set for exactly this (a text browser, a forwarding script).
 */
export function noBrowserReason(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (env.BROWSER?.trim()) return undefined;
  if (env.SSH_CONNECTION || env.SSH_TTY) return 'this is an SSH session';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  return undefined;
}

/** Names of variables that hold secrets, by the words people use for them. */
const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SESSION_?KEY/i;

/**
 * `env` without this app's own settings (`COGNITO_*`, the client secret among them) and without
 * anything named like a secret or token: what a browser we start may inherit.
 */
export function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^COGNITO_/i.test(name) || SECRET_NAME.test(name)) continue;
    clean[name] = value;
  }
  return clean;
}
