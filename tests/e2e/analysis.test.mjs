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

test('analysis - a gamma 1..16 sweep shows progress, then charts with points and theory lines', async () => {
  // Main-thread long tasks during the sweep are a benchmark figure (npm run bench:page), not a test.
  const { page, errors } = await open('#world=synthetic&alpha=0.8&gamma=4&seed=2');
  await page.locator('#sw-trials').fill('1500');
  await page.getByTestId('btn-sweep').click();
  await page.getByTestId('sweep-progress').waitFor();
  const first = Number(await page.getByTestId('sweep-progress').getAttribute('value'));
  await page.waitForFunction((v) => {
    const p = document.querySelector('[data-testid="sweep-progress"]');
    return !p || Number(p.getAttribute('value')) > v;
  }, first);
  // The charts draw as points arrive: some gammas are on the charts before the sweep ends.
  await page.waitForFunction(() => {
    const n = Number(document.querySelector('.charts')?.getAttribute('data-points'));
    return n > 0 && n < 16 && document.querySelector('[data-testid="sweep-progress"]') !== null;
  });
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout: 120000 });
  await page.waitForSelector('.charts[data-points="16"] .chart-dots circle', { timeout: 60000 });
  for (const id of ['chart-acceptance', 'chart-speedup', 'chart-alpha', 'chart-positions']) {
    const chart = page.getByTestId(id);
    assert.ok((await chart.locator('.chart-line').count()) > 0, `${id} has theory lines`);
  }
  // 16 measured points with error bars in the speedup chart.
  assert.ok((await page.getByTestId('chart-speedup').locator('.chart-dots circle').count()) >= 16);
  assert.ok((await page.getByTestId('chart-speedup').locator('.chart-errorbar').count()) >= 16);
  assert.match(await page.getByTestId('optimal-gamma').textContent(), /gamma \d+ gives \d+\.\d\dx/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-speedup-csv').click()]);
  assert.match(csv.suggestedFilename(), /chart-speedup\.csv$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('analysis - a token tree gets measured points but no chain theory curve, and the chart says why', async () => {
  const { page, errors } = await open('#world=synthetic&alpha=0.8&method=tree&seed=2');
  await page.locator('#sw-trials').fill('5');
  await page.locator('#sw-length').fill('40');
  await page.getByTestId('btn-sweep').click();
  await page.waitForSelector('.charts[data-points="16"] .chart-dots circle', { timeout: 60000 });
  const why = page.getByTestId('chart-speedup').getByTestId('theory-absent');
  assert.equal(await why.getAttribute('data-reason'), 'tree');
  assert.match(await why.textContent(), /gamma is not its parameter/);
  // Measured points only: no theory line (the theory colour) in any chart, no classic alpha figure.
  for (const id of ['chart-acceptance', 'chart-speedup', 'chart-positions'])
    assert.equal(await page.getByTestId(id).locator('.chart-line[stroke="#d55e00"]').count(), 0, id);
  assert.ok((await page.getByTestId('chart-speedup').locator('.chart-dots circle').count()) >= 16);
  assert.equal(await page.getByTestId('chart-alpha').locator('.chart-line').count(), 0);
  assert.match(await page.getByTestId('optimal-gamma').textContent(), /conditional acceptance of the siblings/);
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

test('analysis - a sweep draws all four charts in the seed and n-gram worlds', async () => {
  // How long this takes is a benchmark figure (npm run bench:page); here: that it works.
  for (const hash of ['#world=seed&gamma=3', '#world=ngram&corpus=en&gamma=4']) {
    const { page, errors } = await open(hash);
    await ready(page);
    await page.locator('#sw-trials').fill('20');
    await page.getByTestId('btn-sweep').click();
    await page.waitForSelector('.charts[data-points="16"] .chart-dots circle', { timeout: 300000 });
    for (const id of ['chart-acceptance', 'chart-speedup', 'chart-alpha', 'chart-positions'])
      await page.getByTestId(id).locator('.chart-line').first().waitFor({ timeout: 10000 });
    assert.ok((await page.getByTestId('chart-speedup').locator('.chart-dots circle').count()) >= 16, hash);
    assert.deepEqual(errors, []);
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
