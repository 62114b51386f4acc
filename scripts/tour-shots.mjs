// Screenshots of every tour lesson (built site in dist-e2e, served under /specplay/), desktop and
// phone, in both languages: node scripts/tour-shots.mjs [outDir] [lessons, e.g. 1,3] [langs, e.g. en]
import { mkdirSync } from 'node:fs';
import { launch, openPage, ready, serve } from '../tests/e2e/harness.mjs';

const out = process.argv[2] ?? '/tmp/tour';
const only = process.argv[3] ? process.argv[3].split(',').map(Number) : null;
const langs = process.argv[4] ? process.argv[4].split(',') : ['en', 'zh'];
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const lang of langs)
    for (const [name, width, height] of [
      ['desktop', 1280, 1000],
      ['phone', 375, 800],
    ]) {
      const { page, errors } = await openPage(browser.context, `${server.url}#tour=1&lang=${lang}`);
      await page.setViewportSize({ width, height });
      await page.getByTestId('tour').waitFor();
      const total = Number((await page.getByTestId('tour-progress').textContent()).split('/')[1]);
      for (let n = 1; n <= total; n++) {
        if (n > 1) await page.getByTestId('tour-next').click();
        await page.locator(`[data-testid="tour"][data-lesson="${n}"]`).waitFor();
        await ready(page);
        if (only && !only.includes(n)) continue;
        await page.waitForTimeout(700);
        const file = `${out}/lesson${n}-${lang}-${name}.png`;
        await page.getByTestId('tour').evaluate((el) => el.scrollIntoView());
        await page.screenshot({ path: file });
        if (name === 'phone') {
          // The lesson's question, and the stage with its narration, one screen each.
          await page.getByTestId('tour-answer').evaluate((el) => el.scrollIntoView({ block: 'center' }));
          await page.screenshot({ path: file.replace('.png', '-question.png') });
          await page.getByTestId('narration').evaluate((el) => el.scrollIntoView());
          await page.screenshot({ path: file.replace('.png', '-stage.png') });
        }
        console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : '');
      }
      await page.close();
    }
} finally {
  await browser.close();
  await server.close();
}
