// Lint with typescript-eslint's recommended rules; `vscode` stays out of src/core and src/aws.
// TypeScript files are linted with type information (test/tsconfig.json covers src and test), so
// a promise that is neither awaited nor handled, or one passed where a void callback is
// expected, is an error.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./test/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/aws/**/*.ts', 'src/model/**/*.ts', 'src/git/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'core/, aws/, model/ and git/ modules must run without an editor.' }] }],
    },
  },
);
