// Browser benchmark of the real-model adapter on the tiny pair: builds bench/realBrowser, serves
// it, and runs it in headless Chromium on wasm and on WebGPU (SwiftShader here: a software GPU,
// so its times say nothing of real GPUs). Prints one line of figures per device; exits 1 if a
// device fails or the cached/cropped logits differ from a recompute. Figures, not a test.
// Run: node bench/realBrowser/run.mjs [wasm,webgpu]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEBGPU = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--use-angle=swiftshader'];
const configFile = join(import.meta.dirname, 'vite.config.ts');
const outDir = mkdtempSync(join(tmpdir(), 'specplay-real-browser-'));
let failed = false;
process.env.OUT_DIR = outDir;
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { port: 0 } });
const url = server.resolvedUrls.local[0];
try {
  for (const device of (process.argv[2] ?? 'wasm,webgpu').split(',')) {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: device === 'wasm' ? [...ARGS, '--disable-gpu'] : [...ARGS, ...WEBGPU],
    });
    const page = await browser.newPage();
    const hosts = new Set();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && u.host !== new URL(url).host) hosts.add(u.host);
    });
    await page.goto(`${url}?device=${device}`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running', null, { timeout: 180000 });
    const r = JSON.parse((await page.textContent('#out')) ?? '{}');
    await browser.close();
    if (r.error || r.cachedVsFull > 1e-4 || r.cropVsFull > 1e-4 || hosts.size > 0) failed = true;
    console.log(`${device.padEnd(7)} ${JSON.stringify(r)}${hosts.size ? ` other hosts: ${[...hosts].join(', ')}` : ''}`);
  }
} finally {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
