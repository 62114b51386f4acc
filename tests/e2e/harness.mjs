// Shared e2e set-up: a static server for the built site under a sub-path (as GitHub Pages
// serves it) and Debian's Chromium driven by playwright-core.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.E2E_BASE ?? '/specplay/';
export const DIST = resolve(process.env.E2E_DIST ?? 'dist-e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  // onnxruntime's runtime (module script + WebAssembly) for the real-model world.
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Serves DIST at BASE on a free loopback port; resolves to { url, close }. Options (tests of
 * loading): onRequest(path) sees every request; delay(path) returns ms to hold a response;
 * pages maps extra paths under BASE to HTML served as is (the page benchmark's empty page).
 */
export function serve(options = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    options.onRequest?.(path);
    const wait = options.delay?.(path) ?? 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end('not under base');
      return;
    }
    const extra = options.pages?.[path.slice(BASE.length)];
    if (extra !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(extra);
      return;
    }
    let file = normalize(join(DIST, path.slice(BASE.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}${BASE}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Launches headless Chromium with a fresh profile; resolves to { context, close }. */
export async function launch(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'specplay-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a page that records uncaught errors and console errors. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Registers before/after hooks that start the static server and Chromium once for a test file;
 * returns a getter for { server, browser }.
 */
export function startSite(hooks) {
  const site = {};
  hooks.before(async () => {
    site.server = await serve();
    site.browser = await launch();
  });
  hooks.after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Waits until the current run is complete (the download button is enabled). */
export async function ready(page) {
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-testid="btn-download"]');
    return b && !b.disabled;
  });
}

/**
 * Runs axe-core on the page once its animations have finished (a chip caught halfway through
 * sliding in is faded, which axe would read as low contrast), and returns the serious and
 * critical violations as short strings.
 */
export async function axeViolations(page, axeSource) {
  // Colours are checked as a reader sees them once things have moved in: a chip caught sliding in
  // is still faded. The current step's verdicts land on a timer (then its emitted chips slide
  // in), so wait for that too, and hold every animation at its end while axe runs.
  await page.waitForFunction(() => !document.querySelector('[data-testid="current-step"][data-revealed="false"]'));
  await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; }' });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
  });
}

/**
 * Records a Chromium trace (DevTools' timeline category) of the page behind `cdp` while `work`
 * runs; resolves to its events and the set of the renderer main threads' "pid/tid" keys.
 */
export async function traceWhile(cdp, work) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
  return { events, main };
}
