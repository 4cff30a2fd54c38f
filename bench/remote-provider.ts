/** Starts {@link ./provider-process.ts} and waits for its address line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface RemoteProvider {
  issuer: string;
  domain: string;
  stop(): void;
}

export async function startRemoteProvider(redirectUri: string, signOutUri: string): Promise<RemoteProvider> {
  const script = fileURLToPath(new URL('./provider-process.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, redirectUri, signOutUri], {
    // stdin stays open while the benchmark lives: the provider ends when it closes (see there).
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The provider process exited (${code}).`)));
  });
  lines.close();
  const { issuer, domain } = JSON.parse(first) as { issuer: string; domain: string };
  return { issuer, domain, stop: () => child.kill() };
}
