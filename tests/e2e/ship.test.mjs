import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { axeViolations, openPage, ready, startSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = startSite({ before, after });

test('embed - compact view, hidden parts, a link to the full page, height messages and host commands', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}embed-demo.html`);
  const frame = page.frameLocator('#frame-strong');
  await frame.getByTestId('btn-step').waitFor();
  // hide=controls: no parameter panel; embed: no header.
  assert.equal(await frame.getByTestId('param-world').count(), 0);
  assert.equal(await frame.locator('h1').count(), 0);
  const href = await frame.getByTestId('open-full').getAttribute('href');
  assert.match(href, /world=synthetic/);
  assert.doesNotMatch(href, /embed=1/);
  // The host sized the frame from the height message.
  await page.waitForFunction(() => document.getElementById('frame-strong').style.height !== '');
  // A documented host command plays; a malformed one is ignored.
  await page.evaluate(() => document.getElementById('frame-strong').contentWindow.postMessage({ type: 'specplay:set', hash: 42 }, '*'));
  // Once the frame has its run (a host plays a frame that has loaded), the play command plays it.
  await frame.locator('[data-testid="btn-play"]:not([disabled])').waitFor({ timeout: 60000 });
  await page.locator('#play-strong').click();
  // In view, as for a reader who pressed it: an off-screen frame gets no animation frames, and
  // the wait below once timed out on a fresh machine with the frame scrolled away.
  await page.locator('#frame-strong').scrollIntoViewIfNeeded();
  await frame.locator('[data-testid="btn-play"][aria-pressed="true"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed - autoplay starts when the frame becomes visible', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}embed-demo.html`);
  const frame = page.frameLocator('#frame-notebook');
  await frame.getByTestId('btn-step').waitFor();
  // The notebook frame is visible at the top: it plays by itself and gets past step 0.
  await page.waitForFunction(() => {
    const doc = document.getElementById('frame-notebook').contentDocument;
    const s = doc?.querySelector('[data-testid="scrubber"]');
    return s && Number(s.value) > 0;
  });
  await page.close();
});

test('share - the menu copies a link and an iframe snippet for the current state', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#world=seed&gamma=2`);
  await page.getByTestId('share-menu').locator('button').first().click();
  await page.getByTestId('share-embed').click();
  const snippet = await page.getByTestId('share-text').inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/specplay\/#v=1&world=seed.*gamma=2.*embed=1/);
  await page.getByTestId('share-link').click();
  assert.doesNotMatch(await page.getByTestId('share-text').inputValue(), /embed=1/);
  await page.close();
});

test('i18n - the toggle switches every visible string; lang= in the link wins', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#world=seed&lang=zh`);
  await ready(page);
  assert.equal(await page.getByTestId('btn-step').textContent(), '单步 ▶');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.getByTestId('btn-step').textContent(), 'Step ▶');
  await page.waitForFunction(() => location.hash.includes('lang=en'));
  await page.close();
});

for (const theme of ['light', 'dark'])
  test(`a11y - axe finds no serious or critical violations (${theme})`, async () => {
    const { page } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en&gamma=4&theme=${theme}`);
    await ready(page);
    for (let i = 0; i < 3; i++) await page.getByTestId('btn-step').click();
    await page.locator('[data-testid="current-step"][data-revealed="true"]').waitFor();
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('chart-speedup').waitFor();
    const result = await axeViolations(page, AXE);
    assert.deepEqual(result, []);
    await page.close();
  });

test('robustness - 200 random hashes never blank the page or throw', async () => {
  const keys = [
    'world',
    'corpus',
    'prompt',
    'method',
    'gamma',
    'length',
    'temperature',
    'topP',
    'alpha',
    'vocab',
    'seed',
    'lang',
    'embed',
    'hide',
    'step',
    'scenario',
    'v',
    'x',
  ];
  const values = [
    '',
    '0',
    '-1',
    '1e9',
    'NaN',
    'abc',
    '%E4',
    '%',
    '<b>x</b>',
    'seed',
    'ngram',
    'synthetic',
    'zh',
    'en',
    'tree',
    'code',
    '3',
    '0.5',
    '\u4e2d',
    'controls,log',
  ];
  let seed = 12345;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const { page, errors } = await openPage(site.browser.context, site.server.url);
  for (let i = 0; i < 200; i++) {
    const parts = [];
    for (let j = rnd(6); j >= 0; j--) parts.push(`${keys[rnd(keys.length)]}=${values[rnd(values.length)]}`);
    await page.goto(`${site.server.url}#${parts.join('&')}`);
    await page.getByTestId('btn-step').waitFor({ timeout: 10000 });
  }
  // The last page still works.
  await ready(page);
  await page.getByTestId('btn-step').click();
  assert.ok((await page.getByTestId('token-chip').count()) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('robustness - a 5 MB pasted corpus trains in the worker with progress; the page stays usable', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en`);
  await ready(page);
  // The test builds its 5 MB text first (its own work is not the page's), then watches.
  const words = ['the', 'draft', 'model', 'proposes', 'tokens', 'and', 'target', 'verifies', 'them', 'in', 'one', 'pass'];
  await page.evaluate((w) => {
    let s = '';
    let i = 0;
    while (s.length < 5_000_000) s += `${w[(i * 7) % w.length]} ${w[(i++ * 3) % w.length]} `;
    window.__big = new DataTransfer();
    window.__big.setData('text/plain', s);
  }, words);
  await page.getByTestId('param-corpus').selectOption('custom');
  // Paste 5 MB into the box, as a user would (a paste event with the text on the clipboard).
  await page.evaluate(() =>
    document
      .querySelector('[data-testid="param-custom-corpus"]')
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__big, bubbles: true, cancelable: true })),
  );
  await page.getByTestId('corpus-held').waitFor();
  await page.getByTestId('btn-use-corpus').click();
  await page.getByTestId('training').waitFor({ timeout: 10000 });
  // The page answers while the worker counts: the theme switch applies at once.
  await page.getByTestId('theme-toggle').selectOption('dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await ready(page);
  assert.equal(await page.getByTestId('training').getAttribute('data-done'), 'true');
  await page.getByTestId('btn-step').click();
  assert.ok((await page.getByTestId('accepted-text').getByTestId('token-chip').count()) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('robustness - if the worker dies the page says so, restarts it and keeps the parameters', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#world=synthetic&gamma=7&seed=9`);
  await ready(page);
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('specplay:crash-worker')));
  await page.getByTestId('notices').waitFor();
  assert.match(await page.getByTestId('notices').textContent(), /stopped|停止/);
  await ready(page);
  assert.equal(await page.getByTestId('param-gamma').inputValue(), '7');
  await page.getByTestId('btn-step').click();
  assert.ok((await page.getByTestId('token-chip').count()) > 0);
  await page.close();
});

test("playground - a link with step=1 opens with the first step's chips", async () => {
  // The time this takes is a benchmark figure (npm run bench:page).
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=seed&gamma=3&step=1`);
  await page.getByTestId('accepted-text').getByTestId('token-chip').first().waitFor();
  assert.equal(await page.getByTestId('scrubber').inputValue(), '1');
  assert.deepEqual(errors, []);
  await page.close();
});
