// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fontStrikes, glyphSample, PAGE_GLYPHS, warmFonts } from '../../src/components/fontWarmup';

describe('fontStrikes', () => {
  const rules = [
    { style: { fontSize: '0.85rem', fontWeight: '600' } },
    { style: { fontFamily: 'ui-monospace, monospace', fontSize: 'inherit' } },
    { cssRules: [{ style: { fontSize: '9px', fontStyle: 'italic' } }] },
    { style: { fontWeight: 'bolder', fontFamily: 'var(--x)' } },
    {},
  ];
  const strikes = fontStrikes(rules, 'system-ui');
  const has = (family: string, size: string, weight: string, style = 'normal') =>
    strikes.some((s) => s.family === family && s.size === size && s.weight === weight && s.style === style);

  it('fontStrikes - every declared family at every declared size and weight, nested rules included', () => {
    expect(has('system-ui', '0.85rem', '600')).toBe(true);
    expect(has('ui-monospace, monospace', '0.85rem', '600')).toBe(true);
    expect(has('ui-monospace, monospace', '9px', '700')).toBe(true);
    expect(has('monospace', '1rem', '400')).toBe(true); // the user agent's code
    expect(has('system-ui', '12px', '400')).toBe(true); // chart text
  });
  it('fontStrikes - italic at the normal weight only, and only when a rule asks for it', () => {
    expect(has('system-ui', '9px', '400', 'italic')).toBe(true);
    expect(has('system-ui', '9px', '600', 'italic')).toBe(false);
    expect(fontStrikes([], 'x').some((s) => s.style === 'italic')).toBe(false);
  });
  it('fontStrikes - keywords and variables are not values', () => {
    expect(strikes.some((s) => s.size === 'inherit' || s.weight === 'bolder' || s.family === 'var(--x)')).toBe(false);
  });
});

describe('glyphSample', () => {
  it('glyphSample - distinct characters beyond ASCII, ideographs capped', () => {
    expect(glyphSample(['a ✓ b ✓', '¶'])).toBe('✓¶');
    expect([...glyphSample(['投机推理解码草稿模型目标'], 4)]).toHaveLength(4);
    expect(glyphSample([PAGE_GLYPHS])).toContain('␣');
  });
});

describe('warmFonts', () => {
  it('warmFonts - lays out the strikes a batch per idle callback, then removes its box', () => {
    const idle: (() => void)[] = [];
    const stop = warmFonts(document.body, 'héllo', (cb) => idle.push(cb));
    expect(document.querySelector('.font-warmup')).toBeNull(); // nothing before the page is idle
    idle.shift()?.();
    const box = document.querySelector('.font-warmup');
    expect(box?.getAttribute('aria-hidden')).toBe('true');
    expect(box?.textContent).toContain('é');
    let batches = 1;
    while (idle.length > 0) {
      idle.shift()?.();
      batches++;
    }
    expect(batches).toBeGreaterThan(1);
    expect(document.querySelector('.font-warmup')).toBeNull();
    stop();
  });
  it('warmFonts - stopping removes the box and schedules nothing more', () => {
    const idle: (() => void)[] = [];
    const stop = warmFonts(document.body, '', (cb) => idle.push(cb));
    idle.shift()?.();
    expect(document.querySelector('.font-warmup')).not.toBeNull();
    stop();
    expect(document.querySelector('.font-warmup')).toBeNull();
    idle.shift()?.();
    expect(idle).toHaveLength(0);
  });
});
