import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The domain core and the exchange formats are pure: no I/O, no clock, no environment.
    files: ['src/domain/**/*.ts', 'src/interop/**/*.ts'],
    // Tests beside the code may read fixtures (e.g. the Vektis layout sheet in ../shared/reference).
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'pg', 'kysely', 'fastify', '@electric-sql/*', '../storage/*', '../../storage/*', '../http/*', '../cli/*', '../app/*', '../../app/*'], message: 'src/domain and src/interop are pure: no I/O, no framework, no outer layer.' },
      ] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'No environment in the domain core.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the domain core: pass the date in.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in the domain core: pass the date in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No hidden randomness in the domain core.' },
      ],
    },
  },
);
