/**
 * Font strikes made while the page is idle, before results need them.
 *
 * The first time text needs a font at a new size, weight or style, Chromium asks the browser
 * process for it, synchronously, inside layout. A fallback font for a glyph the first font lacks
 * (␣, ✓, 中) costs another request. This happens in FontCache::GetFontPlatformData and
 * WebSandboxSupportLinux::GetWebFontRenderStyleForStrike. At idle a request takes about a
 * millisecond. While a model decodes in a worker on a two-core machine, one request took
 * 0.4-0.9 s, and the whole frame waited with it. This is what made the model world's long tasks:
 * bench:page model-load-decode with BENCH_DEBUG=fonts lists 25 lookups.
 *
 * So every (family, size, weight, style) the stylesheets declare is laid out once, in a hidden
 * box, a few at a time in idle callbacks, with the glyphs the page shows. The strikes stay
 * referenced as long as the box is mounted.
 */

/** One font strike: CSS values as the stylesheet wrote them. */
export interface Strike {
  readonly family: string;
  readonly size: string;
  readonly weight: string;
  readonly style: 'normal' | 'italic';
}

/** The declarations of a rule (CSSStyleDeclaration's font longhands). */
interface FontDecl {
  readonly fontFamily?: string;
  readonly fontSize?: string;
  readonly fontWeight?: string;
  readonly fontStyle?: string;
}

/** A CSS rule as far as the scan needs it (nested rules: media queries, layers). */
export interface RuleLike {
  readonly style?: FontDecl;
  readonly cssRules?: ArrayLike<RuleLike>;
}

/** Values the stylesheets cannot show but the page uses: the user agent's body text, headings
 * and code, bold, and the charts' SVG text (SvgChart: 11 and 12 px). */
const BASE_SIZES = ['1rem', '11px', '12px', '13px', '2em', '1.5em', '1.17em'];
const BASE_WEIGHTS = ['400', '700'];
const BASE_FAMILIES = ['monospace'];

/** A size or weight that names a value (not inherit, initial, var(...), bolder). */
const concrete = (v: string | undefined): v is string => v !== undefined && /^[\d.]+(px|rem|em|%)?$/.test(v.trim());

/**
 * Every strike the rules can ask for: each family declared (and the document's own) at each
 * size and weight declared, italic at the normal weight. A cross product, since a rule's size
 * meets a weight or family from another rule by inheritance; most strikes are cheap.
 */
export function fontStrikes(rules: Iterable<RuleLike>, documentFamily: string): Strike[] {
  const families = new Set([documentFamily, ...BASE_FAMILIES]);
  const sizes = new Set(BASE_SIZES);
  const weights = new Set(BASE_WEIGHTS);
  let italic = false;
  const walk = (rs: Iterable<RuleLike>) => {
    for (const r of rs) {
      if (r.cssRules) walk(Array.from(r.cssRules));
      const s = r.style;
      if (!s) continue;
      if (s.fontFamily && !/^(inherit|initial|unset|var\()/.test(s.fontFamily)) families.add(s.fontFamily);
      if (concrete(s.fontSize)) sizes.add(s.fontSize.trim());
      if (concrete(s.fontWeight)) weights.add(s.fontWeight.trim());
      if (s.fontStyle === 'italic') italic = true;
    }
  };
  walk(rules);
  const out: Strike[] = [];
  for (const family of families)
    for (const size of sizes)
      for (const weight of weights) {
        out.push({ family, size, weight, style: 'normal' });
        if (italic && weight === '400') out.push({ family, size, weight, style: 'italic' });
      }
  return out;
}

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

/** The document's stylesheets' rules (a sheet from another origin cannot be read: skipped). */
export function documentRules(doc: Document): RuleLike[] {
  const out: RuleLike[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      // A CSSRule is a style rule (style), a grouping rule (cssRules) or neither.
      out.push(...(Array.from(sheet.cssRules) as unknown as RuleLike[]));
    } catch {
      // cross-origin sheet: its rules are not ours to read
    }
  }
  return out;
}

/** Strikes laid out per idle callback: each is a few font requests at most. */
const PER_IDLE = 12;

const SVG = 'http://www.w3.org/2000/svg';

/** Spans (and SVG text, which Chromium lays out apart) showing `glyphs` in each strike. */
function samples(doc: Document, strikes: readonly Strike[], glyphs: string): Element[] {
  const out: Element[] = strikes.map((s) => {
    const span = doc.createElement('span');
    span.style.cssText = `font-family:${s.family};font-size:${s.size};font-weight:${s.weight};font-style:${s.style};white-space:nowrap`;
    span.textContent = glyphs;
    return span;
  });
  // The charts' text: 11 and 12 px, 9 px lesson labels, straight and turned (the y label).
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '300');
  svg.setAttribute('height', '150');
  for (const size of ['9', '11', '12'])
    for (const turn of ['', 'translate(12 60) rotate(-90)']) {
      const text = doc.createElementNS(SVG, 'text');
      text.setAttribute('font-size', size);
      text.setAttribute('x', '20');
      text.setAttribute('y', '20');
      text.setAttribute('text-anchor', 'middle');
      if (turn !== '') text.setAttribute('transform', turn);
      text.textContent = glyphs;
      svg.append(text);
    }
  out.push(svg);
  return out;
}

type Idle = (cb: () => void) => number;

/**
 * Lays out every strike of the document's stylesheets with the glyphs of `text` (and
 * PAGE_GLYPHS) in a hidden box appended to `host`, PER_IDLE at a time in idle callbacks (layout forced inside each, so
 * its cost stays in the callback), then removes the box: the fonts stay in the font cache.
 * Returns a function that stops it.
 */
export function warmFonts(host: HTMLElement, text: string, idle: Idle = defaultIdle): () => void {
  const doc = host.ownerDocument;
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.className = 'font-warmup';
  let stopped = false;
  let queue: Element[] | null = null;
  const tick = () => {
    if (stopped) return;
    if (queue === null) {
      // Read the rules when the page is idle: a lazily loaded world's stylesheet is in by then.
      const family = doc.defaultView?.getComputedStyle(doc.body).fontFamily ?? 'sans-serif';
      queue = samples(doc, fontStrikes(documentRules(doc), family), glyphSample([PAGE_GLYPHS, text]));
      host.append(box);
    }
    box.append(...queue.splice(0, PER_IDLE));
    void box.offsetHeight; // lay them out now, inside this callback
    if (queue.length > 0) idle(tick);
    else box.remove();
  };
  idle(tick);
  return () => {
    stopped = true;
    box.remove();
  };
}

function defaultIdle(cb: () => void): number {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  return w.requestIdleCallback ? w.requestIdleCallback(cb, { timeout: 5000 }) : (setTimeout(cb, 100) as unknown as number);
}
