// ESLint: typescript-eslint's recommended rules and React's hooks rules, zero warnings
// (part of `npm test`).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-relay', 'bench/blank/dist', 'test-results', 'playwright-report', 'node_modules', 'dev-dist', '.prof'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The hooks rules proper (the React Compiler's rules need the compiler, which is not used here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  // A promise nobody awaits or marks `void` is a change whose failure nobody sees (typed rules: the project's tsconfig).
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Tests build malformed plan files on purpose: loose JSON types are the point there.
  { files: ['**/*.test.{ts,tsx}', 'tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.{js,mjs}', 'scripts/**', 'bench/**', 'tests/**', '*.config.ts'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
