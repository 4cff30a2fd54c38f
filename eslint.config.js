// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * A rule that keeps the files of one layer from importing what lies above it.
 * @param {string[]} files
 * @param {string} why
 * @param {{ paths: string[], patterns: string[], allowTypeImports?: boolean }} forbidden
 */
function fence(files, why, { paths, patterns, allowTypeImports = false }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message: `${why}.`, allowTypeImports })),
          patterns: patterns.map((group) => ({ group: [group], message: `${why}.`, allowTypeImports })),
        },
      ],
    },
  };
}

/** The entry points and the CLI's room: what no layer below them may import. */
const ENTRY_POINTS = ['**/index.ts', '**/cli.ts', '**/cli-bin.ts', '**/cli-standalone.ts', '**/cli/**'];
/** Modules that touch the OS or Electron: adapters and the shell use them, never the core. */
const OS_MODULES = [
  'electron',
  'keytar',
  'electron-store',
  'electron-updater',
  'electron-log',
  'proper-lockfile',
  'dbus-next',
];

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
      paths: OS_MODULES,
      patterns: ['**/adapters/**', '**/app/**', '**/shell/**', '**/ipc/**', '**/preload/**', ...ENTRY_POINTS],
    },
  ),
  {
    // What an import statement cannot hide from the fence above: a dynamic import, a require.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=/^(${OS_MODULES.join('|')})$/]`,
          message: 'main/core reaches the OS only through its ports, dynamic imports included.',
        },
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(adapters|app|shell|ipc|cli|preload)\\//]',
          message: 'main/core imports nothing above it, dynamic imports included.',
        },
        {
          selector: "CallExpression[callee.name='createRequire']",
          message: 'main/core loads no module through require: native modules belong in an adapter.',
        },
      ],
    },
  },
  fence(
    ['main/adapters/**/*.ts'],
    'main/adapters implement core ports with OS libraries, and know nothing above core',
    {
      paths: ['electron', 'electron-store', 'electron-updater'],
      patterns: ['**/app/**', '**/shell/**', '**/ipc/**', '**/preload/**', ...ENTRY_POINTS],
    },
  ),
  fence(['main/app/**/*.ts'], 'main/app is the Electron-free app layer: Electron lives in main/shell', {
    paths: ['electron', 'electron-store', 'electron-updater'],
    patterns: ['**/shell/**', '**/ipc/**', ...ENTRY_POINTS],
  }),
  fence(
    ['main/ipc/**/*.ts'],
    'main/ipc maps the contract onto the app layer; Electron objects come from main/index.ts',
    {
      paths: [],
      patterns: ['**/shell/**', ...ENTRY_POINTS],
    },
  ),
  fence(
    ['main/shell/**/*.ts'],
    "main/shell is the app's Electron glue: it knows nothing of the command line",
    {
      paths: [],
      patterns: ['**/cli.ts', '**/cli-bin.ts', '**/cli-standalone.ts', '**/cli/**'],
    },
  ),
  fence(
    ['main/cli/**/*.ts', 'main/cli.ts', 'main/cli-bin.ts', 'main/cli-standalone.ts'],
    "the command line runs in plain Node: no Electron, no shell, none of the window's app modules",
    {
      paths: ['electron', 'electron-store', 'electron-updater'],
      patterns: [
        '**/shell/**',
        '**/ipc/**',
        '**/preload/**',
        '**/index.ts',
        '**/app/app-controller.ts',
        '**/app/app-status.ts',
        '**/app/session-states.ts',
        '**/app/settings-use-cases.ts',
        '**/app/proxy-question.ts',
        '**/app/updates.ts',
        '**/app/development-switches.ts',
        '**/app/diagnostics.ts',
      ],
    },
  ),
  fence(
    ['preload/contract.ts'],
    'the contract is shared with the page: no Electron, and of main only types',
    {
      paths: ['electron'],
      patterns: ['**/main/**'],
      allowTypeImports: true,
    },
  ),
  fence(['preload/index.ts'], 'the preload exposes the contract through contextBridge, and nothing of main', {
    paths: [],
    patterns: ['**/main/**'],
  }),
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
