// Flat ESLint config for the whole monorepo: `npm run lint` (eslint .).
// CommonJS because the root package.json is not "type": "module".
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const tseslint = require('typescript-eslint');

const nodeGlobals = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Buffer', 'URL', 'URLSearchParams', 'clearInterval', 'clearTimeout',
    'console', 'fetch', 'module', 'process', 'require', 'setImmediate', 'setInterval', 'setTimeout',
    'structuredClone', '__dirname', '__filename',
  ].map((name) => [name, 'readonly']),
);

module.exports = defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/generated/',
    '**/.next/',
    '**/.next-*/',
    '**/dist/',
    '**/coverage/',
    '**/test-results/',
    '**/playwright-report/',
    '**/next-env.d.ts',
    '.racine/',
    '.turbo/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['eslint.config.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
