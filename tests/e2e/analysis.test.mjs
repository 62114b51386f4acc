import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, ready, startSite } from './harness.mjs';

const site = startSite({ before, after });

async function open(hash) {
  const r = await openPage(site.browser.context, site.server.url + hash);
  await r.page.getByTestId('tab-analysis').click();
  await r.page.getByTestId('btn-sweep').waitFor();
  return r;
}

async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}

test('analysis - a gamma 1..16 sweep shows progress, then charts with points and theory lines', async () => {
  const { page, errors } = await open('#world=synthetic&alpha=0.8&gamma=4&seed=2');
  await watchLongTasks(page);
  await page.locator('#sw-trials').fill('1500');
  await page.getByTestId('btn-sweep').click();
  await page.getByTestId('sweep-progress').waitFor();
  const first = Number(await page.getByTestId('sweep-progress').getAttribute('value'));
  await page.waitForFunction((v) => {
    const p = document.querySelector('[data-testid="sweep-progress"]');
    return !p || Number(p.getAttribute('value')) > v;
  }, first);
  // While the sweep runs (until its progress bar goes), the main thread only shows progress.
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout: 60000 });
  const during = await page.evaluate(() => window.__longest);
  await page.evaluate(() => {
    window.__longest = 0;
  });
  await page.waitForSelector('.charts[data-points="16"] .recharts-line-dots circle', { timeout: 60000 });
  await page.waitForTimeout(300);
  const draw = await page.evaluate(() => window.__longest);
  console.log(`# sweep of 16 x 1500 trials: longest main-thread task ${during.toFixed(0)} ms while it ran, ${draw.toFixed(0)} ms drawing the charts after`);
  assert.ok(during <= 50, `longest task ${during} ms`);
  for (const id of ['chart-acceptance', 'chart-speedup', 'chart-alpha', 'chart-positions']) {
    const chart = page.getByTestId(id);
    assert.ok((await chart.locator('.recharts-line-curve').count()) > 0, `${id} has theory lines`);
  }
  // 16 measured points with error bars in the speedup chart.
  assert.ok((await page.getByTestId('chart-speedup').locator('.recharts-line-dots circle').count()) >= 16);
  assert.ok((await page.getByTestId('chart-speedup').locator('.recharts-errorBar').count()) >= 16);
  assert.match(await page.getByTestId('optimal-gamma').textContent(), /gamma \d+ gives \d+\.\d\dx/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-speedup-csv').click()]);
  assert.match(csv.suggestedFilename(), /chart-speedup\.csv$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('analysis - cancelling a sweep stops it; changing a parameter cancels it too', async () => {
  const { page } = await open('#world=synthetic&alpha=0.8&seed=3');
  await page.locator('#sw-trials').fill('5000');
  await page.getByTestId('btn-sweep').click();
  await page.getByTestId('sweep-progress').waitFor();
  await page.getByTestId('btn-sweep-cancel').click();
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached' });
  assert.match(await page.locator('.analysis').textContent(), /cancelled/i);
  assert.equal(await page.locator('.charts').getAttribute('data-points'), '0');
  await page.getByTestId('btn-sweep').click();
  await page.getByTestId('sweep-progress').waitFor();
  await page.getByTestId('param-gamma').fill('6');
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.charts').getAttribute('data-points'), '0');
  await page.close();
});

test('analysis - time from pressing sweep (gamma 1..16, default 200 trials) to drawn charts', async () => {
  for (const hash of ['#world=synthetic&alpha=0.8&gamma=4', '#world=seed&gamma=3', '#world=ngram&corpus=en&gamma=4']) {
    const { page } = await open(hash);
    // As a reader would: the page has loaded and its run is done before they press the button.
    await ready(page);
    await page.getByTestId('chart-positions').locator('.recharts-surface').first().waitFor();
    const t0 = Date.now();
    await page.getByTestId('btn-sweep').click();
    await page.waitForSelector('.charts[data-points="16"] .recharts-line-dots circle', { timeout: 300000 });
    const first = Date.now() - t0;
    await page.waitForSelector('[data-testid="chart-positions"] .recharts-line-dots circle', { timeout: 10000 });
    console.log(`# sweep to charts (${hash}): first chart ${first} ms, all four ${Date.now() - t0} ms`);
    await page.close();
  }
});

test('lossless - the standard rule passes; the wrong rule p >= q fails', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=synthetic&vocab=8&alpha=0.6&gamma=3&seed=3`);
  await page.getByTestId('tab-lossless').click();
  await page.getByTestId('btn-lossless').click();
  await page.getByTestId('lossless-verdict').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('lossless-verdict').getAttribute('data-pass'), 'true');
  await page.getByTestId('lossless-rule').selectOption('pgeq');
  await page.getByTestId('btn-lossless').click();
  await page.waitForSelector('[data-testid="lossless-verdict"][data-pass="false"]', { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('engine numbers - a vLLM metrics line is read and fitted; a bad one gets a message; the run prints its own', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=synthetic&alpha=0.7&gamma=5&seed=1`);
  await page.getByTestId('btn-step').click();
  await page.getByTestId('tab-engine').click();
  const alpha = Number(await page.getByTestId('metrics-alpha').textContent());
  assert.ok(alpha > 0.5 && alpha < 0.9);
  assert.match(await page.getByTestId('metrics-output').textContent(), /^SpecDecoding metrics: Mean acceptance length: \d+\.\d\d, /);
  // The example keeps vLLM's invariant (rates sum to mean length - 1); an edited line is read
  // with a notice, not refused.
  assert.equal(await page.getByTestId('metrics-warning').count(), 0);
  await page
    .getByTestId('metrics-input')
    .fill(
      'SpecDecoding metrics: Mean acceptance length: 2.77, Accepted throughput: 41.20 tokens/s, Drafted throughput: 93.11 tokens/s, Accepted: 412 tokens, Drafted: 931 tokens, Per-position acceptance rate: 0.735, 0.548, 0.386, 0.210, 0.100, Avg Draft acceptance rate: 44.3%',
    );
  await page.waitForSelector('[data-testid="metrics-warning"][data-code="metricsRateSum"]');
  await page.getByTestId('metrics-input').fill('SpecDecoding metrics: nonsense');
  assert.ok((await page.getByTestId('metrics-error').textContent()).length > 10);
  await page
    .getByTestId('metrics-input')
    .fill(
      'SpecDecoding metrics: Mean acceptance length: 2.50, Accepted throughput: 10.00 tokens/s, Drafted throughput: 30.00 tokens/s, Accepted: 150 tokens, Drafted: 400 tokens, Per-position acceptance rate: 0.700, 0.490, 0.300, 0.010, Avg Draft acceptance rate: 37.5%',
    );
  await page.getByTestId('btn-reproduce').click();
  await page.waitForFunction(() => location.hash.includes('world=synthetic') && location.hash.includes('gamma=4'));
  assert.deepEqual(errors, []);
  await page.close();
});
