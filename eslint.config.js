import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test/artifacts/', 'client/dist/', 'modeler/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['client/src/**/*.ts', 'modeler/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The client takes the server's types from its schemas, never its code: a type import is
      // erased, a value import would bundle server modules into the page.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@server/*', '**/server/src/**'],
              allowTypeImports: true,
              message: 'Import the server only with `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    // The form validator runtime runs the server's RE2 engine and names in the browser on
    // purpose (validator modules behave as on the server); both modules are browser-safe.
    files: ['client/src/composables/validator-runtime.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The modeler runs deploy's rule set (server/src/engine/lint) and its step-budget paths in the
    // browser on purpose: one implementation; every module they reach is browser-safe and in
    // vite.config.ts SHARED.
    files: ['modeler/src/features/lint/rule-set.ts', 'modeler/src/features/deadlines/deadline-analysis.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Tests read JSON response bodies whose shape each assertion spells out.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
