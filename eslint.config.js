// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * A rule that keeps the files of one layer from importing what lies above it.
 * @param {string[]} files
 * @param {string} why
 * @param {{ paths: string[], patterns: string[] }} forbidden
 */
function fence(files, why, { paths, patterns }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message: `${why}.` })),
          patterns: patterns.map((group) => ({ group: [group], message: `${why}.` })),
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The fences between the layers (docs/ARCHITECTURE.md): each layer imports only those below it.
  // test/unit/lint-fences.test.ts checks that each fence holds.
  fence(
    ['main/core/**/*.ts'],
    'main/core decides and runs in plain Node: it reaches the OS only through its ports',
    {
      paths: ['electron', 'keytar', 'electron-store', 'proper-lockfile', 'dbus-next'],
      patterns: [
        '**/adapters/**',
        '**/app/**',
        '**/shell/**',
        '**/ipc/**',
        '../index.ts',
        '../cli.ts',
        '../cli-bin.ts',
      ],
    },
  ),
  fence(
    ['main/adapters/**/*.ts'],
    'main/adapters implement core ports with OS libraries, and know nothing above core',
    {
      paths: ['electron', 'electron-store'],
      patterns: ['**/app/**', '**/shell/**', '**/ipc/**', '../index.ts', '../cli.ts'],
    },
  ),
  fence(['main/app/**/*.ts'], 'main/app is the Electron-free app layer: Electron lives in main/shell', {
    paths: ['electron', 'electron-store'],
    patterns: ['**/shell/**', '**/ipc/**', '../index.ts', '../cli.ts'],
  }),
  fence(
    ['main/ipc/**/*.ts'],
    'main/ipc maps the contract onto the app layer; Electron objects come from main/index.ts',
    {
      paths: [],
      patterns: ['**/shell/**', '../index.ts', '../cli.ts'],
    },
  ),
  fence(
    ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    'the renderer is a web page: it talks to window.api only',
    {
      paths: ['electron', 'keytar', 'electron-store', 'openid-client'],
      patterns: ['node:*', '**/main/**'],
    },
  ),
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
