// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelTop, RunLessons } from '../../src/components/model';
import { TokenChip } from '../../src/components/TokenChip';
import { DEFAULT_PARAMS, type StepEvent } from '../../src/core';
import { useStore } from '../../src/store/store';
import { chainStep } from './helpers';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, params: { ...DEFAULT_PARAMS, world: 'model', device: 'wasm', dtype: 'auto' }, lang: 'en' }, true));
afterEach(cleanup);

const step = (drafted: number, accepted: number): StepEvent => chainStep(drafted, accepted, { wall: { draftMs: new Array(drafted).fill(2), targetMs: 12 } });

describe('model components', () => {
  test('ModelTop - the size of the default pair before any fetch (wasm: q4), and Load models enabled', () => {
    render(<ModelTop />);
    const size = screen.getByTestId('model-size');
    expect(Number(size.dataset.bytes)).toBe(617e6); // SmolLM2 360M q4 (417 MB) + 135M q4 (200 MB)
    expect(size.textContent).toMatch(/617 MB/);
    expect(size.textContent).toMatch(/as q4 on/);
    expect((screen.getByTestId('btn-load-models') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('model-progress')).toBeNull();
  });

  test('ModelTop - picking the Qwen pair sets both ids; a typed id gives an unknown size', () => {
    render(<ModelTop />);
    fireEvent.change(screen.getByTestId('model-pair'), { target: { value: 'qwen-1.5b' } });
    expect(useStore.getState().params).toMatchObject({
      targetModel: 'onnx-community/Qwen2.5-1.5B-Instruct',
      draftModel: 'onnx-community/Qwen2.5-0.5B-Instruct',
    });
    const input = screen.getByTestId('param-target-model');
    fireEvent.change(input, { target: { value: 'someone/model' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().params.targetModel).toBe('someone/model');
    expect(screen.getByTestId('model-size').dataset.bytes).toBe('');
    // dtype auto on a pair outside the catalogue: the models' own declared dtype comes first.
    expect(screen.getByTestId('model-size').textContent).toMatch(/dtype the models declare \(else q4\)/);
    expect((screen.getByTestId('model-pair') as HTMLSelectElement).value).toBe('custom');
  });

  test('ModelTop - loading shows per-file bytes; an error shows its code and message', () => {
    const loadId = useStore.getState().modelLoadBegin('k', performance.now());
    useStore.getState().modelProgress(loadId, [
      { file: 'a/onnx/model_q4.onnx', loaded: 50e6, total: 200e6 },
      { file: 'a/config.json', loaded: 700, total: 700 },
    ]);
    const { rerender } = render(<ModelTop />);
    const progress = screen.getByTestId('model-progress');
    expect(Number(progress.dataset.loaded)).toBe(50e6 + 700);
    expect(screen.getAllByTestId('model-file')).toHaveLength(2);
    expect(screen.getByTestId('btn-cancel-load')).toBeTruthy();
    useStore.getState().modelError(loadId, { scope: 'load', code: 'tokenizerMismatch', message: 'vocabularies differ' });
    rerender(<ModelTop />);
    expect(screen.getByTestId('model-error').dataset.code).toBe('tokenizerMismatch');
    expect(screen.getByTestId('model-error').textContent).toMatch(/vocabularies differ/);
    expect(screen.queryByTestId('model-progress')).toBeNull();
  });

  test('RunLessons - per-position shares with intervals, mean acceptance length and the vLLM line', () => {
    const events = [step(3, 3), step(3, 1), step(3, 0)];
    useStore.setState({
      params: { ...useStore.getState().params, gamma: 3 },
      world: { vocab: ['a', 'b', ' c'], prompt: [0], tokenizer: 'chars', eos: null, notes: [] },
      events,
      complete: true,
      cursor: 3,
    });
    render(<RunLessons />);
    expect(Number(screen.getByTestId('lesson-mean-length').dataset.value)).toBeCloseTo(1 + 4 / 3, 12);
    const rows = screen.getByTestId('lesson-per-position').querySelectorAll('li');
    expect([...rows].map((r) => Number(r.dataset.rate))).toEqual([2 / 3, 1 / 3, 1 / 3]);
    expect(screen.getByTestId('model-vllm-line').textContent).toMatch(/^SpecDecoding metrics: Mean acceptance length: 2\.33/);
    expect(screen.getByTestId('lesson-text').querySelectorAll('[data-kind="accepted"]')).toHaveLength(4);
  });

  test('TokenChip - a piece with a leading space shows it as ␣; its data-token keeps the space', () => {
    render(<TokenChip token=" the" state="accepted" kind="text" />);
    const chip = screen.getByTestId('token-chip');
    expect(chip.textContent).toContain('␣the');
    expect(chip.dataset.token).toBe(' the');
  });
});
