import { expectedSpeedup, expectedTokensPerStep, type PositionDetail, type SimParams, type StepEvent } from '../../core';

/** The numbers the formulas show, from the page's parameters and trace. */
export interface FormulaValues {
  alpha: number;
  /** 'set': the synthetic world's alpha parameter; 'measured': mean sum min(p, q) of the run. */
  alphaSource: 'set' | 'measured';
  gamma: number;
  c: number;
  v: number;
  expected: number;
  speedup: number;
  /** The current step's first rejected position (or its last checked one), for the rule. */
  position: PositionDetail | null;
  /** The position is the step's first rejection (else its last accepted guess). */
  positionRejected: boolean;
  greedy: boolean;
}

/** Mean sum min(p, q) over the checked draft positions of the first `upTo` steps (NaN if none). */
export function measuredAlpha(events: readonly StepEvent[], upTo: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < Math.min(upTo, events.length); i++)
    for (const d of events[i].positions ?? [])
      if (d.token !== null) {
        sum += d.overlap;
        n++;
      }
  return n > 0 ? sum / n : Number.NaN;
}

/** The formulas' numbers for the page's state. */
export function formulaValues(params: Readonly<SimParams>, events: readonly StepEvent[], cursor: number): FormulaValues {
  const set = params.world === 'synthetic';
  // Measured up to the cursor; before the first step, over the whole run.
  const alpha = set ? params.alpha : measuredAlpha(events, cursor > 0 ? cursor : events.length);
  const { gamma, costRatio: c, verifyCost: v } = params;
  const event = cursor > 0 ? events[cursor - 1] : undefined;
  let position: PositionDetail | null = null;
  let positionRejected = false;
  if (event?.positions && !event.info?.tree) {
    const at = event.verdicts.indexOf('rejected');
    positionRejected = at >= 0;
    const checked = event.positions.filter((d) => d.token !== null);
    position = at >= 0 ? event.positions[at] : (checked[checked.length - 1] ?? null);
  }
  return {
    alpha,
    alphaSource: set ? 'set' : 'measured',
    gamma,
    c,
    v,
    expected: expectedTokensPerStep(alpha, gamma),
    speedup: expectedSpeedup(alpha, gamma, c, v),
    position,
    positionRejected,
    greedy: event?.greedy ?? (params.world !== 'seed' && params.temperature <= 0),
  };
}
