// ESLint: a few rules that catch real bugs, with type information. Formatting is Prettier's, layering is
// dependency-cruiser's (.dependency-cruiser.cjs): neither is repeated here. Run with `pnpm lint`.
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // TypeScript only: the few JavaScript files are build and tool configuration.
    ignores: ['**/dist/**', '**/node_modules/**', '**/migrations/**', 'test-output/**', 'var/**', '**/*.{js,cjs,mjs}'],
  },
  {
    files: ['{shared,server,miniapp}/{src,test}/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      // Each file is checked with its package's tsconfig (miniapp/test has its own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Promises: every one is awaited, returned, or explicitly let go with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Errors: throw Error objects (AppException is one), never strings or plain objects.
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // A switch over a union (states, kinds, message types) names every member or has a default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'smart'],
      // Dead code: an unused import or variable is a leftover (prefix `_` when a parameter must stay).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-debugger': 'error',
    },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
