// Screenshots of the built site (dist-e2e, served under /specplay/) for looking at the page:
// node scripts/shot.mjs [hash] [steps] [outPrefix]
import { launch, openPage, serve } from '../tests/e2e/harness.mjs';

const hash = process.argv[2] ?? '';
const steps = Number(process.argv[3] ?? 4);
const out = process.argv[4] ?? '/tmp/shot';
const server = await serve();
const browser = await launch();
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 1000],
    ['phone', 375, 1400],
  ]) {
    const { page, errors } = await openPage(browser.context, `${server.url}${hash}`);
    await page.setViewportSize({ width, height });
    await page.getByTestId('btn-step').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="btn-step"]').disabled);
    for (let i = 0; i < steps; i++) await page.getByTestId('btn-step').click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: `${out}-${name}.png`, fullPage: name === 'phone' });
    console.log(`${out}-${name}.png`, errors.length ? `errors: ${errors.join(' | ')}` : 'no errors');
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
