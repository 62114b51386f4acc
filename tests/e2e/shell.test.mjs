import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { launch, openPage, serve } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('shell - runs the notebook demo in the worker under a sub-path', async () => {
  const { page, errors } = await openPage(browser.context, server.url);
  await page.getByTestId('btn-run').click();
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 15000 });
  const text = await page.getByTestId('accepted-text').textContent();
  // The same parameters through the headless runner give the same text and step count.
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/sim.ts', 'run', '--world', 'seed', '--gamma', '3', '--json'], { encoding: 'utf8' }));
  assert.equal(text, cli.text);
  assert.equal(text, '人工智能是未来科技发展的核心驱动力。');
  const steps = Number(await page.getByTestId('step-count').getAttribute('data-value'));
  assert.equal(steps, cli.steps.length);
  assert.deepEqual(errors, []);
});
