// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { glyphSample, MODEL_STRIKES, PAGE_GLYPHS, warmFonts } from '../../src/components/fontStrikes';

/** An idle queue the test drains by hand, each callback given `left` ms. */
function idleQueue(left: number) {
  const q: ((d: { timeRemaining(): number }) => void)[] = [];
  return {
    idle: (cb: (d: { timeRemaining(): number }) => void) => q.push(cb),
    run: () => q.shift()?.({ timeRemaining: () => left }),
    get size() {
      return q.length;
    },
  };
}

describe('glyphSample', () => {
  it('glyphSample - distinct characters beyond ASCII, ideographs capped', () => {
    expect(glyphSample(['a ✓ b ✓', '¶'])).toBe('✓¶');
    expect([...glyphSample(['投机推理解码草稿模型目标'], 4)]).toHaveLength(4);
    expect(glyphSample([PAGE_GLYPHS])).toContain('␣');
  });
});

describe('warmFonts', () => {
  it('warmFonts - one strike per idle callback when time is short, then removes its box and says so', () => {
    const q = idleQueue(0);
    let done = 0;
    const stop = warmFonts(document.body, MODEL_STRIKES, 'héllo', () => done++, q.idle);
    expect(document.querySelector('.font-warmup')).toBeNull(); // nothing before the page is idle
    q.run();
    const box = document.querySelector('.font-warmup');
    expect(box?.getAttribute('aria-hidden')).toBe('true');
    expect(box?.children).toHaveLength(1);
    expect(box?.textContent).toContain('é');
    let callbacks = 1;
    while (q.size > 0) {
      q.run();
      callbacks++;
    }
    expect(callbacks).toBe(MODEL_STRIKES.length);
    expect(document.querySelector('.font-warmup')).toBeNull();
    expect(done).toBe(1);
    stop();
  });
  it('warmFonts - more strikes per callback while it has time; SVG strikes as SVG text', () => {
    const q = idleQueue(50);
    const seen: string[] = [];
    const observer = new MutationObserver((ms) => {
      for (const m of ms) for (const n of Array.from(m.addedNodes)) seen.push(n.nodeName.toLowerCase());
    });
    observer.observe(document.body, { childList: true, subtree: true });
    warmFonts(document.body, MODEL_STRIKES, '', () => {}, q.idle);
    q.run();
    expect(q.size).toBe(0); // a long idle period takes them all
    return Promise.resolve().then(() => {
      observer.disconnect();
      expect(seen.filter((n) => n === 'svg')).toHaveLength(MODEL_STRIKES.filter((s) => s.svg).length);
    });
  });
  it('warmFonts - stopping removes the box and schedules nothing more', () => {
    const q = idleQueue(0);
    let done = 0;
    const stop = warmFonts(document.body, MODEL_STRIKES, '', () => done++, q.idle);
    q.run();
    expect(document.querySelector('.font-warmup')).not.toBeNull();
    stop();
    expect(document.querySelector('.font-warmup')).toBeNull();
    q.run();
    expect(q.size).toBe(0);
    expect(done).toBe(0);
  });
});
