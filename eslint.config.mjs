// Lint is where the architecture's import boundaries live (DESIGN.md, "Architecture"):
// shared/ is pure, renderer/ talks only to the API contract, and only main/ knows Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'util',
  'events',
  'zlib',
  'readline',
  'dns',
  'tls',
  'process',
  'buffer',
  'assert',
  'v8',
  'vm',
  'perf_hooks',
  'timers',
  'cluster',
  'module',
];
const nodePatterns = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);
const electronPatterns = ['electron', 'electron/*'];

const restrict = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-output/**',
      'playwright-report/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict([
      { group: nodePatterns, message: 'shared/ runs everywhere: no Node built-ins.' },
      { group: electronPatterns, message: 'shared/ must not import Electron.' },
      { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ has no DOM or UI code.' },
      {
        group: ['**/main/**', '**/db/**', '**/server/**', '**/core/**', '**/renderer/**'],
        message: 'shared/ depends on nothing of the project.',
      },
      { group: ['better-sqlite3'], message: 'shared/ has no storage.' },
    ]),
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: ['**/main/**', '**/db/**', '**/server/**', '**/core/**'],
          message: 'renderer/ reaches the core only through the API contract in shared/.',
        },
        { group: electronPatterns, message: 'renderer/ must not import Electron.' },
        { group: nodePatterns, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
        { group: ['better-sqlite3'], message: 'renderer/ has no direct storage.' },
      ]),
    },
  },
  {
    files: ['core/**/*.ts', 'db/**/*.ts', 'server/**/*.ts'],
    rules: restrict([
      {
        group: electronPatterns,
        message: 'Only main/ imports Electron; the core runs in plain Node.',
      },
      {
        group: ['**/renderer/**', '**/main/**'],
        message: 'The core does not depend on a shell or the UI.',
      },
    ]),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: restrict([
      {
        group: electronPatterns.filter((p) => p !== 'electron'),
        message: 'Tests reach Electron only through Playwright.',
      },
    ]),
  },
);
