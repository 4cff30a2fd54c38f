/**
 * English and German, complete: the German catalogs hold every text the code shows (main process
 * and window), no stale entry, the same placeholders and markup; and no text reaches the screen
 * without going through the translation. Static checks of the source, so the mutation run leaves
 * them out (it instruments the source they read).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DE as MAIN_DE } from '../../main/core/locales/de.ts';
import { DE as WINDOW_DE } from '../../renderer/src/locales/de.ts';
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

/** The keys written in a catalog file's object literals (spreads of other files left out). */
function keysWrittenIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node)) keys.push(node.name.getText(source).replace(/^'|'$/g, ''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

it('the main process’s German catalog files hold each text once (a second entry would win unseen)', () => {
  const written = ['de.ts', 'de-errors.ts', 'de-settings.ts'].flatMap((name) =>
    keysWrittenIn(`main/core/locales/${name}`),
  );
  expect(written.length).toBeGreaterThan(300);
  expect(written.length).toBe(Object.keys(MAIN_DE).length);
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
