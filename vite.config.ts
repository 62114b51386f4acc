import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { realModelAssets } from './scripts/vite-real-models.mjs';

/** The Content-Security-Policy of the built page: only the site's own scripts and workers. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // React and framer-motion set element styles; no inline <script> is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// Build only: the dev server injects inline scripts for hot reload.
const csp = (): Plugin => ({
  name: 'specplay-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
});

// BASE lets the same build serve from / and from /<repo>/ (GitHub Pages); every asset path
// is relative to it. Default '/'.
export default defineConfig({
  base: process.env.BASE ?? '/',
  plugins: [react(), csp(), realModelAssets()],
  worker: { format: 'es' },
  build: { outDir: process.env.OUT_DIR ?? 'dist', target: 'es2022', chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
