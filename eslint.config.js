// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Only the edges talk to a terminal; the core and the adapters log through the logger.
    files: ['src/cli.ts', 'src/main.ts', 'src/adapters/console/**', 'bench/**', 'bin/**', 'test/**', 'src/**/*-cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
