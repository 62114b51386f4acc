import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openPage, ready, startSite } from './harness.mjs';

const site = startSite({ before, after });

/** The headless runner's `run --json` for the same parameters. */
function runner(args) {
  return JSON.parse(execFileSync('npx', ['tsx', 'src/cli/sim.ts', 'run', ...args, '--json'], { encoding: 'utf8' }));
}

const cursorOf = (page) => page.getByTestId('scrubber').inputValue().then(Number);
const stat = (page, id) => page.getByTestId(id).getAttribute('data-value').then(Number);

test('playground - a hash link steps to the end and matches the headless runner', async () => {
  const hash = '#world=ngram&corpus=en&method=draft&gamma=4&length=40&temperature=0.8&seed=7';
  const { page, errors } = await openPage(site.browser.context, site.server.url + hash);
  await ready(page);
  const cli = runner(['--world', 'ngram', '--corpus', 'en', '--gamma', '4', '--length', '40', '--temperature', '0.8', '--seed', '7']);
  while (await page.getByTestId('btn-step').isEnabled()) await page.getByTestId('btn-step').click();
  assert.equal(await cursorOf(page), cli.steps.length);
  const text = page.getByTestId('accepted-text');
  assert.equal(await text.getAttribute('data-text'), cli.text);
  const chips = text.getByTestId('token-chip');
  assert.deepEqual(await chips.evaluateAll((els) => els.map((e) => e.dataset.token)), cli.tokens);
  assert.deepEqual(
    await chips.evaluateAll((els) => els.map((e) => e.dataset.state)),
    cli.steps.flatMap((s) => s.emittedKinds),
  );
  // The current step's chips show the last step's verdicts once they land.
  const last = cli.steps.at(-1);
  await page.locator('[data-testid="current-step"][data-revealed="true"]').waitFor();
  const drafted = page.getByTestId('current-step').locator('[data-testid="token-chip"]');
  const states = await drafted.evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states.slice(0, last.drafted.length), last.verdicts);
  // Counters against the runner's figures.
  const drafts = cli.steps.reduce((a, s) => a + s.drafted.length, 0);
  const accepted = cli.steps.reduce((a, s) => a + s.verdicts.filter((v) => v === 'accepted').length, 0);
  const time = cli.steps.reduce((a, s) => a + s.timeMs, 0);
  assert.ok(Math.abs((await stat(page, 'stat-acceptance-rate')) - accepted / drafts) < 1e-9);
  assert.ok(Math.abs((await stat(page, 'stat-tokens-per-step')) - cli.tokens.length / cli.steps.length) < 1e-9);
  assert.ok(Math.abs((await stat(page, 'stat-speedup')) - (cli.tokens.length * 30) / time) < 1e-9);
  assert.equal(await page.getByTestId('step-log').locator('tbody tr').count(), cli.steps.length);
  // The download is the runner's run --json document.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-download').click()]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved, cli);
  // Step back: the last step's tokens leave the text.
  await page.getByTestId('btn-step-back').click();
  assert.equal(await cursorOf(page), cli.steps.length - 1);
  assert.equal(await chips.count(), cli.tokens.length - last.emitted.length);
  // The inspector shows a chip's distributions when clicked.
  await chips.first().click();
  const insp = page.getByTestId('inspector');
  assert.equal(await insp.getAttribute('data-step'), '0');
  assert.ok((await insp.locator('.bars tbody tr').count()) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playground - changing gamma rewrites the hash; reloading gives the same run', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=synthetic&gamma=3&seed=4&length=30`);
  await ready(page);
  await page.getByTestId('param-gamma').fill('6');
  await page.waitForFunction(() => location.hash.includes('gamma=6'));
  await ready(page);
  await page.getByTestId('scrubber').fill('1000');
  const before = await page.getByTestId('accepted-text').getAttribute('data-text');
  const steps = await cursorOf(page);
  assert.ok(before.split(' ').length >= 30 && steps > 0);
  await page.reload();
  await ready(page);
  await page.getByTestId('scrubber').fill('1000');
  assert.equal(await page.getByTestId('accepted-text').getAttribute('data-text'), before);
  assert.equal(await cursorOf(page), steps);
  assert.equal(await page.getByTestId('param-gamma').inputValue(), '6');
  assert.deepEqual(errors, []);
  await page.close();
});

test('playground - keyboard: ArrowRight steps, ArrowLeft goes back, Space plays, R resets', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#world=seed&gamma=3&seed=1`);
  await ready(page);
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await cursorOf(page), 2);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await cursorOf(page), 1);
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('btn-play').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('btn-play').getAttribute('aria-pressed'), 'false');
  await page.keyboard.press('r');
  assert.equal(await cursorOf(page), 0);
  await page.close();
});

test('playground - a malformed hash shows a notice and a working page', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=mars&gamma=999&temperature=%E4%B8&seed=abc&corpus=custom`);
  await ready(page);
  const notices = await page.getByTestId('notices').textContent();
  assert.match(notices, /world must be one of/);
  assert.match(notices, /gamma 999 is outside 1\.\.16/);
  assert.equal(await page.getByTestId('param-gamma').inputValue(), '16');
  await page.getByTestId('btn-step').click();
  assert.ok((await page.getByTestId('accepted-text').getByTestId('token-chip').count()) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playground - a 500-token run plays to the end at top speed and stops', async () => {
  // Its main-thread long tasks are a benchmark figure (npm run bench:page), not a test.
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en&gamma=4&length=500&seed=3`);
  await ready(page);
  await page.getByTestId('param-speed').fill('7');
  await page.getByTestId('btn-play').click();
  assert.equal(await page.getByTestId('btn-play').getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-testid="btn-play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 120000 });
  const steps = await cursorOf(page);
  assert.equal(String(steps), await page.getByTestId('scrubber').getAttribute('max'));
  assert.ok((await page.getByTestId('accepted-text').getByTestId('token-chip').count()) >= 500);
  assert.equal(await page.getByTestId('step-log').locator('tbody tr').count(), steps);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playground - the text box and the step log follow the newest step while playing, unless the reader scrolled up', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en&gamma=4&length=300&seed=3`);
  await ready(page);
  const box = page.getByTestId('text-so-far');
  const log = page.locator('.log-scroll');
  // How far the box is from its bottom, px, and whether it overflows at all.
  const gap = (loc) => loc.evaluate((el) => ({ below: el.scrollHeight - el.clientHeight - el.scrollTop, overflows: el.scrollHeight > el.clientHeight + 8 }));
  await page.getByTestId('param-speed').fill('5');
  await page.getByTestId('btn-play').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="text-so-far"]');
    return el.scrollHeight > 2 * el.clientHeight;
  });
  // Mid-play, past the box's height: its bottom (the newest chips) is in view.
  let g = await gap(box);
  assert.ok(g.overflows);
  assert.ok(g.below <= 8, `the newest chips are ${g.below} px below the box`);
  // The reader scrolls the box up to read: it stays there while the play goes on.
  await box.evaluate((el) => {
    el.scrollTop = 0;
  });
  const at = await cursorOf(page);
  await page.waitForFunction((c) => Number(document.querySelector('[data-testid="scrubber"]').value) > c + 5, at);
  assert.equal(await box.evaluate((el) => el.scrollTop), 0);
  // Back at the bottom, it follows again; at the end of the run both boxes show the last step.
  await box.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="btn-play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 120000 });
  await page.waitForTimeout(400); // the log is paced: its last rows come a moment later
  g = await gap(box);
  assert.ok(g.below <= 8, `at the end the newest chips are ${g.below} px below the box`);
  await log.scrollIntoViewIfNeeded();
  g = await gap(log);
  assert.ok(g.overflows && g.below <= 8, `the log's last row is ${g.below} px below its box`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playground - one column (phone): the tools opening on scroll, or a tab changing height, do not throw the reader to the controls', async () => {
  const { page, errors } = await openPage(site.browser.context, `${site.server.url}#world=ngram&corpus=en&gamma=4&length=100&seed=3`);
  await ready(page);
  // Below 900 px the controls move after the page in the document; crossing the width moves the
  // same panel (a control with focus keeps it), it does not mount a new one.
  await page.getByTestId('param-gamma').focus();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'param-gamma');
  const order = await page.evaluate(() => document.querySelector('.layout > main').compareDocumentPosition(document.querySelector('.layout > .controls')));
  assert.ok(order & 4, 'the controls follow <main> in the document'); // Node.DOCUMENT_POSITION_FOLLOWING
  const top = (sel) => page.locator(sel).evaluate((el) => Math.round(el.getBoundingClientRect().top));
  // A jump to the step log (a link, the tour): the tools come into view and their first panel
  // (about 2,000 px of charts here) opens. The step log stays where the reader is looking.
  await page.getByTestId('step-log').evaluate((el) => el.scrollIntoView());
  const before = await top('[data-testid="step-log"]');
  await page.locator('#tabpanel-analysis svg').first().waitFor();
  await page.waitForTimeout(300);
  const after = await top('[data-testid="step-log"]');
  assert.ok(Math.abs(after - before) <= 2, `the step log moved from ${before} to ${after} px`);
  // From a short panel, with the controls in view below it, to the charts: the tab bar stays
  // under the reader's finger.
  await page.getByTestId('tab-compare').click();
  await page.locator('#tabpanel-compare').waitFor();
  await page.waitForTimeout(1200);
  await page.getByTestId('tab-analysis').evaluate((el) => el.scrollIntoView());
  const bar = await top('.tools .tabs');
  assert.ok((await top('.controls')) < 800, 'the controls are in view below the short panel');
  await page.getByTestId('tab-analysis').click();
  await page.locator('#tabpanel-analysis svg').first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await top('.tools .tabs'), bar);
  assert.deepEqual(errors, []);
  await page.close();
});
