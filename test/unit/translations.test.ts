/**
 * English and German, complete: the German catalogs hold every text the code shows (main process
 * and window), no stale entry, the same placeholders and markup; no text reaches the screen
 * without going through the translation; and switching the language switches what is shown.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { DE as MAIN_DE } from '../../main/core/locales/de.ts';
import { DE as WINDOW_DE } from '../../renderer/src/locales/de.ts';
import { appLanguage, currentLanguage, t, useLanguage } from '../../main/core/i18n.ts';
import { signedInPage, signedOutPage } from '../../main/core/loopback-pages.ts';
import { buildMenuTemplate, type MenuActions } from '../../main/shell/menu.ts';
import { trayStatus } from '../../main/shell/tray.ts';
import { toAuthError } from '../../main/core/errors.ts';
import type { AppStatus } from '../../main/app/app-status.ts';
import { findSettingsProblems } from '../../main/core/settings.ts';
import {
  placeholders,
  sourceFiles,
  templateLiteralCalls,
  translationKeys,
} from '../support/translation-keys.ts';

/** The command line speaks English (its output is read by scripts): its files are not translated. */
const CLI_ONLY = ['main/adapters/node-network.ts', 'main/adapters/os-browser.ts'];
const MAIN_FILES = sourceFiles(
  'main',
  (path) =>
    path.includes('/locales/') ||
    path.includes('/cli/') ||
    path.endsWith('/i18n.ts') ||
    CLI_ONLY.includes(path),
);
const WINDOW_FILES = sourceFiles(
  'renderer/src',
  (path) => path.includes('/locales/') || path.endsWith('/i18n.ts'),
);

/** `<b>`, `</mono>`…: the markup a `<Trans>` text carries. */
function tags(text: string): string[] {
  return [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();
}

describe.each([
  ['main process', MAIN_FILES, MAIN_DE],
  ['window', WINDOW_FILES, WINDOW_DE],
])('the German catalog of the %s', (_, files, catalog) => {
  const keys = translationKeys(files);

  it('finds the texts (the extraction itself works)', () => {
    expect(keys.size).toBeGreaterThan(100);
  });

  it('translates every text the code shows', () => {
    const missing = [...keys.keys()].filter((key) => !(key in catalog));
    expect(missing).toEqual([]);
  });

  it('holds no entry the code no longer shows', () => {
    expect(Object.keys(catalog).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('keeps each placeholder and tag, and leaves nothing empty', () => {
    for (const [english, german] of Object.entries(catalog)) {
      expect(german.trim(), english).not.toBe('');
      expect(placeholders(german), english).toEqual(placeholders(english));
      expect(tags(german), english).toEqual(tags(english));
    }
  });

  it('is never handed a template literal (its key could not be in a catalog)', () => {
    expect(templateLiteralCalls(files)).toEqual([]);
  });
});

/** Text in JSX, and the attributes people read, that does not go through `t`. */
function untranslatedJsx(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      // The product's name and unit symbols are the same in every language.
      if (/[A-Za-z]/.test(text) && !['cognito-desktop', 'ms'].includes(text)) found.push(text);
    }
    const attribute = ts.isJsxAttribute(node) ? node.name.getText() : '';
    if (
      ts.isJsxAttribute(node) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      // Placeholders are example values (URLs, "prod"); one with words in it is a sentence.
      (/^(aria-label|title|alt)$/.test(attribute)
        ? /[A-Za-z]/
        : attribute === 'placeholder'
          ? / \w/
          : /$^/
      ).test(node.initializer.text)
    )
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${file}: ${text}`);
}

describe('no text reaches the screen untranslated', () => {
  it('the window: no literal text in JSX, no literal aria-label, title or placeholder', () => {
    const tsx = WINDOW_FILES.filter((f) => f.endsWith('.tsx'));
    expect(tsx.length).toBeGreaterThan(8);
    expect(tsx.flatMap(untranslatedJsx)).toEqual([]);
  });

  it('the check itself finds such text', () => {
    const file = 'test/fixtures/untranslated.tsx';
    expect(untranslatedJsx(file)).toEqual([
      `${file}: Sign in`,
      `${file}: aria-label="Close the dialog"`,
      `${file}: placeholder="Type your name"`,
    ]);
  });

  it('the main process: menu and tray labels, and errors the app shows, go through t', () => {
    for (const file of ['main/shell/menu.ts', 'main/shell/tray.ts'])
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/label: ['`](?!cognito-desktop')/);
    const literalErrors = MAIN_FILES.filter((file) =>
      /new AuthError\(\s*'[a-z_]+',\s*['`"]/.test(readFileSync(file, 'utf8')),
    );
    expect(literalErrors).toEqual([]);
  });
});

describe('the language', () => {
  afterEach(() => useLanguage('en'));

  it.each([
    ['de', 'en-US', 'de'],
    ['de-CH', 'en-US', 'de'],
    ['DE', 'en-US', 'de'],
    ['', 'de-AT', 'de'],
    ['', 'de_DE', 'de'],
    ['fr', 'de-DE', 'en'],
    ['', 'fr-FR', 'en'],
    ['', 'en-GB', 'en'],
    ['  ', 'de-DE', 'de'],
  ])('setting %j on a %s system: the app speaks %s', (setting, os, expected) => {
    expect(appLanguage(setting, os)).toBe(expected);
  });

  it('is English before the app chooses (the command line never does)', () => {
    expect(currentLanguage()).toBe('en');
    expect(t('Sign Out')).toBe('Sign Out');
    expect(t('Redirect port {{port}} is free', { port: 47611 })).toBe('Redirect port 47611 is free');
  });

  it('German reaches menus, tray, errors, setting problems and the browser pages', async () => {
    await useLanguage('de');
    expect(currentLanguage()).toBe('de');
    const actions = new Proxy({}, { get: () => () => undefined }) as MenuActions;
    const signedOut: AppStatus = {
      status: 'signed-out',
      provider: { issuer: 'https://idp.example', domain: 'idp.example', isEmulator: false },
      identityProviders: [],
      emailFirst: false,
    };
    const menu = buildMenuTemplate('linux', signedOut, actions);
    expect(menu.map((m) => m.label)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe']);
    const file = menu[0]!.submenu as { label?: string }[];
    expect(file.map((i) => i.label)).toContain('Anmelden…');
    expect(trayStatus(signedOut, 0)).toBe('Abgemeldet');
    expect(toAuthError(new TypeError('fetch failed')).message).toMatch(
      /^Der Anbieter ist nicht erreichbar: /,
    );
    expect(findSettingsProblems({ clientId: 'x' })[0]!.message).toBe(
      'Discovery-URL ist erforderlich: Fügen Sie den Issuer oder die Discovery-URL des User Pools ein.',
    );
    expect(signedInPage()).toContain('<html lang="de">');
    expect(signedInPage()).toContain('<h1>Angemeldet</h1>');
    expect(signedOutPage()).toContain('Sie sind bei cognito-desktop und beim Anbieter abgemeldet.');
    await useLanguage('en');
    expect(signedInPage()).toContain('<html lang="en">');
    expect(t('Sign Out')).toBe('Sign Out');
  });
});
