// Lint also enforces the layering: shared/ imports neither Node nor DOM libraries, renderer/ never
// imports electron/, and services/store never import the electron module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'electron/**/*.ts', 'test/**/*.ts', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, 'electron', 'react', 'react-dom', 'maplibre-gl'],
              message: 'shared/ is pure: no Node, DOM or UI imports.',
            },
            {
              group: ['../electron/*', '../renderer/*'],
              message: 'shared/ imports nothing from other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeOnly],
              message: 'renderer/ runs in a sandbox: no Node or electron imports.',
            },
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/store/**/*.ts',
      'electron/services/**/*.ts',
      'electron/host/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/cli.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Plain Node modules: only the Electron glue imports electron.' },
          ],
        },
      ],
    },
  },
);
