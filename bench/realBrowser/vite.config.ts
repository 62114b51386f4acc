// Build of the browser benchmark page (bench/realBrowser/run.mjs builds and serves it).
import { defineConfig } from 'vite';
import { realModelAssets } from '../../scripts/vite-real-models.mjs';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: '../../public',
  plugins: [realModelAssets()],
  worker: { format: 'es' },
  build: { outDir: process.env.OUT_DIR ?? 'dist', emptyOutDir: true, target: 'es2022' },
  preview: { host: '127.0.0.1' },
});
