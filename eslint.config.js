import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of STYLE.md §1, one block per folder: `forbidden(depth)` is a regular expression for
 * the relative imports a file `depth` folders below it may not make. The blocks go down a few
 * levels, so a sub-folder added later is held to the same rule.
 */
const LAYERS = [
  {
    folder: 'server/tally',
    message: 'server/tally counts and nothing else: it imports nothing of ours outside server/tally.',
    forbidden: (depth) => `^(?:\\./)?(?:\\.\\./){${depth + 1}}`,
  },
  {
    folder: 'server/ballot-files',
    message: 'server/ballot-files reads and writes ballot files over server/tally only.',
    forbidden: (depth) => `^(?:\\./)?(?:\\.\\./){${depth + 1}}(?!tally/)`,
  },
  {
    folder: 'server/data',
    message: 'server/data is below the domain: it never imports server/domain, server/http or server/cli.',
    forbidden: () => '^(?:\\./)?(?:\\.\\./)+(?:server/)?(?:domain|http|cli)(?:/|\\.js$|$)',
  },
  {
    folder: 'server/domain',
    message: 'server/domain is below http and cli: it never imports server/http or server/cli.',
    forbidden: () => '^(?:\\./)?(?:\\.\\./)+(?:server/)?(?:http|cli)(?:/|\\.js$|$)',
  },
];
const LAYER_DEPTHS = [0, 1, 2, 3];

const layerBlocks = LAYERS.flatMap(({ folder, message, forbidden }) => LAYER_DEPTHS.map((depth) => ({
  files: [`${folder}/${'*/'.repeat(depth)}*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: forbidden(depth), message }] }] },
})));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/**', 'public/vendor/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['public/js/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', HTMLElement: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerBlocks,
);
