/**
 * The window's language: i18next with English texts as keys (as in the main process). The main
 * process decides the language (the language setting, else the OS's) and sends it with every
 * state; the window starts in English and follows.
 *
 * English needs no catalog; German (`locales/de.ts`) is loaded the first time the window needs it,
 * so a window in English starts without it (`npm run bench` measures the JavaScript a window loads
 * at start).
 *
 * Components take `t` from {@link useT}; texts defined apart from where they are shown (tables of
 * titles) are marked with {@link msg} and translated where shown. A unit test extracts every
 * `t('…')` and `msg('…')` and holds the German catalog to them.
 */
import i18next, { type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import type { UiLanguage } from '../../preload/contract.ts';

const CATALOGS: Record<Exclude<UiLanguage, 'en'>, () => Promise<Record<string, string>>> = {
  de: () => import('./locales/de.ts').then((module) => module.DE),
};

export const i18n = i18next.createInstance();
// As the main process sets it up (main/core/i18n.ts), which this page may not import.
void i18n.init({
  lng: 'en',
  // A missing key falls back to itself: the English text.
  fallbackLng: false,
  resources: {},
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

function onLanguageChanged(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}

/** The translate function of the window's language; the component re-renders when it changes. */
export function useT(): TFunction {
  const language = useSyncExternalStore(onLanguageChanged, () => i18n.language);
  return useMemo(() => i18n.getFixedT(language), [language]);
}

/** Marks English text defined apart from where it is shown; translate it with `t` there. */
export function msg(text: string): string {
  return text;
}

/** The language asked for last: a catalog that arrives after a newer request is not switched to. */
let wanted: UiLanguage = 'en';

/**
 * Follows the language the main process chose, loading its catalog the first time; the page's
 * `lang` too (screen readers use it). Resolves once the window speaks it.
 */
export async function followLanguage(language: UiLanguage | undefined): Promise<void> {
  if (!language || language === wanted) return;
  wanted = language;
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    const catalog = await CATALOGS[language]().catch((error: unknown) => {
      // Not loaded: the window stays in its language, and the next state may try again.
      if (wanted === language) wanted = i18n.language as UiLanguage;
      throw error;
    });
    i18n.addResourceBundle(language, 'translation', catalog);
  }
  if (wanted !== language) return;
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
