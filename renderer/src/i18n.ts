/**
 * The window's language: i18next with English texts as keys (as in the main process), German from
 * `locales/de.ts`. The main process decides the language (the language setting, else the OS's) and
 * sends it with every state; until the first state arrives the window guesses from the browser's.
 *
 * Components take `t` from {@link useT}; texts defined apart from where they are shown (tables of
 * titles) are marked with {@link msg} and translated where shown. A unit test extracts every
 * `t('…')`, `msg('…')` and `i18nKey="…"` and holds the German catalog to them.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../preload/contract.ts';
import { DE } from './locales/de.ts';

function browserLanguage(): UiLanguage {
  return typeof navigator !== 'undefined' && /^de\b/i.test(navigator.language) ? 'de' : 'en';
}

export const i18n = i18next.createInstance();
// As the main process sets it up (main/core/i18n.ts), which this page may not import.
void i18n.use(initReactI18next).init({
  lng: browserLanguage(),
  // A missing key falls back to itself: the English text.
  fallbackLng: false,
  resources: { de: { translation: DE } },
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The translate function of the window's language; the component re-renders when it changes. */
export function useT(): TFunction {
  return useTranslation(undefined, { i18n }).t;
}

/** Marks English text defined apart from where it is shown; translate it with `t` there. */
export function msg(text: string): string {
  return text;
}

/** Follows the language the main process chose; the page's `lang` too (screen readers use it). */
export function followLanguage(language: UiLanguage | undefined): void {
  if (!language) return;
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
