/**
 * A stand-in for Electron's `net.request` made of Node's `http`: the ClientRequest surface the
 * app's fetch uses (setHeader, getHeader, write, end, abort; `response`, `redirect`, `error`), so
 * the built main process can be exercised against the emulator where Electron cannot run.
 * Redirects are followed by not being followed: the emulator's provider calls never redirect.
 */
import { EventEmitter } from 'node:events';
import { request as httpRequest, type ClientRequest as NodeRequest } from 'node:http';

export function nodeNetRequest(options: { url: string; method?: string }): EventEmitter {
  const headers: Record<string, string> = {};
  const chunks: string[] = [];
  let sent: NodeRequest | undefined;
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    getHeader: (name: string) => headers[name.toLowerCase()],
    write: (chunk: string | Buffer) => chunks.push(String(chunk)),
    abort: () => sent?.destroy(),
    end: () => {
      sent = httpRequest(options.url, { method: options.method ?? 'GET', headers }, (response) =>
        emitter.emit('response', response),
      );
      sent.on('error', (error) => emitter.emit('error', error));
      sent.end(chunks.join(''));
    },
  });
}
