import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{server,sim,scenarios,bin,bench}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
