/**
 * What `npm start` hands the app in development: Vite's dev server as the window's origin, and the
 * local emulator's settings when nothing is configured. Both would let whoever sets the
 * environment decide what the window is, or which provider gets the sign-in; an installed
 * (packaged) build therefore ignores them, whatever the environment says.
 */
export interface DevelopmentSwitches {
  /** The renderer from Vite's dev server (`VITE_DEV_SERVER_URL`). */
  devServerUrl?: string;
  /** The emulator `npm start` started: its settings as JSON (`COGNITO_DESKTOP_EMULATOR`). */
  emulatorPreset?: string;
}

export function developmentSwitches(env: NodeJS.ProcessEnv, isPackaged: boolean): DevelopmentSwitches {
  if (isPackaged) return {};
  const switches: DevelopmentSwitches = {};
  if (env.VITE_DEV_SERVER_URL) switches.devServerUrl = env.VITE_DEV_SERVER_URL;
  if (env.COGNITO_DESKTOP_EMULATOR) switches.emulatorPreset = env.COGNITO_DESKTOP_EMULATOR;
  return switches;
}
