import tseslint from 'typescript-eslint';

/** A versioned subject (….v1), a routed or dead-letter one, or an article wildcard, written out. */
const SUBJECT = String.raw`/\.v[0-9]+$|^[A-Za-z0-9_-]*\.(published|deadletter)\.|\.article\.[*>]/`;
const SUBJECT_MESSAGE = 'Subjects come from the events catalogue in libs/contracts (subjectsFor, Events, ROUTED_COPIES), not string literals.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or catches fails silently (an unhandled rejection takes the
    // process down, a forgotten await lets a handler ack before its work is done).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Subjects come from the events catalogue (libs/contracts): no subject written by hand elsewhere.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['libs/contracts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${SUBJECT}]`, message: SUBJECT_MESSAGE },
        { selector: `TemplateElement[value.raw=${SUBJECT}]`, message: SUBJECT_MESSAGE },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
