/**
 * How the main process and the window both set up i18next (no Electron, no Node: both may import
 * it). English texts are the keys, so English needs no catalog and a missing key falls back to
 * itself, placeholders filled; keys hold `.` and `:` freely.
 */
import type { InitOptions } from 'i18next';

export function i18nextOptions(language: string, german: Record<string, string>): InitOptions {
  return {
    lng: language,
    fallbackLng: false,
    resources: { de: { translation: german } },
    keySeparator: false,
    nsSeparator: false,
    // Texts go to menus, notifications, error messages and React (which escapes); the loopback
    // pages' texts hold no markup characters.
    interpolation: { escapeValue: false },
    initAsync: false,
  };
}
