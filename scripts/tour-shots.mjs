// Screenshots of every tour lesson (built site in dist-e2e, served under /specplay/), desktop and
// phone, in both languages: node scripts/tour-shots.mjs [outDir] [lessons, e.g. 1,3] [langs, e.g. en]
// [--real] [--phone=390]. --real first loads the tiny pair in the Real models world, so the browser
// has it cached and the tour has its lesson over real models (which is then loaded and run).
import { mkdirSync } from 'node:fs';
import { launch, openPage, ready, serve } from '../tests/e2e/harness.mjs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const out = args[0] ?? '/tmp/tour';
const only = args[1] ? args[1].split(',').map(Number) : null;
const langs = args[2] ? args[2].split(',') : ['en', 'zh'];
const real = flags.includes('--real');
const phone = Number(flags.find((f) => f.startsWith('--phone='))?.slice(8) ?? 375);
const loaded = (page) =>
  page.waitForFunction(() => document.querySelector('[data-testid="model-status"]')?.dataset.loaded === 'true', null, { timeout: 120000 });
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  if (real) {
    const { page } = await openPage(
      browser.context,
      `${server.url}#world=model&targetModel=./models/tiny-target&draftModel=./models/tiny-draft&dtype=fp32&device=wasm`,
    );
    await page.getByTestId('btn-load-models').click();
    await loaded(page);
    await page.close();
  }
  for (const lang of langs)
    for (const [name, width, height] of [
      ['desktop', 1280, 1000],
      ['phone', phone, 800],
    ]) {
      const { page, errors } = await openPage(browser.context, `${server.url}#tour=1&lang=${lang}`);
      await page.setViewportSize({ width, height });
      await page.getByTestId('tour').waitFor();
      const total = Number((await page.getByTestId('tour-progress').textContent()).split('/')[1]);
      for (let n = 1; n <= total; n++) {
        if (n > 1) await page.getByTestId('tour-next').click();
        await page.locator(`[data-testid="tour"][data-lesson="${n}"]`).waitFor();
        if ((await page.getByTestId('tour').getAttribute('data-lesson-id')) === 'realModels') {
          // Loads from the cache; the lesson opens the run at its end.
          await page.getByTestId('btn-load-models').click();
          await loaded(page);
          await page.waitForFunction(() => {
            const s = document.querySelector('[data-testid="scrubber"]');
            return Number(s?.max) > 0 && s.value === s.max;
          });
        }
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
