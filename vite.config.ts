import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { realModelAssets } from './scripts/vite-real-models.mjs';

/**
 * Where real model files come from: the hub, and the storage hosts its /resolve/ URLs redirect
 * to. The hub publishes them in https://huggingface.co/.well-known/meta.json ("lfsDomains":
 * cdn-lfs*.hf.co, transfer.xethub*.hf.co; "cdnDomains": the regional *.cdn.hf.co hosts); Xet
 * downloads also redirect to cas-bridge.xethub.hf.co (reported in mlc-ai/web-llm PR #769), the
 * older LFS hosts are cdn-lfs*.huggingface.co (web-llm PR #603). transformers.js fetches
 * https://huggingface.co/{model}/resolve/{revision}/{file} (env.remoteHost).
 * A meta-tag policy binds the page; a dedicated worker takes its policy from its own response
 * headers, which GitHub Pages cannot send, so a host that can send headers should serve the
 * worker scripts with this policy too.
 */
export const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://cdn-lfs.huggingface.co',
  'https://cdn-lfs-us-1.huggingface.co',
  'https://cdn-lfs-eu-1.huggingface.co',
  'https://cdn-lfs.hf.co',
  'https://cdn-lfs-us-1.hf.co',
  'https://cdn-lfs-eu-1.hf.co',
  'https://cas-bridge.xethub.hf.co',
  'https://transfer.xethub.hf.co',
  'https://transfer.xethub-eu.hf.co',
  'https://aws.cdn.hf.co',
  'https://us.aws.cdn.hf.co',
  'https://us-east-1.aws.cdn.hf.co',
  'https://us-west-2.aws.cdn.hf.co',
  'https://eu-west-3.aws.cdn.hf.co',
  'https://ap-southeast-1.aws.cdn.hf.co',
  'https://us.gcp.cdn.hf.co',
  'https://us-east1.us.gcp.cdn.hf.co',
  'https://us-central1.us.gcp.cdn.hf.co',
  'https://us-west4.us.gcp.cdn.hf.co',
  'https://europe-west4.us.gcp.cdn.hf.co',
  'https://asia-southeast1.us.gcp.cdn.hf.co',
];

/**
 * The Content-Security-Policy of the built page: only the site's own scripts and workers;
 * WebAssembly may compile (onnxruntime's .wasm, served by the site itself); connections only to
 * the site and the model hosts above.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // React and framer-motion set element styles; no inline <script> is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${MODEL_HOSTS.join(' ')}`,
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
