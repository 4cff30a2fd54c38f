/** The development switches `npm start` sets: honoured in a development run, ignored when installed. */
import { describe, expect, it } from 'vitest';
import { developmentSwitches } from '../../../main/app/development-switches.ts';

const ENV = { VITE_DEV_SERVER_URL: 'http://localhost:5173/', COGNITO_DESKTOP_EMULATOR: '{"clientId":"x"}' };

describe('developmentSwitches', () => {
  it('hands a development run the dev server and the emulator', () => {
    expect(developmentSwitches(ENV, false)).toEqual({
      devServerUrl: 'http://localhost:5173/',
      emulatorPreset: '{"clientId":"x"}',
    });
    expect(developmentSwitches({}, false)).toEqual({});
  });

  it('gives an installed build neither, whatever the environment says', () => {
    expect(developmentSwitches(ENV, true)).toEqual({});
  });
});
