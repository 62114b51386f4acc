// The Real models world against the built site, offline: the tiny pair (public/models, made by
// scripts/make-tiny-models.mjs) is served from the site's own origin, onnxruntime's wasm too.
// No timing assertions: measured times only have to exist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { axeViolations, launch, openPage, serve, traceWhile } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TINY = 'targetModel=./models/tiny-target&draftModel=./models/tiny-draft&dtype=fp32';
const HASH = `#world=model&${TINY}&device=wasm&length=32&gamma=4&seed=3&temperature=1`;

/** Paths the server was asked for, and how long to hold model weights (ms) for the cancel test. */
const requests = [];
let holdWeights = 0;
const site = {};

before(async () => {
  site.server = await serve({
    onRequest: (path) => requests.push(path),
    delay: (path) => (path.endsWith('.onnx') ? holdWeights : 0),
  });
  site.browser = await launch();
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

const modelRequests = () => requests.filter((p) => p.includes('/models/'));

/** Empties the browser's model cache through the page's own button, so files are fetched again. */
async function clearCache(page) {
  await page.getByTestId('model-cache').locator('summary').click();
  await page.locator('[data-testid="model-cache-size"][data-state="ready"]').waitFor();
  const clear = page.getByTestId('btn-clear-cache');
  if (await clear.isEnabled()) await clear.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="btn-clear-cache"]')?.disabled);
}

/** Loads the pair and waits until the run and the measured baseline are in. */
async function loadAndRun(page) {
  await page.getByTestId('btn-load-models').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="model-status"]')?.dataset.loaded === 'true', null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="measured-speedup"]')?.dataset.value, null, { timeout: 120000 });
}

/** Steps to the end; returns the number of steps. */
async function stepToEnd(page) {
  let n = 0;
  while (await page.getByTestId('btn-step').isEnabled()) {
    await page.getByTestId('btn-step').click();
    n++;
  }
  return n;
}

/** Chips, inspector and counters show a real run: pieces of the tiny tokenizer, real p and q. */
async function checkRealRun(page) {
  const text = page.getByTestId('accepted-text');
  const chips = text.getByTestId('token-chip');
  assert.ok((await chips.count()) >= 32);
  const states = await chips.evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.ok(
    states.every((s) => ['accepted', 'resampled', 'bonus', 'target'].includes(s)),
    states.join(),
  );
  assert.ok(states.includes('accepted'), 'the tiny draft gets some tokens accepted');
  // The tiny tokenizer is character-level: every piece is one character (or end-of-text).
  const tokens = await chips.evaluateAll((els) => els.map((e) => e.dataset.token));
  assert.ok(
    tokens.every((t) => t.length === 1),
    tokens.join('|'),
  );
  assert.equal(await text.getAttribute('data-text'), tokens.join(''));
  // Inspector on a drafted chip of a step with a draft: target p and draft q as probabilities.
  const drafted = page.getByTestId('current-step').locator('.row').first().getByTestId('token-chip');
  if ((await drafted.count()) === 0) await page.getByTestId('btn-step-back').click();
  await page.getByTestId('current-step').locator('.row').first().getByTestId('token-chip').first().click();
  const insp = page.getByTestId('inspector');
  const cells = (cls) =>
    insp
      .locator(`.bars:first-of-type tbody tr .${cls}`)
      .evaluateAll((els) => els.map((e) => Number.parseFloat(e.parentElement.parentElement.querySelector('.bar-value').textContent)));
  const p = await cells('bar-p');
  const q = await cells('bar-q');
  assert.ok(p.length > 0 && q.length > 0, 'the inspector shows both p and q');
  assert.ok(p.every((x) => x >= 0 && x <= 1) && p.reduce((a, b) => a + b, 0) <= 1.001);
  assert.ok(
    p.some((x) => x > 0 && x < 1),
    'p is a real distribution, not a point mass',
  );
  assert.ok(
    q.some((x) => x > 0 && x < 1),
    'q is a real distribution, not a point mass',
  );
  assert.ok((await insp.getByTestId('insp-overlap').count()) === 1);
  // Measured figures exist (their size is the benchmark's business, not a test's).
  const speedup = Number(await page.getByTestId('measured-speedup').getAttribute('data-value'));
  assert.ok(Number.isFinite(speedup) && speedup > 0);
  assert.ok(Number(await page.getByTestId('stat-passes').getAttribute('data-value')) > 0);
}

test('models - nothing downloads before the button; load with per-file progress; step to the end on wasm', async () => {
  const { page, errors } = await openPage(site.browser.context, site.server.url + HASH);
  await page.getByTestId('btn-load-models').waitFor();
  await clearCache(page);
  requests.length = 0;
  // The size line is shown before anything is fetched; nothing is fetched by itself.
  assert.match(await page.getByTestId('model-size').textContent(), /fp32/);
  assert.equal(await page.getByTestId('model-size').getAttribute('data-cached'), 'false');
  await page.waitForTimeout(1500);
  assert.deepEqual(modelRequests(), []);
  // Record the progress element as it appears (the tiny files load in well under a second).
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="model-progress"]');
      if (el) window.__progress.push({ total: Number(el.dataset.total), files: el.querySelectorAll('[data-testid="model-file"]').length });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  holdWeights = 400; // long enough for the progress element to be seen, not a timing assertion
  await loadAndRun(page);
  holdWeights = 0;
  assert.ok(modelRequests().some((p) => p.endsWith('tiny-target/onnx/model.onnx')));
  assert.ok(modelRequests().some((p) => p.endsWith('tiny-draft/onnx/model.onnx')));
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(
    seen.some((s) => s.files > 0 && s.total > 0),
    JSON.stringify(seen.slice(-3)),
  );
  assert.equal(await page.getByTestId('model-status').getAttribute('data-device'), 'wasm');
  assert.ok((await stepToEnd(page)) > 1);
  await checkRealRun(page);
  // The cache now holds the pair, with its size; the size line says a load downloads nothing.
  assert.ok(Number(await page.getByTestId('model-cache-size').getAttribute('data-bytes')) > 0);
  await page.locator('[data-testid="model-size"][data-cached="true"]').waitFor();
  assert.match(await page.getByTestId('model-size').textContent(), /in this browser’s cache/);
  // Screen readers: no serious or critical axe violations in the model world's panels.
  const violations = await axeViolations(page, AXE);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('models - the link round-trips the pair, device and dtype; opening it waits for the button', async () => {
  const { page, errors } = await openPage(site.browser.context, site.server.url + HASH);
  await page.getByTestId('btn-load-models').waitFor();
  const hash = await page.evaluate(() => location.hash);
  for (const part of ['world=model', 'targetModel=.%2Fmodels%2Ftiny-target', 'draftModel=.%2Fmodels%2Ftiny-draft', 'device=wasm', 'dtype=fp32'])
    assert.ok(hash.includes(part), `${part} in ${hash}`);
  requests.length = 0;
  const second = await openPage(site.browser.context, site.server.url + hash);
  await second.page.getByTestId('btn-load-models').waitFor();
  assert.equal(await second.page.getByTestId('param-target-model').inputValue(), './models/tiny-target');
  assert.equal(await second.page.getByTestId('param-draft-model').inputValue(), './models/tiny-draft');
  assert.equal(await second.page.getByTestId('param-device').inputValue(), 'wasm');
  assert.equal(await second.page.getByTestId('param-dtype').inputValue(), 'fp32');
  assert.equal(await second.page.evaluate(() => location.hash), hash);
  // An embed with world=model shows the button and does not download on its own either.
  const embed = await openPage(site.browser.context, `${site.server.url}${hash}&embed=1&autoplay=1`);
  await embed.page.getByTestId('btn-load-models').waitFor();
  await embed.page.waitForTimeout(1500);
  assert.deepEqual(modelRequests(), []);
  assert.deepEqual([...errors, ...second.errors, ...embed.errors], []);
  await Promise.all([page.close(), second.page.close(), embed.page.close()]);
});

test('models - a wrong model path gives model-error and the rest of the page keeps working', async () => {
  const { page, errors } = await openPage(
    site.browser.context,
    `${site.server.url}#world=model&targetModel=./models/no-such-model&draftModel=./models/tiny-draft&device=wasm&dtype=fp32`,
  );
  await page.getByTestId('btn-load-models').click();
  const error = page.getByTestId('model-error');
  await error.waitFor({ timeout: 60000 });
  assert.equal(await error.getAttribute('data-code'), 'notFound');
  assert.match(await error.textContent(), /no-such-model/);
  // A link to another origin is refused before any fetch.
  await page.getByTestId('param-target-model').fill('//evil.example/model');
  await page.getByTestId('param-target-model').press('Enter');
  await page.getByTestId('btn-load-models').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="model-error"]')?.dataset.code === 'badRef');
  // The other worlds still run.
  await page.getByTestId('param-world').selectOption('seed');
  await page.waitForFunction(() => !document.querySelector('[data-testid="btn-step"]')?.disabled);
  await page.getByTestId('btn-step').click();
  assert.ok((await page.getByTestId('accepted-text').getByTestId('token-chip').count()) > 0);
  // Only the browser's own report of the 404 may reach the console.
  assert.deepEqual(
    errors.filter((e) => !/404|Failed to load resource/.test(e)),
    [],
  );
  await page.close();
});

test('models - cancel during loading, then the worker loads again', async () => {
  const { page, errors } = await openPage(site.browser.context, site.server.url + HASH);
  await page.getByTestId('btn-load-models').waitFor();
  await clearCache(page);
  holdWeights = 5000; // the weights hang while we cancel
  await page.getByTestId('btn-load-models').click();
  await page.getByTestId('model-progress').waitFor();
  await page.getByTestId('btn-cancel-load').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="model-status"]')?.dataset.status === 'idle');
  assert.equal(await page.getByTestId('model-error').count(), 0);
  assert.equal(await page.getByTestId('model-progress').count(), 0);
  holdWeights = 0;
  await loadAndRun(page);
  assert.ok((await stepToEnd(page)) > 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('models - the lossless panel passes for the tiny pair (standard rule)', async () => {
  const { page, errors } = await openPage(site.browser.context, site.server.url + HASH.replace('gamma=4', 'gamma=2').replace('length=32', 'length=8'));
  await loadAndRun(page);
  await page.getByTestId('lossless-samples').fill('160');
  await page.getByTestId('lossless-samples').blur();
  await page.getByTestId('btn-lossless').click();
  const verdict = page.getByTestId('lossless-verdict');
  await verdict.waitFor({ timeout: 300000 });
  // Seeded sampling, threshold p < 0.001 (the core's LOSSLESS_ALPHA).
  assert.equal(await verdict.getAttribute('data-pass'), 'true', await verdict.textContent());
  assert.deepEqual(errors, []);
  await page.close();
});

test('models - WebGPU (SwiftShader): load and step to the end', async () => {
  // A separate browser: WebGPU needs its own flags (no --disable-gpu).
  const gpu = await launch({
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-webgpu',
      '--use-webgpu-adapter=swiftshader',
      '--use-angle=swiftshader',
    ],
  });
  try {
    const { page, errors } = await openPage(gpu.context, site.server.url + HASH.replace('device=wasm', 'device=webgpu'));
    assert.equal(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null), true, 'SwiftShader gives an adapter');
    await loadAndRun(page);
    assert.equal(await page.getByTestId('model-status').getAttribute('data-device'), 'webgpu');
    assert.ok((await stepToEnd(page)) > 1);
    await checkRealRun(page);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await gpu.close();
  }
});

test('models - the fonts a run shows are made before Load, not in the middle of the run', async () => {
  const { page, errors } = await openPage(site.browser.context, site.server.url + HASH);
  await page.getByTestId('btn-load-models').waitFor();
  await page.locator('[data-testid="font-warmup-model"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60000 });
  // Fonts made in layout show in a trace as one request to the browser process per strike.
  const cdp = await site.browser.context.newCDPSession(page);
  const { events } = await traceWhile(cdp, async () => {
    await loadAndRun(page);
    await page.getByTestId('param-speed').fill('7');
    await page.getByTestId('btn-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="btn-play"]')?.getAttribute('aria-pressed') === 'false', null, { timeout: 120000 });
    await page.waitForTimeout(500);
  });
  const made = events.filter((e) => e.name === 'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike');
  if (made.length > 0) {
    // Which strikes the page shows, to compare with MODEL_STRIKES (src/components/fontStrikes.ts).
    const shown = await page.evaluate(() => {
      const out = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim()) continue;
        const cs = getComputedStyle(n.parentElement);
        out.add(`${cs.fontFamily.slice(0, 24)} ${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}${n.parentElement.namespaceURI.endsWith('svg') ? ' svg' : ''}`);
      }
      return [...out];
    });
    assert.fail(`${made.length} font strike(s) made during the run; strikes on the page: ${shown.join('; ')}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
