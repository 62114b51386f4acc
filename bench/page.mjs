// The page benchmark (npm run bench:page): the built site in headless Chromium, every figure
// the median of N runs printed beside its budget; exits 1 when one is over. Not part of npm test:
// its figures depend on the machine (and on whatever else it is running).
//
//   node bench/page.mjs [--runs N] [--only name,name] [--no-build]
//
// Longest main-thread task = the longest RunTask on the page's renderer main thread in a CDP
// trace (devtools.timeline), so figures under 50 ms are real numbers too, not just "no long task".
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fetchedScripts } from '../scripts/firstLoad.mjs';
import { DIST, launch, serve, traceWhile } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Math.max(3, Number(opt('runs', 3)));
const ONLY = opt('only', '').split(',').filter(Boolean);
/** Slow-device emulation: Chrome DevTools' CPU throttling, about a mid-range phone here. */
const THROTTLE = 4;

if (!args.includes('--no-build')) {
  console.log('building the site (BASE=/specplay/, dist-e2e)...');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, BASE: '/specplay/', OUT_DIR: 'dist-e2e' } });
}

/** The floor under the load figure: a page with one line of text and no script. */
const EMPTY_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body><p id="p">an empty page</p></body></html>';
const server = await serve({ pages: { 'empty.html': EMPTY_PAGE } });
const browser = await launch();

/** Opens a fresh page with a CDP session, throttled when asked. */
async function fresh(throttle) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await browser.context.newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { page, cdp, errors };
}

/** Longest task's CPU time (thread time, ms) per figure run: load on the machine stretches wall
 * time, not CPU time, so the two side by side tell a slow page from a busy machine. */
const cpuOf = new Map();
/** Font strikes made inside traced periods, per figure run. */
const fontsOf = new Map();

/** Records a trace while `work` runs; resolves to the longest main-thread task, ms (wall). */
async function longestTask(cdp, work) {
  const { events, main } = await traceWhile(cdp, work);
  let longest = 0;
  let cpu = 0;
  let worst = null;
  // Fonts made synchronously in layout (an IPC to the browser process each: see
  // src/components/fontStrikes.ts); printed beside every traced figure.
  const fontEvents = events.filter((e) => e.ph === 'X' && e.name === 'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike' && main.has(`${e.pid}/${e.tid}`));
  fontsOf.set(current, [...(fontsOf.get(current) ?? []), fontEvents.length]);
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}/${e.tid}`)) {
      if (e.dur / 1000 > longest) worst = e;
      longest = Math.max(longest, e.dur / 1000);
      cpu = Math.max(cpu, (e.tdur ?? 0) / 1000);
    }
  if (process.env.BENCH_DEBUG && worst) {
    // What the longest task spent its time in: the events inside it, longest first.
    const inside = events.filter(
      (e) => e.ph === 'X' && e.pid === worst.pid && e.tid === worst.tid && e !== worst && e.ts >= worst.ts && e.ts + (e.dur ?? 0) <= worst.ts + worst.dur,
    );
    inside.sort((a, b) => b.dur - a.dur);
    const fonts = events.filter((e) => e.ph === 'X' && e.name === 'FontCache::GetFontPlatformData' && main.has(`${e.pid}/${e.tid}`));
    console.log(
      `  longest task ${(worst.dur / 1000).toFixed(1)} ms (CPU ${((worst.tdur ?? 0) / 1000).toFixed(1)} ms); font lookups on the main thread: ${fonts.length}, ${(fonts.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(0)} ms`,
    );
    if (process.env.BENCH_DEBUG === 'fonts')
      for (const f of fonts) {
        const parentOf = events
          .filter((e) => e.ph === 'X' && e.tid === f.tid && e.ts <= f.ts && e.ts + e.dur >= f.ts + f.dur && e.dur < 1e6 && e !== f)
          .sort((a, b) => a.dur - b.dur)[0];
        console.log(`    font ${(f.dur / 1000).toFixed(1)} ms ${JSON.stringify(f.args ?? {})} in ${parentOf?.name}`);
      }
    const within = (name) => inside.filter((e) => e.name === name);
    const ms = (list) => (list.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(0);
    const strikes = within('WebSandboxSupportLinux::GetWebFontRenderStyleForStrike');
    const lookups = within('FontCache::GetFontPlatformData');
    console.log(`  inside it: ${lookups.length} font lookups (${ms(lookups)} ms), ${strikes.length} strikes made (${ms(strikes)} ms)`);
    for (const e of inside.slice(0, 12)) console.log(`    ${(e.dur / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 300)}`);
  }
  cpuOf.set(current, [...(cpuOf.get(current) ?? []), cpu]);
  return longest;
}

/**
 * Waits until `expression` is true in the page. Inside a traced period this replaces Playwright's
 * locators: the first locator call in a document injects Playwright's own script, a task of 100+
 * ms at 4x that is not the page's. One CDP call per wait, answered when the page's own 50 ms
 * timer finds the expression true: polling through CDP instead (a Runtime.evaluate every 50 ms)
 * put a DevTools task on the page's main thread for each poll, and on this 2-core machine such a
 * task, waiting on its IPC reply, was at times the longest "page" task of a figure (105 ms, with
 * 42 ms of CPU, in model-load-decode).
 */
async function until(cdp, expression, timeoutMs = 120000) {
  const t0 = Date.now();
  const wait = `new Promise((ok, fail) => {
    const t0 = performance.now();
    const poll = () => {
      let met = false;
      try {
        met = Boolean(${expression});
      } catch {
        // not there yet (an element the expression reads may not exist)
      }
      if (met) ok(true);
      else if (performance.now() - t0 > ${timeoutMs}) fail(new Error('timed out'));
      else setTimeout(poll, 50);
    };
    poll();
  })`;
  for (;;) {
    // A navigation can destroy the context the wait runs in (the load figures): wait again.
    const r = await cdp.send('Runtime.evaluate', { expression: wait, awaitPromise: true, returnByValue: true }).catch((e) => ({ error: e }));
    if (r.result?.value === true) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
/** Clicks an element from the page's own script (Playwright's click adds its own listeners and
 * hit-target checks to the page: a 100+ ms task at 4x the first time, not the page's). */
const click = (cdp, selector) => cdp.send('Runtime.evaluate', { expression: `document.querySelector('${selector}').click()` });
const READY = `document.querySelector('[data-testid="btn-download"]')?.disabled === false`;

const ready = (page) =>
  page.waitForFunction(
    () => {
      const b = document.querySelector('[data-testid="btn-download"]');
      return b && !b.disabled;
    },
    null,
    { timeout: 120000 },
  );

/**
 * Plays the page's run at top speed to its end inside a trace (after `first`, traced too),
 * checks that it showed at least `tokens` chips and closes the page: the longest task, ms.
 */
async function playTraced({ page, cdp }, tokens, first = async () => {}) {
  await page.getByTestId('param-speed').fill('7');
  await page.waitForTimeout(300);
  const ms = await longestTask(cdp, async () => {
    await first();
    await click(cdp, '[data-testid="btn-play"]');
    await until(cdp, `document.querySelector('[data-testid="btn-play"]').getAttribute('aria-pressed') === 'false'`);
    await page.waitForTimeout(300);
  });
  await checkChips(page, tokens);
  await page.close();
  return ms;
}

/** Fails unless the page's text shows at least `tokens` chips. */
async function checkChips(page, tokens) {
  const chips = await page.getByTestId('accepted-text').getByTestId('token-chip').count();
  if (chips < tokens) throw new Error(`the run showed ${chips} tokens, not ${tokens}`);
}

/** A fresh page in the Real models world with the tiny pair (wasm), the model cache emptied
 * (downloaded every time). */
async function modelPage() {
  const p = await fresh(false);
  await p.page.goto(
    `${server.url}#world=model&targetModel=./models/tiny-target&draftModel=./models/tiny-draft&dtype=fp32&device=wasm&length=128&gamma=4&seed=3`,
  );
  await p.page.getByTestId('btn-load-models').waitFor();
  await p.page.evaluate(() => caches.delete('transformers-cache'));
  return p;
}

/** Load models, then wait for the measured speedup (the run and its autoregressive baseline). */
async function loadAndDecode(p) {
  await click(p.cdp, '[data-testid="btn-load-models"]');
  await until(p.cdp, `document.querySelector('[data-testid="measured-speedup"]')?.dataset.value`);
}

/** Opens `url` in a fresh throttled page inside a trace, until `readyExpr` holds and a second
 * more: the page and the longest task of its load, ms. */
async function loadTraced(url, readyExpr) {
  const { page, cdp } = await fresh(true);
  const ms = await longestTask(cdp, async () => {
    await page.goto(url, { waitUntil: 'commit' });
    await until(cdp, readyExpr);
    await page.waitForTimeout(1000);
  });
  return { page, ms };
}

/** Opens the analysis tab of `hash`, waits for the run and the empty charts. */
async function analysisPage(hash, throttle) {
  const p = await fresh(throttle);
  await p.page.goto(server.url + hash);
  await ready(p.page);
  await p.page.getByTestId('tab-analysis').click();
  await p.page.getByTestId('chart-positions').locator('svg').first().waitFor({ timeout: 60000 });
  // In view, as for a reader watching them fill (off screen they would not be drawn at all).
  await p.page.evaluate(() => document.querySelector('.charts').scrollIntoView({ block: 'center' }));
  await p.page.waitForTimeout(500);
  return p;
}

const chartsDrawn = (page) => page.waitForSelector('.charts[data-points="16"] [data-testid="chart-positions"] svg circle', { timeout: 300000 });

/** Press sweep, wait for all four charts with 16 points: ms. */
async function sweepToCharts(hash) {
  const { page } = await analysisPage(hash, false);
  const t0 = Date.now();
  await page.getByTestId('btn-sweep').click();
  await chartsDrawn(page);
  const ms = Date.now() - t0;
  await page.close();
  return ms;
}

const FIGURES = [
  {
    name: 'throttled-play-ngram',
    label: `longest task, ${THROTTLE}x CPU: 400-token n-gram run at top speed`,
    unit: 'ms',
    budget: 50,
    run: async () => {
      const p = await fresh(true);
      await p.page.goto(`${server.url}#world=ngram&corpus=en&gamma=4&length=400&seed=3`);
      await ready(p.page);
      return playTraced(p, 400);
    },
  },
  {
    name: 'throttled-sweep-synthetic',
    label: `longest task, ${THROTTLE}x CPU: gamma 1..16 sweep (200 trials), synthetic, charts streaming`,
    unit: 'ms',
    budget: 50,
    run: async () => {
      const { page, cdp } = await analysisPage('#world=synthetic&alpha=0.8&gamma=4', true);
      const ms = await longestTask(cdp, async () => {
        await click(cdp, '[data-testid="btn-sweep"]');
        await until(cdp, `document.querySelector('.charts[data-points="16"] [data-testid="chart-positions"] svg circle')`);
        await page.waitForTimeout(500);
      });
      await page.close();
      return ms;
    },
  },
  {
    name: 'throttled-load-seed',
    label: `longest task, ${THROTTLE}x CPU: loading #world=seed&step=3`,
    unit: 'ms',
    budget: 50,
    run: async () => {
      const { page, ms } = await loadTraced(
        `${server.url}#world=seed&step=3`,
        `document.querySelector('[data-testid="current-step"][data-revealed="true"]') && ${READY}`,
      );
      const cursor = await page.getByTestId('scrubber').inputValue();
      if (cursor !== '3') throw new Error(`opened at step ${cursor}, not 3`);
      await page.close();
      return ms;
    },
  },
  {
    // What the browser itself does to open any page here, throttled the same way: the floor
    // under the figure above (no budget; printed so the two can be read together).
    name: 'throttled-load-empty',
    label: `for reference, ${THROTTLE}x CPU: loading an empty page (no script)`,
    unit: 'ms',
    budget: null,
    run: async () => {
      const { page, ms } = await loadTraced(`${server.url}empty.html`, `document.getElementById('p') !== null && document.readyState === 'complete'`);
      await page.close();
      return ms;
    },
  },
  {
    // Download, load and decode (the run and its autoregressive baseline) of the tiny pair: the
    // phases issue 11 budgets. The play of the decoded run is the next figure.
    name: 'model-load-decode',
    label: 'longest task: real models (tiny pair, wasm), download, load, decode 128 tokens',
    unit: 'ms',
    budget: 50,
    run: async () => {
      const p = await modelPage();
      const ms = await longestTask(p.cdp, () => loadAndDecode(p));
      // Decoded: the scrubber reaches every step of the run (the play, next figure, shows the chips).
      const steps = Number(await p.page.getByTestId('scrubber').getAttribute('max'));
      if (!(steps > 0)) throw new Error(`the decoded run has ${steps} steps`);
      await p.page.close();
      return ms;
    },
  },
  {
    name: 'model-play',
    label: 'longest task: real models, playing the decoded 128 tokens at top speed',
    unit: 'ms',
    budget: 50,
    run: async () => {
      const p = await modelPage();
      await loadAndDecode(p);
      return playTraced(p, 128);
    },
  },
  {
    name: 'sweep-ngram',
    label: 'sweep to charts (gamma 1..16, 200 trials), ngram en',
    unit: 'ms',
    budget: 2000,
    run: () => sweepToCharts('#world=ngram&corpus=en&gamma=4'),
  },
  {
    name: 'sweep-synthetic',
    label: 'sweep to charts (gamma 1..16, 200 trials), synthetic',
    unit: 'ms',
    budget: 2000,
    run: () => sweepToCharts('#world=synthetic&alpha=0.8&gamma=4'),
  },
  {
    name: 'sweep-seed',
    label: 'sweep to charts (gamma 1..16, 200 trials), seed',
    unit: 'ms',
    budget: 2000,
    run: () => sweepToCharts('#world=seed&gamma=3'),
  },
  {
    name: 'first-chips',
    label: 'time to first token chips (#world=seed&gamma=3&step=1)',
    unit: 'ms',
    budget: 1000,
    run: async () => {
      const { page } = await fresh(false);
      await page.goto(`${server.url}#world=seed&gamma=3&step=1`);
      await page.getByTestId('token-chip').first().waitFor();
      const ms = await page.evaluate(() => performance.now());
      await page.close();
      return ms;
    },
  },
  {
    name: 'paste-5mb',
    label: 'longest task: 5 MB pasted corpus, paste to trained',
    unit: 'ms',
    budget: 50,
    run: async () => {
      const { page, cdp } = await fresh(false);
      await page.goto(`${server.url}#world=ngram&corpus=en`);
      await ready(page);
      // The text is built first (the benchmark's own work is not the page's).
      await page.evaluate(() => {
        const w = ['the', 'draft', 'model', 'proposes', 'tokens', 'and', 'target', 'verifies', 'them', 'in', 'one', 'pass'];
        let s = '';
        let i = 0;
        while (s.length < 5_000_000) s += `${w[(i * 7) % w.length]} ${w[(i++ * 3) % w.length]} `;
        window.__big = new DataTransfer();
        window.__big.setData('text/plain', s);
      });
      await page.getByTestId('param-corpus').selectOption('custom');
      await page.waitForTimeout(300);
      const ms = await longestTask(cdp, async () => {
        await page.evaluate(() =>
          document
            .querySelector('[data-testid="param-custom-corpus"]')
            .dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__big, bubbles: true, cancelable: true })),
        );
        await until(cdp, `document.querySelector('[data-testid="corpus-held"]')`);
        await click(cdp, '[data-testid="btn-use-corpus"]');
        await until(cdp, `document.querySelector('[data-testid="training"]')`);
        await until(cdp, READY);
        await click(cdp, '[data-testid="btn-step"]');
        await until(cdp, `document.querySelector('[data-testid="accepted-text"] [data-testid="token-chip"]')`);
      });
      await page.close();
      return ms;
    },
  },
  {
    name: 'first-load-size',
    label: 'scripts fetched before the first chips (worker included), gzip',
    unit: 'KB',
    budget: 170,
    run: async () => {
      const { page } = await fresh(false);
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      // Workers' own requests do not all reach page.on('request'): the context sees them.
      const onCtx = (r) => urls.push(r.url());
      browser.context.on('request', onCtx);
      await page.goto(`${server.url}#world=seed&gamma=3&step=1`);
      await page.getByTestId('token-chip').first().waitFor();
      browser.context.off('request', onCtx);
      await page.close();
      const { kb, files } = fetchedScripts(DIST, urls);
      if (!files.some((f) => f.includes('worker'))) throw new Error('the worker script was not seen');
      return kb;
    },
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const rows = [];
let current = '';
const chosen = FIGURES.filter((f) => ONLY.length === 0 || ONLY.includes(f.name));
try {
  for (const f of chosen) {
    current = f.name;
    const values = [];
    for (let i = 0; i < RUNS; i++) values.push(await f.run());
    const m = median(values);
    const row = { ...f, values, median: m, ok: f.budget === null || m <= f.budget, load: loadavg()[0] };
    rows.push(row);
    const d = f.unit === 'KB' ? 1 : 0;
    const cpu = cpuOf.get(f.name);
    const fonts = fontsOf.get(f.name);
    console.log(
      `  ${f.name}: ${values.map((v) => v.toFixed(d)).join(', ')} ${f.unit}${cpu ? `  (longest task's CPU time: ${cpu.map((v) => v.toFixed(0)).join(', ')} ms; fonts made in layout: ${fonts.join(', ')})` : ''}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

const d = (r, v) => v.toFixed(r.unit === 'KB' ? 1 : 0);
console.log(
  `\nspecplay page benchmark: ${cpus().length} cores, ${RUNS} runs each (median), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);
const w = Math.max(...rows.map((r) => r.label.length));
console.log(`${'figure'.padEnd(w)}  ${'median'.padStart(10)}  ${'budget'.padStart(10)}  result  (runs; 1-min load when measured)`);
for (const r of rows)
  console.log(
    `${r.label.padEnd(w)}  ${`${d(r, r.median)} ${r.unit}`.padStart(10)}  ${(r.budget === null ? '-' : `${r.budget} ${r.unit}`).padStart(10)}  ${r.budget === null ? '      ' : r.ok ? 'OK    ' : 'OVER  '}  (${r.values.map((v) => d(r, v)).join(', ')}; ${r.load.toFixed(2)})`,
  );
const over = rows.filter((r) => !r.ok);
if (over.length > 0) {
  console.error(`\n${over.length} figure(s) over budget: ${over.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
