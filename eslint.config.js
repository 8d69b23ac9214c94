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
