// @ts-check
/**
 * ESLint (flat config): the recommended sets of ESLint, typescript-eslint and eslint-plugin-astro — pragmatic on
 * purpose — plus one project rule: the numerical library (src/lib/**) imports nothing from the UI and touches no DOM.
 * It runs on plain ES + its own modules, so the same code runs in the page, in a Web Worker and in Node tests.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

const ROOT = dirname(fileURLToPath(import.meta.url));
const LIB = resolve(ROOT, 'src/lib');

/** Browser-only globals (DOM, storage, workers' postMessage…): everything in `globals.browser` that plain ES lacks. */
const ALLOWED_IN_LIB = new Set(['console', 'performance', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'structuredClone']);
const BROWSER_ONLY = Object.keys(globals.browser).filter((g) => !(g in globals.builtin) && !ALLOWED_IN_LIB.has(g));

/**
 * `why-tanh/lib-boundary`: in src/lib, a relative import must resolve inside src/lib (whatever the file's depth),
 * and `node:` built-ins are out (the library also runs in browsers and workers).
 * @type {import('eslint').Rule.RuleModule}
 */
const libBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'src/lib imports only src/lib (no UI, no site code, no Node built-ins)' },
    schema: [],
    messages: {
      outside:
        '"{{source}}" resolves to {{target}}, outside src/lib: the numerical library must not depend on the UI or the site.',
      node: '"{{source}}" is a Node built-in: the numerical library also runs in browsers and Web Workers.',
    },
  },
  create(context) {
    /** @param {import('estree').Node | null | undefined} node */
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (source.startsWith('node:')) {
        context.report({ node, messageId: 'node', data: { source } });
      } else if (source.startsWith('.') || source.startsWith('/')) {
        const target = resolve(dirname(context.filename), source);
        if (target !== LIB && !target.startsWith(LIB + sep)) {
          context.report({ node, messageId: 'outside', data: { source, target: relative(ROOT, target) || '.' } });
        }
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    '.astro/',
    '.tmp/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'public/',
    'package-lock.json',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    // Site code runs in the browser (islands, client scripts) and at build time in Node (frontmatter, endpoints).
    files: ['src/**/*.{ts,tsx,js,mjs,astro}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Node code; scripts and tests also pass callbacks to Playwright's page.evaluate(), which run in the browser.
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'test/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    rules: {
      // `try { … } catch {}` is the idiom for optional browser features (storage disabled, old engines).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Unused arguments/variables named with a leading underscore are intentional (callbacks, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Published coefficient tables (e.g. Cody's erf) carry more digits than a double holds; rounding them is intended.
    files: ['src/lib/**', 'test/lib/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['src/lib/**/*.{ts,tsx,js,mjs}'],
    plugins: { 'why-tanh': { rules: { 'lib-boundary': libBoundary } } },
    languageOptions: { globals: { ...globals.builtin } },
    rules: {
      'why-tanh/lib-boundary': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['preact', 'preact/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'src/lib is UI-free: components import the library, never the reverse.',
            },
            { group: ['astro', 'astro/*', 'astro:*', '@astrojs/*'], message: 'src/lib must not depend on Astro.' },
            { group: ['d3-*', 'katex', 'katex/*'], message: 'Rendering libraries belong to src/figures and src/components.' },
            // Relative paths out of src/lib (components, figures, site…) are caught by why-tanh/lib-boundary at any depth.
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...BROWSER_ONLY.map((name) => ({
          name,
          message: `"${name}" is a browser global: src/lib runs without a DOM (workers, Node).`,
        })),
      ],
    },
  },
);
