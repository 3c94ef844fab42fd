import tseslint from 'typescript-eslint';
import courier from './eslint-rules/layering.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.courier-dev/**', '.tmp/**', 'newman/**', 'test/fixtures/layering/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    extends: [tseslint.configs.recommended],
    plugins: { courier },
    rules: {
      'courier/layering': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
