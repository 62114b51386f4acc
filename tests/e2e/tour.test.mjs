import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { axeViolations, launch, openPage, ready, serve, startSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = startSite({ before, after });

// The right answers are worked out here from what the page shows (its controls, chips,
// counters), independently of the tour's own code; the formulas are the textbook ones.
const expectedTokens = (a, g) => (1 - a ** (g + 1)) / (1 - a);
const bestGamma = (a, c) => {
  let best = 1;
  for (let g = 2; g <= 16; g++) if (expectedTokens(a, g) / (1 + g * c) > expectedTokens(a, best) / (1 + best * c) + 1e-12) best = g;
  return best;
};

const value = (page, id) => page.getByTestId(id).inputValue();
const revealed = (page) => page.locator('[data-testid="current-step"][data-revealed="true"]').waitFor();
/** Tokens the current step emitted: its accepted chips plus the target's own (↻, ★, •). */
const emittedNow = async (page) => {
  await revealed(page);
  return page
    .locator('[data-testid="current-step"] [data-testid="token-chip"]')
    .evaluateAll((chips) => chips.filter((c) => ['accepted', 'resampled', 'bonus', 'target'].includes(c.dataset.state)).length);
};
const states = async (page) => {
  await revealed(page);
  return page.locator('[data-testid="current-step"] [data-testid="token-chip"]').evaluateAll((chips) => chips.map((c) => c.dataset.state));
};

async function answer(page, given) {
  const field = page.getByTestId('tour-answer');
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(given);
  else await field.fill(String(given));
  await page.getByTestId('tour-check').click();
  const fb = page.getByTestId('tour-feedback');
  await page.waitForFunction(() => document.querySelector('[data-testid="tour-feedback"]').dataset.result !== '');
  return { result: await fb.getAttribute('data-result'), text: await fb.textContent() };
}

/** Asserts a wrong answer is explained (with the right one worked out) and the right one accepted. */
async function quiz(page, right, wrong, lesson) {
  const w = await answer(page, wrong);
  assert.equal(w.result, 'wrong', `lesson ${lesson}: ${wrong} should be wrong`);
  assert.ok(w.text.length > 40, `lesson ${lesson}: a wrong answer is explained`);
  if (typeof right === 'number') assert.ok(w.text.includes(String(right)), `lesson ${lesson}: the explanation works out ${right}: ${w.text}`);
  const r = await answer(page, right);
  assert.equal(r.result, 'right', `lesson ${lesson}: ${right} should be right (${r.text})`);
}

async function narrationSays(page) {
  const text = (await page.getByTestId('narration').textContent()).trim();
  assert.ok(text.length > 20, `narration present: "${text}"`);
  return text;
}

// Per lesson: check the page is in the state the lesson says, then answer its question.
const LESSONS = {
  notebook: async (page) => {
    assert.equal(await value(page, 'param-world'), 'seed');
    assert.equal(await value(page, 'param-gamma'), '3');
    assert.equal(await value(page, 'scrubber'), '0');
    await page.getByTestId('btn-step').click();
    await narrationSays(page);
    const passes = Number(await page.getByTestId('scrubber').getAttribute('max'));
    await quiz(page, passes, passes + 3, 1);
  },
  rejection: async (page) => {
    assert.equal(await value(page, 'param-world'), 'seed');
    assert.ok((await states(page)).includes('rejected'), 'opens at a step with a rejection');
    assert.match(await page.getByTestId('narration').getAttribute('data-codes'), /reject/);
    await page.getByTestId('formula-rule').waitFor();
    await narrationSays(page);
    const n = await emittedNow(page);
    await quiz(page, n, n + 1, 2);
  },
  bonus: async (page) => {
    assert.equal(await value(page, 'param-gamma'), '5');
    await revealed(page);
    assert.ok((await states(page)).includes('bonus'), 'opens at a step with a bonus token');
    await narrationSays(page);
    const n = await emittedNow(page);
    assert.equal(n, 6);
    await quiz(page, n, 5, 3);
  },
  lossless: async (page) => {
    assert.equal(await value(page, 'param-world'), 'ngram');
    assert.equal(await value(page, 'param-temperature'), '0');
    assert.equal(await page.getByTestId('tab-lossless').getAttribute('aria-selected'), 'true');
    await narrationSays(page);
    // The page shows the answer: the greedy text is the same without speculation.
    const text = await page.getByTestId('accepted-text').getAttribute('data-text');
    await page.getByTestId('param-method').selectOption('autoregressive');
    await ready(page);
    await page.getByTestId('scrubber').fill('100000');
    assert.equal(await page.getByTestId('accepted-text').getAttribute('data-text'), text);
    await quiz(page, 'same', 'different', 4);
  },
  gamma: async (page) => {
    assert.equal(await value(page, 'param-world'), 'synthetic');
    assert.equal(await page.getByTestId('tab-analysis').getAttribute('aria-selected'), 'true');
    await narrationSays(page);
    const alpha = Number(await value(page, 'param-alpha'));
    const c = Number(await page.locator('#ctl-cost-ratio').inputValue());
    const best = bestGamma(alpha, c);
    const g = Number(await value(page, 'param-gamma'));
    assert.ok(Math.abs(Number(await page.getByTestId('formula-speedup').getAttribute('data-value')) - expectedTokens(alpha, g) / (1 + g * c)) < 1e-9);
    await quiz(page, best, best + 2, 5);
  },
  strength: async (page) => {
    assert.equal(await value(page, 'param-alpha'), '0.5');
    await narrationSays(page);
    // Before alpha is 0.9 the page says what to do first.
    assert.equal((await answer(page, 4.1)).result, 'notReady');
    await page.getByTestId('param-alpha').fill('0.9');
    await ready(page);
    const gamma = Number(await value(page, 'param-gamma'));
    const e = Math.round(expectedTokens(0.9, gamma) * 100) / 100;
    await page.waitForFunction((want) => Math.abs(Number(document.querySelector('[data-testid="formula-expected"]').dataset.value) - want) < 0.01, e);
    await quiz(page, e, Math.round(expectedTokens(0.5, gamma) * 100) / 100, 6);
  },
  ngram: async (page) => {
    assert.equal(await value(page, 'param-method'), 'ngram');
    assert.equal(await value(page, 'param-scenario'), 'code');
    await revealed(page);
    await page.getByTestId('match-highlight').waitFor();
    assert.match(await narrationSays(page), /occur|出现过/);
    // The matched suffix is the last highlighted run of the context.
    const n = await page
      .locator('[data-testid="match-highlight"] .hl-match')
      .last()
      .evaluate((el) => el.textContent.trim().split(/\s+/).length);
    await quiz(page, n, n + 1, 7);
  },
  cost: async (page) => {
    assert.equal(await page.getByTestId('tab-cost').getAttribute('aria-selected'), 'true');
    assert.equal(await value(page, 'scrubber'), '0');
    assert.equal((await answer(page, 36)).result, 'notReady');
    await page.getByTestId('btn-step').click();
    await narrationSays(page);
    const ms = Number(await page.getByTestId('stat-time').getAttribute('data-value'));
    await quiz(page, Math.round(ms * 100) / 100, ms * 2, 8);
  },
};

for (const lang of ['en', 'zh'])
  test(`tour - walks lesson 1 to the last (${lang}): each sets its state, narrates, checks its question`, async () => {
    const { page, errors } = await openPage(site.browser.context, `${site.server.url}#tour=1&lang=${lang}`);
    await page.getByTestId('tour').waitFor();
    const total = Number((await page.getByTestId('tour-progress').textContent()).split('/')[1]);
    assert.ok(total >= 6 && total <= 10, `${total} lessons`);
    for (let n = 1; n <= total; n++) {
      if (n > 1) await page.getByTestId('tour-next').click();
      const tour = page.locator(`[data-testid="tour"][data-lesson="${n}"]`);
      await tour.waitFor();
      assert.equal(await page.getByTestId('tour-progress').textContent(), `${n} / ${total}`);
      await page.waitForFunction((k) => location.hash.includes(`tour=${k}`), n);
      await ready(page);
      const id = await tour.getAttribute('data-lesson-id');
      await LESSONS[id](page);
    }
    assert.ok(await page.getByTestId('tour-next').isDisabled());
    await page.getByTestId('tour-prev').click();
    await page.locator(`[data-testid="tour"][data-lesson="${total - 1}"]`).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

test('tour - the lesson over real models appears once a pair is cached; it loads from the cache and checks its question', async () => {
  // Its own server (to see every request) and browser (a fresh profile: the other tests here keep
  // an empty model cache, so their tour has 8 lessons).
  const requests = [];
  const server = await serve({ onRequest: (path) => requests.push(path) });
  const browser = await launch();
  try {
    const progress = async (page) => (await page.getByTestId('tour-progress').textContent()).trim();
    // Nothing cached: 8 lessons; a link to lesson 9 falls back to the last one, once the cache is read.
    const { page, errors } = await openPage(browser.context, `${server.url}#tour=9&lang=en`);
    await page.locator('[data-testid="tour"][data-lesson="8"]').waitFor();
    assert.equal(await progress(page), '8 / 8');
    await page.waitForFunction(() => location.hash.includes('tour=8'));
    // Lesson 8 resumed in the Real models world (the link's parameters are kept): loading the tiny
    // pair puts it in the browser's cache, and the open tour finds it when the load ends.
    const tiny = 'world=model&targetModel=./models/tiny-target&draftModel=./models/tiny-draft&dtype=fp32&device=wasm&length=8';
    await page.goto(`${server.url}#tour=8&${tiny}&lang=en`);
    await page.reload();
    await page.locator('[data-testid="tour"][data-lesson="8"]').waitFor();
    assert.equal(await progress(page), '8 / 8');
    await page.getByTestId('btn-load-models').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="model-status"]')?.dataset.loaded === 'true', null, { timeout: 120000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="tour-progress"]')?.textContent.trim() === '8 / 9');
    assert.ok(await page.getByTestId('tour-next').isEnabled());
    // Reopened, the tour counts 9 lessons from the start.
    await page.getByTestId('tour-exit').click();
    await page.getByTestId('tour-start').click();
    await page.locator('[data-testid="tour"][data-lesson="1"]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="tour-progress"]')?.textContent.trim() === '1 / 9');
    // A link to lesson 9 opens it (the cache is read before the tour would fall back).
    requests.length = 0;
    const second = await openPage(browser.context, `${server.url}#tour=9&lang=en`);
    const p9 = second.page;
    const lesson = p9.locator('[data-testid="tour"][data-lesson="9"]');
    await lesson.waitFor();
    assert.equal(await lesson.getAttribute('data-lesson-id'), 'realModels');
    assert.equal(await progress(p9), '9 / 9');
    assert.ok(await p9.getByTestId('tour-next').isDisabled());
    // It sets the model world with the cached pair, in the dtype the cache holds.
    assert.equal(await value(p9, 'param-world'), 'model');
    assert.equal(await value(p9, 'param-target-model'), './models/tiny-target');
    assert.equal(await value(p9, 'param-draft-model'), './models/tiny-draft');
    assert.equal(await value(p9, 'param-dtype'), 'fp32');
    assert.equal(await value(p9, 'param-method'), 'draft');
    assert.equal(await value(p9, 'param-gamma'), '4');
    assert.equal(await value(p9, 'param-temperature'), '0');
    // Nothing loads by itself; before the run the question says what to do.
    await p9.waitForTimeout(1000);
    assert.equal(await p9.getByTestId('model-status').getAttribute('data-loaded'), 'false');
    assert.equal((await answer(p9, 1.5)).result, 'notReady');
    // Load models: from the cache, no model file is fetched from the site.
    await p9.getByTestId('btn-load-models').click();
    await p9.waitForFunction(() => document.querySelector('[data-testid="model-status"]')?.dataset.loaded === 'true', null, { timeout: 120000 });
    await ready(p9);
    // The lesson opens the run at its end.
    await p9.waitForFunction(() => {
      const s = document.querySelector('[data-testid="scrubber"]');
      return Number(s.max) > 0 && s.value === s.max;
    });
    assert.deepEqual(
      requests.filter((r) => r.endsWith('.onnx') || r.endsWith('tokenizer.json')),
      [],
    );
    await narrationSays(p9);
    await p9.getByTestId('lesson-text').waitFor();
    // Tokens per target forward, from the page: the text's chips (plus an end-of-text, which the
    // narration of the last step names) over the target passes.
    const passes = Number(await p9.getByTestId('stat-passes').getAttribute('data-value'));
    const chips = await p9.getByTestId('accepted-text').getByTestId('token-chip').count();
    const eos = (await p9.getByTestId('narration').getAttribute('data-codes')).includes('endOfText') ? 1 : 0;
    const right = Math.round(((chips + eos) / passes) * 100) / 100;
    assert.ok(passes > 0 && right >= 1, `${chips} + ${eos} tokens in ${passes} passes`);
    await quiz(p9, right, right + 0.5, 9);
    // Screen readers: the lesson beside the model world's panels.
    assert.deepEqual(await axeViolations(p9, AXE), []);
    assert.deepEqual([...errors, ...second.errors], []);
    await Promise.all([page.close(), p9.close()]);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('narration - every kind of step is narrated on the page, in both languages', async () => {
  // [hash, a narration code that must appear within the first steps]
  const cases = [
    ['#world=seed&gamma=3&seed=1&lang=en', 'allAccepted'],
    ['#world=seed&gamma=3&seed=1&lang=zh', 'rejectZero'],
    ['#world=synthetic&alpha=0.5&gamma=4&lang=en', 'rejectU'],
    ['#world=ngram&corpus=en&method=draft&temperature=0&lang=zh', 'rejectGreedy'],
    ['#world=ngram&scenario=code&method=ngram&temperature=0&lang=en', 'ngramNone'],
    ['#world=ngram&scenario=code&method=ngram&temperature=0&lang=zh', 'ngramPrompt'],
    ['#world=ngram&scenario=chat&method=suffix&temperature=0&lang=en', 'suffix'],
    ['#world=ngram&corpus=en&method=tree&lang=zh', 'tree'],
  ];
  const { page } = await openPage(site.browser.context, site.server.url);
  for (const [hash, code] of cases) {
    await page.goto(`${site.server.url}${hash}`);
    await page.reload();
    await ready(page);
    const steps = Number(await page.getByTestId('scrubber').getAttribute('max'));
    let seen = '';
    for (let i = 1; i <= Math.min(steps, 30) && !seen.includes(code); i++) {
      await page.getByTestId('btn-step').click();
      await page.locator(`[data-testid="narration"][data-step="${i}"]`).waitFor();
      seen += ` ${await page.getByTestId('narration').getAttribute('data-codes')}`;
      const text = await narrationSays(page);
      assert.equal(/[\u4e00-\u9fff]/.test(text.replace(/[“「][^”」]*[”」]/g, '')), hash.endsWith('zh'), `${hash}: language of "${text}"`);
    }
    assert.ok(seen.includes(code), `${hash}: ${code} in ${seen}`);
  }
  await page.close();
});

test('tour - resumes from tour=N; leaving keeps the state and drops tour from the link', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#tour=3&lang=en`);
  await page.locator('[data-testid="tour"][data-lesson="3"]').waitFor();
  await ready(page);
  assert.equal(await value(page, 'param-gamma'), '5');
  // The link now carries the parameters and tour=3: reloading resumes the lesson where it was.
  await page.waitForFunction(() => location.hash.includes('gamma=5') && location.hash.includes('tour=3'));
  await page.reload();
  await page.locator('[data-testid="tour"][data-lesson="3"]').waitFor();
  await ready(page);
  assert.equal(await value(page, 'param-gamma'), '5');
  assert.ok((await states(page)).includes('bonus'), "resumed at the lesson's step");
  await page.getByTestId('tour-exit').click();
  assert.equal(await page.getByTestId('tour').count(), 0);
  assert.equal(await value(page, 'param-gamma'), '5');
  await page.waitForFunction(() => !location.hash.includes('tour='));
  await page.getByTestId('tour-start').click();
  await page.locator('[data-testid="tour"][data-lesson="1"]').waitFor();
  await page.close();
});

test('tour - an embedded lesson (#embed=1&tour=3) and the share menu snippet for it; narrate=1 in embeds', async () => {
  const { page } = await openPage(site.browser.context, `${site.server.url}#tour=2&lang=en`);
  await page.getByTestId('tour').waitFor();
  await page.getByTestId('share-menu').locator('button').first().click();
  await page.getByTestId('share-embed-lesson').click();
  const snippet = await page.getByTestId('share-text').inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/specplay\/#embed=1&tour=2&narrate=1&lang=en"/);
  await page.goto(`${site.server.url}#embed=1&tour=3&lang=en`);
  await page.reload();
  await page.locator('[data-testid="tour"][data-lesson="3"]').waitFor();
  await ready(page);
  assert.equal(await page.locator('h1').count(), 0);
  await narrationSays(page);
  assert.match(await page.getByTestId('open-full').getAttribute('href'), /tour=3/);
  // Outside a lesson an embed narrates only when asked.
  await page.goto(`${site.server.url}#embed=1&world=seed&step=2`);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('narration').count(), 0);
  await page.goto(`${site.server.url}#embed=1&narrate=1&world=seed&step=2`);
  await page.reload();
  await ready(page);
  await narrationSays(page);
  await page.close();
});

for (const [lesson, theme, lang] of [
  [2, 'light', 'en'],
  [4, 'dark', 'zh'],
  [5, 'dark', 'en'],
])
  test(`a11y - axe finds no serious or critical violations in tour mode (lesson ${lesson}, ${theme}, ${lang})`, async () => {
    const { page } = await openPage(site.browser.context, `${site.server.url}#tour=${lesson}&lang=${lang}&theme=${theme}`);
    await page.getByTestId('tour').waitFor();
    await ready(page);
    await page.getByTestId('tour-check').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="tour-feedback"]').dataset.result !== '');
    const result = await axeViolations(page, AXE);
    assert.deepEqual(result, []);
    // The screen-reader announcement uses the narration's words.
    const said = await page.getByTestId('announcer').textContent();
    assert.ok(said.includes((await page.getByTestId('narration').textContent()).trim()));
    await page.close();
  });
