// ESLint: the recommended JavaScript and typescript-eslint rules, plus eslint-plugin-astro for .astro files.
// Formatting is Prettier's job (npm run format), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'screenshots/', 'coverage/', 'schemas/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value that is deliberately unused (a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // Scripts the site ships to browsers as files (the Content-Security-Policy allows no inline script).
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    // The on-call page's script is a module: its pure functions are imported by the unit tests too.
    files: ['public/on-call.js'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['src/components/**/*.astro', 'src/pages/**/*.astro', 'src/layouts/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
