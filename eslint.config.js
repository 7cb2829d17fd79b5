import tseslint from 'typescript-eslint';
import { layeringRule } from './tests/lint/layering-rule.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'tests/e2e/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { layering: layeringRule } } },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests start children only through tests/support/children.ts (stopped after the file at the
    // latest, never holding the runner's output open) and sync calls only with a timeout (runSync).
    files: ['tests/**/*.ts'],
    ignores: ['tests/support/**', 'tests/bench/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['node:child_process', 'child_process'].map((name) => ({
          name,
          importNames: ['spawn', 'fork', 'exec', 'execSync', 'execFileSync', 'spawnSync'],
          message: 'Use spawnChild / runSync from tests/support/children.ts (bounded, registered, stopped after the file).',
        })),
      }],
    },
  },
);
