import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { bundleReport } from './scripts/bundle-report.ts';

/** Built into dist/desk, which ingest serves under /desk (see apps/ingest/src/desk-assets.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/desk/',
  plugins: [preact(), bundleReport({ budgetKb: 250 })],
  build: { outDir: '../../dist/desk', emptyOutDir: true, target: 'es2022', sourcemap: false },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
  },
});
