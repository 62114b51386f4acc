import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60000,
    pool: 'threads',
    // Writes the tiny model pair (public/models) when missing or stale; ~0.2 s, else a hash check.
    globalSetup: ['tests/tinyModels.setup.ts'],
  },
});
