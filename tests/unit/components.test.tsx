// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Inspector } from '../../src/components/Inspector';
import { Legend } from '../../src/components/Legend';
import { Notices } from '../../src/components/Notices';
import { TokenChip } from '../../src/components/TokenChip';
import { TokenStage } from '../../src/components/TokenStage';
import { PACE, pacedCursor } from '../../src/components/useTrace';
import { decodeHash, prepareWorld, runGeneration, type StepEvent } from '../../src/core';
import { useStore } from '../../src/store/store';
import type { WorldInfo } from '../../src/worker/protocol';
import { params } from './helpers';

const initial = useStore.getState();

/** Loads a real run into the store, as the worker would. */
function loadRun(over: Parameters<typeof params>[0]): { world: WorldInfo; events: StepEvent[] } {
  const p = params(over);
  const r = runGeneration(prepareWorld(p), p);
  const world: WorldInfo = { vocab: [...r.world.vocab.tokens], prompt: [...r.world.prompt], tokenizer: r.world.tokenizer.kind, eos: r.world.eos, notes: [] };
  useStore.setState({ params: p, world, events: r.events, complete: true, status: 'ready', cursor: 0, selected: null, lang: 'en' });
  return { world, events: r.events };
}

beforeEach(() => useStore.setState(initial, true));
afterEach(cleanup);

describe('components', () => {
  test('Notices - a bad value and the default that replaced it read as one line', () => {
    const { notices } = decodeHash('#world=model&device=quantum&gamma=abc&seed=3');
    expect(notices.map((n) => n.code)).toEqual(['invalid', 'defaulted', 'notNumber', 'defaulted']);
    useStore.setState({ notices, lang: 'en' });
    const { container } = render(<Notices />);
    const lines = [...container.querySelectorAll('p.notice')].map((p) => p.textContent);
    expect(lines).toEqual([
      'device must be one of auto, webgpu, wasm (got "quantum"); using auto for device',
      'gamma must be a number (got "abc"); using 4 for gamma',
    ]);
  });

  test('TokenChip - each state has its data-state, an icon and an accessible name', () => {
    const states = ['draft', 'accepted', 'rejected', 'discarded', 'resampled', 'bonus', 'target'] as const;
    render(
      <div>
        {states.map((s) => (
          <TokenChip key={s} token="工" state={s} kind={s === 'draft' ? 'draft' : 'text'} />
        ))}
      </div>,
    );
    const chips = screen.getAllByTestId('token-chip');
    expect(chips.map((c) => c.dataset.state)).toEqual([...states]);
    const icons = chips.map((c) => c.querySelector('.chip-icon')?.textContent);
    expect(new Set(icons).size).toBe(states.length);
    expect(chips[2].getAttribute('aria-label')).toBe('output token 工, rejected');
    expect(chips[0].getAttribute('aria-label')).toBe('draft token 工, drafted');
  });

  test('TokenChip - a resampled chip in greedy mode is named the correction', () => {
    render(<TokenChip token="x" state="resampled" kind="text" greedy />);
    expect(screen.getByTestId('token-chip').getAttribute('aria-label')).toMatch(/correction/);
  });

  test('Legend - names every state', () => {
    render(<Legend />);
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
  });

  test('TokenStage - shows the emitted text, then the current step: drafts first, verdicts after they land', async () => {
    const { events } = loadRun({ world: 'seed', gamma: 3, seed: 1 });
    useStore.setState({ cursor: 2 });
    render(<TokenStage />);
    const text = screen.getByTestId('accepted-text');
    expect(text.dataset.text).toBe('人工智能是未来');
    expect(
      within(text)
        .getAllByTestId('token-chip')
        .map((c) => c.dataset.state),
    ).toEqual([...events[0].emittedKinds, ...events[1].emittedKinds]);
    const current = screen.getByTestId('current-step');
    const drafted = () => within(current).getAllByTestId('token-chip').slice(0, events[1].drafted.length);
    expect(drafted().map((c) => c.dataset.state)).toEqual(events[1].drafted.map(() => 'draft'));
    await waitFor(() => expect(current.dataset.revealed).toBe('true'), { timeout: 3000 });
    expect(drafted().map((c) => c.dataset.state)).toEqual(events[1].verdicts);
  });

  test('Inspector - a rejected draft shows p, q, the overlap, u against p/q and the residual', () => {
    const { events } = loadRun({ world: 'synthetic', vocab: 8, alpha: 0.5, gamma: 4, seed: 3, length: 40 });
    const step = events.findIndex((e) => e.verdicts.includes('rejected'));
    const i = events[step].verdicts.indexOf('rejected');
    useStore.setState({ cursor: step + 1, selected: { step, kind: 'drafted', index: i } });
    render(<Inspector />);
    const insp = screen.getByTestId('inspector');
    expect(insp.textContent).toContain('target p');
    expect(insp.textContent).toContain('draft q');
    const pos = events[step].positions?.[i];
    expect(screen.getByTestId('insp-overlap').textContent).toBe(pos?.overlap.toFixed(3));
    expect(insp.textContent).toMatch(/u ≥ p\/q, rejected/);
    expect(insp.textContent).toContain('Residual');
  });

  test('Inspector - greedy mode shows the argmax comparison instead of u', () => {
    const { events } = loadRun({ world: 'synthetic', vocab: 8, alpha: 0.5, gamma: 4, seed: 3, length: 40, temperature: 0 });
    const step = events.findIndex((e) => e.verdicts.includes('rejected'));
    useStore.setState({ cursor: step + 1, selected: { step, kind: 'drafted', index: events[step].verdicts.indexOf('rejected') } });
    render(<Inspector />);
    const insp = screen.getByTestId('inspector');
    expect(insp.textContent).toMatch(/Greedy: drafted .+, target argmax .+: different, rejected/);
    expect(insp.textContent).not.toMatch(/Drawn u/);
  });

  test('Inspector - clicking a chip selects it; a discarded draft says it was never checked', async () => {
    const { events } = loadRun({ world: 'synthetic', vocab: 8, alpha: 0.5, gamma: 6, seed: 3, length: 60 });
    const step = events.findIndex((e) => e.verdicts.includes('discarded'));
    useStore.setState({ cursor: step + 1 });
    render(
      <>
        <TokenStage />
        <Inspector />
      </>,
    );
    const current = screen.getByTestId('current-step');
    await waitFor(() => expect(current.dataset.revealed).toBe('true'), { timeout: 3000 });
    const discarded = within(current)
      .getAllByTestId('token-chip')
      .find((c) => c.dataset.state === 'discarded');
    expect(discarded).toBeDefined();
    fireEvent.click(discarded as HTMLElement);
    expect(screen.getByTestId('inspector').textContent).toMatch(/never checked/);
  });

  test('TokenStage - with prefers-reduced-motion the verdicts show at once, without motion', () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => ({
      matches: q.includes('reduce'),
      media: q,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      onchange: null,
      dispatchEvent: () => false,
    })) as typeof window.matchMedia;
    try {
      const { events } = loadRun({ world: 'seed', gamma: 3, seed: 1 });
      useStore.setState({ cursor: 2 });
      render(<TokenStage />);
      const current = screen.getByTestId('current-step');
      expect(current.dataset.revealed).toBe('true');
      expect(
        within(current)
          .getAllByTestId('token-chip')
          .slice(0, 3)
          .map((c) => c.dataset.state),
      ).toEqual(events[1].verdicts);
    } finally {
      window.matchMedia = original;
    }
  });

  test('pacedCursor - each slot catches up once every PACE steps, never ahead of the cursor, slots on different steps', () => {
    expect(PACE).toBe(8);
    expect([pacedCursor(10, 0), pacedCursor(10, 2), pacedCursor(3, 4), pacedCursor(13, 6), pacedCursor(0, 5)]).toEqual([8, 10, 0, 6, 0]);
    for (let c = 0; c < 40; c++) {
      const moved = [0, 2, 4, 5, 6].filter((slot) => pacedCursor(c + 1, slot) !== pacedCursor(c, slot));
      expect(moved.length).toBeLessThanOrEqual(1);
      for (const slot of [0, 2, 4, 5, 6]) expect(c - pacedCursor(c, slot)).toBeLessThan(PACE);
    }
  });
});
