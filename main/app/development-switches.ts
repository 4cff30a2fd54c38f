/**
 * What `npm start` hands the app in development: Vite's dev server as the window's origin, the
 * local emulator's settings when nothing is configured, and a policy file to try policies with.
 * Each would let whoever sets the environment decide what the window is, which provider gets the
 * sign-in, or step around the organisation's policy; an installed (packaged) build therefore
 * ignores them, whatever the environment says.
 */
import { POLICY_FILE_ENV } from '../adapters/policy/system-policy.ts';

export interface DevelopmentSwitches {
  /** The renderer from Vite's dev server (`VITE_DEV_SERVER_URL`). */
  devServerUrl?: string;
  /** The emulator `npm start` started: its settings as JSON (`COGNITO_DESKTOP_EMULATOR`). */
  emulatorPreset?: string;
  /** A policy file read instead of the OS's policy (`COGNITO_DESKTOP_POLICY_FILE`). */
  policyFile?: string;
}

export function developmentSwitches(env: NodeJS.ProcessEnv, isPackaged: boolean): DevelopmentSwitches {
  if (isPackaged) return {};
  const switches: DevelopmentSwitches = {};
  if (env.VITE_DEV_SERVER_URL) switches.devServerUrl = env.VITE_DEV_SERVER_URL;
  if (env.COGNITO_DESKTOP_EMULATOR) switches.emulatorPreset = env.COGNITO_DESKTOP_EMULATOR;
  if (env[POLICY_FILE_ENV]) switches.policyFile = env[POLICY_FILE_ENV];
  return switches;
}
