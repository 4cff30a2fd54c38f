/**
 * The language the app speaks, and `t`, which every user-facing text of the main process goes
 * through (menus, tray, notifications, dialogs, errors, setting problems, the configuration check
 * and the browser pages of the loopback receiver).
 *
 * Keys are the English texts themselves (i18next's natural-language keys): the code reads as it
 * shows, English needs no catalog, and a German entry exists for every key (a unit test extracts
 * every `t('…')` and `msg('…')` of the main process and compares them with `locales/de.ts`).
 *
 * i18next is loaded only by {@link useLanguage}, which the app calls once it knows the language
 * setting. The command line never calls it: its output is read by scripts and speaks English, and
 * `token`/`status` stay free of the module (they are measured against a floor).
 */
import { loadOnce } from './load-once.ts';

/** The languages the app's texts exist in. */
export const APP_LANGUAGES = ['en', 'de'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

type Params = Record<string, string | number>;
type Translate = (text: string, params?: Params) => string;

/**
 * English without i18next: the key is the text; only `{{name}}` placeholders are filled. Used until
 * {@link useLanguage} ran (the command line, unit tests of the core).
 */
const english: Translate = (text, params) =>
  params ? text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;

let translate: Translate = english;
let current: AppLanguage = 'en';

/** The English `text` in the app's language, its `{{placeholders}}` filled from `params`. */
export function t(text: string, params?: Params): string {
  return translate(text, params);
}

/**
 * Marks English text defined apart from where it is shown (a table of labels, say): returned as is,
 * translated with {@link t} where it is shown. The marker lets the catalog test find it.
 */
export function msg(text: string): string {
  return text;
}

/** The language {@link t} translates to now. */
export function currentLanguage(): AppLanguage {
  return current;
}

/**
 * The app's language: the language setting when it names one the app speaks, else the OS's locale
 * when the setting is empty, else English. The same setting (or, empty, the same OS locale) is what
 * a sign-in asks the provider's page for (`sign-in-options.ts`), so a German system sees German in
 * the app and on Cognito's managed login; a setting of `fr` shows French there and English here.
 */
export function appLanguage(setting: string, osLocale: string): AppLanguage {
  const primary = (setting.trim() || osLocale).split(/[-_]/)[0]!.toLowerCase();
  return (APP_LANGUAGES as readonly string[]).includes(primary) ? (primary as AppLanguage) : 'en';
}

/** The OS's locale as Node sees it (`de-DE`): what an empty language setting follows. */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

const i18nextModule = loadOnce(() => import('i18next'));
const germanCatalog = loadOnce(() => import('./locales/de.ts'));

/**
 * Switches {@link t} to `language`. English is the keys themselves, so it needs neither i18next nor
 * a catalog: an app in English starts without loading them. The app calls this on every rebuild of
 * its session (a save, a switch of profile or account): the language it speaks already changes
 * nothing.
 */
export async function useLanguage(language: AppLanguage): Promise<void> {
  if (language === current) return;
  if (language === 'en') {
    translate = english;
    current = 'en';
    return;
  }
  const [{ default: i18next }, { DE }] = await Promise.all([i18nextModule(), germanCatalog()]);
  const instance = i18next.createInstance();
  // The window sets i18next up the same way (renderer/src/i18n.ts); the two cannot share a module:
  // the window may not import the main process, and the core sits below the preload folder.
  await instance.init({
    lng: language,
    // A missing key falls back to itself: the English text, placeholders filled.
    fallbackLng: false,
    resources: { de: { translation: DE } },
    keySeparator: false,
    nsSeparator: false,
    // Texts go to menus, notifications and error messages, not HTML; the loopback pages escape.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  translate = (text, params) => instance.t(text, params ?? {});
  current = language;
}
