// ESLint for the whole repository: typescript-eslint's type-checked rules (floating and misused promises matter in a
// server full of async code), with Prettier left in charge of layout (`pnpm format`).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/.turbo/', '.reports/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig that compiles it (package code, tests, benches, examples).
        // Domain packages have a separate tsconfig for tests; the server and channel packages, like apps, have one.
        project: [
          'packages/*/tsconfig.test.json',
          'packages/{api,web-chat,teams-bot,widget}/tsconfig.json',
          'apps/*/tsconfig.json',
          'tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Stores and adapters implement async interfaces in memory: an async method without await is what they are.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON bodies and activities typed `any` by their libraries; asserting on them is the point.
    files: ['**/*.test.ts', '**/test-support.ts', '**/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
