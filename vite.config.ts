import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BASE lets the same build serve from / and from /<repo>/ (GitHub Pages); every asset path
// is relative to it. Default '/'.
export default defineConfig({
  base: process.env.BASE ?? '/',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: process.env.OUT_DIR ?? 'dist', target: 'es2022', chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
