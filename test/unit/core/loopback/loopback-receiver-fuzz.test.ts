/**
 * The loopback receiver against any bytes a local process can send: hand-picked malformed request
 * lines that once killed a waiting sign-in, then random request lines, methods, headers and Host
 * values over raw sockets. It must answer or close, never crash, never accept a forged callback,
 * and the real callback must still work afterwards. `FUZZ_REQUESTS` sets the random count
 * (`npm run test:fuzz` runs many more).
 */
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { LoopbackReceiver } from '../../../../main/core/loopback/loopback-receiver.ts';
import { freePort, rawRequest } from '../../../support/http.ts';

const RANDOM_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const STATE = randomBytes(24).toString('base64url');
const CONCURRENCY = 16;

/** Request lines that threw out of the request listener before the guard (and a few cousins). */
const HAND_PICKED_TARGETS = [
  '//[',
  '//[::1',
  '//%',
  '//a:99999/',
  '//user@/callback',
  'http://[',
  '//evil.example/callback?code=forged&state=' + STATE,
  'http://evil.example/callback?code=forged&state=' + STATE,
  '/callback?code=forged&state=' + STATE + '%',
  '/%E0%A4%A',
  '/callback?state=%ZZ',
  '*',
  '',
  '/callback#state=' + STATE,
  '/callback?' + 'a'.repeat(20_000),
];
const METHODS = [
  'GET',
  'POST',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
  'CONNECT',
  'TRACE',
  'PRI',
  'G\u0000T',
  '',
];
const ALPHABET = '/?#[]@:%&=+.-_~!$\'()*,;abcXYZ019 \t\\"<>{}|^`\u00e9\u0000\u007f';

let receiver: LoopbackReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function randomText(max: number): string {
  let text = '';
  for (let i = Math.floor(Math.random() * max); i > 0; i--) text += pick([...ALPHABET]);
  return text;
}

function randomRequest(port: number): Buffer {
  const hosts = [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    'evil.example',
    `127.0.0.1:${port}.evil`,
    randomText(20),
    '',
  ];
  const target =
    Math.random() < 0.3 ? pick(HAND_PICKED_TARGETS) : pick(['/', '//', '/callback?', '']) + randomText(60);
  const lines = [`${pick(METHODS)} ${target} ${pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2', randomText(8)])}`];
  if (Math.random() < 0.9) lines.push(`Host: ${pick(hosts)}`);
  for (let i = Math.floor(Math.random() * 4); i > 0; i--)
    lines.push(`${randomText(12) || 'X'}: ${randomText(40)}`);
  if (Math.random() < 0.1) lines.push(`Content-Length: ${pick(['5', '-1', '99999999999', 'x'])}`);
  if (Math.random() < 0.1) lines.push('Transfer-Encoding: chunked');
  const raw = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return Math.random() < 0.05 ? randomBytes(1 + Math.floor(Math.random() * 200)) : raw;
}

/** Sends raw bytes; resolves with the status code answered, or 0 when the server only closed. */
function send(port: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (): void => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0));
    };
    socket.setTimeout(1000, done);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.end(bytes);
  });
}

it(`survives ${HAND_PICKED_TARGETS.length} hand-picked and ${RANDOM_REQUESTS} random requests; only the real callback ends the wait`, async () => {
  const port = await freePort();
  receiver = new LoopbackReceiver(`http://127.0.0.1:${port}/callback`, `http://127.0.0.1:${port}/signed-out`);
  await receiver.start();
  receiver.expectState(STATE);
  let settled = false;
  const waiting = receiver.waitForCallback(600_000);
  waiting.then(
    () => (settled = true),
    () => (settled = true),
  );

  for (const target of HAND_PICKED_TARGETS) {
    const status = await send(port, Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
    expect([0, 400, 404, 405, 414, 431], `GET ${target.slice(0, 60)}`).toContain(status);
  }
  const statuses = new Map<number, number>();
  for (let sent = 0; sent < RANDOM_REQUESTS; sent += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, RANDOM_REQUESTS - sent) }, () =>
      send(port, randomRequest(port)),
    );
    for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  console.log(
    `fuzz: ${RANDOM_REQUESTS} random requests, answers by status ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  expect(statuses.has(303)).toBe(false);
  expect(statuses.has(200)).toBe(false);
  expect(settled).toBe(false);

  const real = rawRequest(port, `/callback?code=the-code&state=${STATE}`);
  const callback = await waiting;
  expect(callback.searchParams.get('code')).toBe('the-code');
  // The callback is answered once the sign-in's result is known.
  void receiver.complete(true, 0);
  expect((await real).status).toBe(303);
}, 300_000);
