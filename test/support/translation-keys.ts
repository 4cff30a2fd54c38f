/**
 * The English texts the code hands to `t('…')` and `msg('…')`, in the main process and the window: the
 * keys a catalog must translate. Read from the source, so a text added without a German entry
 * fails the catalog test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `t('…')`, `msg('…')`, `t("…")`; the first argument only, which must be a literal. */
const CALL = /(?<![\w.])(?:t|msg)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;

/** Calls whose first argument is not a literal: allowed only for marked or passed-through text. */
const DYNAMIC_CALL = /(?<![\w.])t\(\s*[`]/g;

export function sourceFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !skip(path));
}

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

/** Every key in `files`, with the files it appears in. */
export function translationKeys(files: string[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(CALL)) {
      const key = unescape(match[2]!);
      keys.set(key, [...(keys.get(key) ?? []), file]);
    }
  }
  return keys;
}

/** Files that pass a template literal to `t`: its key could never be in a catalog. */
export function templateLiteralCalls(files: string[]): string[] {
  return files.filter((file) => DYNAMIC_CALL.test(readFileSync(file, 'utf8')));
}

/** The `{{placeholders}}` of a text, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}
