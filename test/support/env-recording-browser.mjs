/**
 * A stand-in system browser that records the environment it was started with: point `BROWSER` at
 * `node test/support/env-recording-browser.mjs` with RECORD_ENV_TO=<file>. It writes the environment
 * as JSON and exits; no page is opened.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.RECORD_ENV_TO;
if (file) writeFileSync(file, JSON.stringify(process.env));
