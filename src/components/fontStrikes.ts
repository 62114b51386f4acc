/**
 * Font strikes made while the page is idle, before a model's results need them.
 *
 * The first time text needs a font at a new size, weight or style, Chromium asks the browser
 * process for it, synchronously, inside layout. A fallback font for a glyph the first font lacks
 * (␣, ✓, 中) costs another request. This happens in FontCache::GetFontPlatformData and
 * WebSandboxSupportLinux::GetWebFontRenderStyleForStrike. At idle a request takes about a
 * millisecond. While a model decodes in a worker on a two-core machine, one request took
 * 0.4-0.9 s, and the whole frame waited with it. This is what made the model world's long tasks:
 * bench:page model-load-decode counted 8 strikes and 25 font lookups per flow.
 *
 * So the strikes the Real models world's results use are laid out once, in a hidden box, one at
 * a time in idle callbacks, with the glyphs the page shows. The box is then removed; the fonts
 * stay in the font cache. tests/e2e checks that a run makes no strike after the warm-up.
 */

/** One font strike, in CSS. Sizes in rem follow the reader's own font size, as the page's do. */
export interface Strike {
  readonly family: string;
  readonly size: string;
  readonly weight: number;
  readonly italic?: boolean;
  /** SVG text (the charts), which Chromium shapes on its own path. */
  readonly svg?: boolean;
}

const PAGE = 'inherit';
const strike = (size: string, weight = 400, more: Partial<Strike> = {}): Strike => ({ family: PAGE, size, weight, ...more });

/**
 * Every strike the Real models world shows once a run is in, read from the page after a run
 * (styles.css, model.css, the user agent's headings and code): page text at the rem sizes and
 * weights of its rules, the monospace prompt and code, the charts' 11 and 12 px SVG text. A
 * strike missing here is made in the middle of a run: the e2e test says so.
 */
export const MODEL_STRIKES: readonly Strike[] = [
  ...['0.7rem', '0.75rem', '0.78rem', '0.8rem', '0.82rem', '0.85rem', '0.88rem', '0.95rem', '1rem'].map((s) => strike(s)),
  ...['0.85rem', '0.88rem', '0.95rem', '1rem', '1.2rem'].map((s) => strike(s, 600)),
  ...['0.75rem', '0.85rem', '0.9rem', '1rem', '1.5rem'].map((s) => strike(s, 700)),
  strike('1rem', 400, { italic: true }),
  strike('0.85rem', 400, { family: 'var(--mono)' }),
  strike('0.85rem', 400, { family: 'monospace' }),
  strike('11px', 400, { svg: true }),
  strike('12px', 400, { svg: true }),
];

/**
 * Strikes the simulated worlds' stage shows only once a run plays (read from the page before
 * and after a 400-token n-gram play): narration and counters' small text, bold labels, the
 * step log's code.
 */
export const STAGE_STRIKES: readonly Strike[] = [strike('0.75rem'), strike('0.8rem'), strike('1rem', 700), strike('0.85rem', 400, { family: 'var(--mono)' })];

/** Glyphs every page may show whatever the language: token whitespace, verdict marks, arrows. */
export const PAGE_GLYPHS = 'Aa0 ␣¶·→←↻✓✗×★…–—•◆−≥≤’“”⇪▶◀↺⤓αγ';

/** The distinct characters beyond ASCII in `texts`, at most `max` CJK ideographs (one falls back
 * to the same font as the rest): a sample that touches every fallback font the texts need. */
export function glyphSample(texts: Iterable<string>, max = 8): string {
  const seen = new Set<string>();
  let cjk = 0;
  for (const t of texts)
    for (const ch of t) {
      if (ch.charCodeAt(0) < 128 || seen.has(ch)) continue;
      if (/[\u3400-\u9fff]/.test(ch)) {
        if (cjk >= max) continue;
        cjk++;
      }
      seen.add(ch);
    }
  return [...seen].join('');
}

const SVG = 'http://www.w3.org/2000/svg';

/** An element showing `glyphs` in `s`. */
function sample(doc: Document, s: Strike, glyphs: string): Element {
  const font = `font-family:${s.family};font-size:${s.size};font-weight:${s.weight};font-style:${s.italic ? 'italic' : 'normal'}`;
  if (s.svg) {
    const svg = doc.createElementNS(SVG, 'svg');
    const text = doc.createElementNS(SVG, 'text');
    text.setAttribute('style', font);
    text.setAttribute('y', '20');
    text.textContent = glyphs;
    svg.append(text);
    return svg;
  }
  const span = doc.createElement('span');
  span.style.cssText = `${font};white-space:nowrap`;
  span.textContent = glyphs;
  return span;
}

/** An idle callback's deadline (requestIdleCallback's). */
interface Deadline {
  timeRemaining(): number;
}
type Idle = (cb: (d: Deadline) => void) => void;

/** A strike takes about 2 ms here (8 at 4x CPU): lay out another only with this much idle left. */
const SLICE_MS = 4;

/**
 * Lays out each strike with the glyphs of `text` (and PAGE_GLYPHS) in a hidden box appended to
 * `host`: at least one per idle callback, more while the callback has time left, layout forced
 * inside it so its cost stays there. Then removes the box (the fonts stay cached) and calls
 * `done`. Returns a function that stops it.
 */
export function warmFonts(host: HTMLElement, strikes: readonly Strike[], text: string, done: () => void = () => {}, idle: Idle = defaultIdle): () => void {
  const doc = host.ownerDocument;
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.className = 'font-warmup';
  const glyphs = glyphSample([PAGE_GLYPHS, text]);
  let next = 0;
  let stopped = false;
  const tick = (deadline: Deadline) => {
    if (stopped) return;
    if (next === 0) host.append(box);
    do {
      box.append(sample(doc, strikes[next++], glyphs));
      void box.offsetHeight; // lay it out now, inside this callback
    } while (next < strikes.length && deadline.timeRemaining() > SLICE_MS);
    if (next < strikes.length) idle(tick);
    else {
      box.remove();
      done();
    }
  };
  if (strikes.length > 0) idle(tick);
  else done();
  return () => {
    stopped = true;
    box.remove();
  };
}

function defaultIdle(cb: (d: Deadline) => void): void {
  const w = globalThis as { requestIdleCallback?: (cb: (d: Deadline) => void, o?: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(cb, { timeout: 5000 });
  else setTimeout(() => cb({ timeRemaining: () => 0 }), 50);
}
