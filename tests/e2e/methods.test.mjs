import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, ready, startSite } from './harness.mjs';

const site = startSite({ before, after });

test('methods - every method runs in the page on the code-editing scenario', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#scenario=code&gamma=5&temperature=0&length=40`);
  for (const method of ['draft', 'ngram', 'suffix', 'mtp', 'medusa', 'tree', 'autoregressive']) {
    await page.getByTestId('param-method').selectOption(method);
    await page.waitForFunction((m) => location.hash.includes(`method=${m}`), method);
    await ready(page);
    await page.getByTestId('scrubber').fill('1000');
    const chips = await page.getByTestId('accepted-text').getByTestId('token-chip').count();
    assert.ok(chips >= 40, `${method}: ${chips} tokens`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('methods - n-gram lookup highlights the match; the tree view draws the tree', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#scenario=code&method=ngram&lookupMin=2&lookupMax=4&gamma=5&temperature=0`);
  await ready(page);
  // Step until a step proposes something, then the match is shown.
  const revealed = page.locator('[data-testid="current-step"][data-revealed="true"]');
  for (let i = 0; i < 20; i++) {
    await page.getByTestId('btn-step').click();
    await revealed.waitFor();
    if ((await page.getByTestId('match-highlight').locator('.hl-copy').count()) > 0) break;
  }
  assert.ok((await page.getByTestId('match-highlight').locator('.hl-match').count()) >= 2, 'the suffix and its earlier occurrence');
  assert.ok((await page.getByTestId('match-highlight').locator('.hl-copy').count()) >= 1, 'the copied tokens');
  await page.getByTestId('param-method').selectOption('tree');
  await ready(page);
  await page.getByTestId('btn-step').click();
  const tree = page.getByTestId('tree-view');
  await tree.waitFor();
  assert.ok((await tree.getByTestId('token-chip').count()) >= 2);
  assert.ok((await tree.locator('[data-state="accepted"], [data-state="rejected"]').count()) >= 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('methods - the compare view ranks every method', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#scenario=chat&temperature=0&length=40`);
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('btn-compare').click();
  await page.waitForSelector('[data-testid="compare-view"][data-status="done"]', { timeout: 60000 });
  const rows = page.getByTestId('compare-view').locator('tbody tr');
  assert.equal(await rows.count(), 7);
  const speed = await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.speedup)));
  for (let i = 1; i < speed.length; i++) assert.ok(speed[i - 1] >= speed[i]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('methods - export snippets carry the current gamma; the n-gram lab reproduces the notebook', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en&method=draft&gamma=7`);
  await page.getByTestId('tab-export').click();
  assert.match(await page.getByTestId('export-vllm').textContent(), /"num_speculative_tokens": 7/);
  assert.match(await page.getByTestId('export-sglang').textContent(), /--speculative-num-steps 7/);
  await page.getByTestId('param-gamma').fill('3');
  assert.match(await page.getByTestId('export-vllm').textContent(), /"num_speculative_tokens": 3/);
  await page.getByTestId('tab-lab').click();
  await page.getByTestId('btn-lab').click();
  await page.getByTestId('lab-next').waitFor();
  const next = await page
    .getByTestId('lab-next')
    .locator('tr')
    .evaluateAll((els) => els.map((e) => [e.dataset.token, Number(e.dataset.value).toFixed(2)]));
  assert.deepEqual(next, [
    ['吃', '0.80'],
    ['水果', '0.20'],
  ]);
  assert.equal(await page.getByTestId('lab-samples').locator('li').count(), 5);
  assert.deepEqual(errors, []);
  await page.close();
});
