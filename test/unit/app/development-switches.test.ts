/** The development switches `npm start` sets: honoured in a development run, ignored when installed. */
import { describe, expect, it } from 'vitest';
import { developmentSwitches } from '../../../main/app/development-switches.ts';

const ENV = {
  VITE_DEV_SERVER_URL: 'http://localhost:5173/',
  COGNITO_DESKTOP_EMULATOR: '{"clientId":"x"}',
  COGNITO_DESKTOP_POLICY_FILE: '/tmp/policy.json',
};

describe('developmentSwitches', () => {
  it('hands a development run the dev server, the emulator and a policy file', () => {
    expect(developmentSwitches(ENV, false)).toEqual({
      devServerUrl: 'http://localhost:5173/',
      emulatorPreset: '{"clientId":"x"}',
      policyFile: '/tmp/policy.json',
    });
    expect(developmentSwitches({}, false)).toEqual({});
  });

  it('gives an installed build none of them, whatever the environment says', () => {
    expect(developmentSwitches(ENV, true)).toEqual({});
  });
});
