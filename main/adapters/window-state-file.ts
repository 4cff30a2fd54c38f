/** The saved window places (main/core/window-state.ts) in `window-state.json` in the settings folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/files.ts';
import { parseWindowStates, type WindowStates } from '../core/window-state.ts';

const WINDOW_STATE_FILE = 'window-state.json';

export function readWindowStates(configDir: string): WindowStates {
  try {
    return parseWindowStates(readFileSync(join(configDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return {};
  }
}

export function writeWindowStates(configDir: string, states: WindowStates): void {
  try {
    writeFileAtomically(join(configDir, WINDOW_STATE_FILE), JSON.stringify(states));
  } catch {
    // A window that reopens at the default place is all this costs.
  }
}
