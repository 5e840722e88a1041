// @ts-check
/**
 * ESLint for the whole project (`npm run lint`; `npm test` runs it too, test/unit/lint.test.ts).
 * Recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, and one rule of the
 * house: what lives in src/lib, src/elements and src/worker runs in the browser, so it imports no Node module,
 * nothing of src/node or Astro, and no build-time library.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_SAFE = {
  patterns: [
    { group: ['node:*'], message: 'src/lib and src/elements run in the browser: Node modules belong in src/node.' },
    { group: ['**/node/*', '**/node/**'], message: 'src/node runs only in Node, at build time: the browser must not import it.' },
    { group: ['**/data/*', '**/loaders/*', '**/pages/*', '**/integrations/*'], message: 'build-time Astro code: the browser must not import it.' },
    { group: ['astro', 'astro/*', 'astro:*'], message: 'src/lib never imports Astro (STYLE.md, habit 1).' },
    { group: ['pinyin-pro', '@pinyin-pro/*', 'esbuild', 'yaml'], message: 'a build-time library: use it from src/node.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', '.parts/', '.parts-*/', 'node_modules/', 'test-results/', 'scripts/tmp/', 'src/node/pinyin/words.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Full-width spaces (U+3000) are the archive's own indentation: strings and patterns hold them.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true }],
    },
  },
  { files: ['src/lib/**/*.ts', 'src/elements/**/*.ts', 'src/worker/**/*.ts'], rules: { 'no-restricted-imports': ['error', BROWSER_SAFE] } },
);
