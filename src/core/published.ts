import { expectedSpeedup } from './theory';

/** A published operating point (algorithms.md section 2), with what the source reports. */
export interface PublishedPoint {
  id: string;
  source: string;
  setting: string;
  gamma: number | null;
  /** Acceptance rate alpha, where the source gives it. */
  alpha: number | null;
  /** Mean tokens per target pass (tau), where the source gives it instead. */
  tau: number | null;
  /** Draft / target cost ratio, where the source gives it. */
  c: number | null;
  /** The speedup the source measured. */
  speedup: number | null;
  /** For a tau-only row: whether the method verifies a chain or a tree per pass (tau is
   * compared with runs of the same structure, never turned into a chain alpha). */
  structure?: 'chain' | 'tree';
  note?: string;
}

/** The operating points specplay cites; a row's prediction uses only what it gives. */
export const PUBLISHED: readonly PublishedPoint[] = [
  {
    id: 'lev-small-t0',
    source: 'Leviathan et al. 2023, Table 2/4',
    setting: 'T5-XXL / T5-small, En-De, T=0',
    gamma: 7,
    alpha: 0.75,
    tau: null,
    c: 0.02,
    speedup: 3.4,
  },
  {
    id: 'lev-small-t1',
    source: 'Leviathan et al. 2023, Table 2/4',
    setting: 'T5-XXL / T5-small, En-De, T=1',
    gamma: 7,
    alpha: 0.62,
    tau: null,
    c: 0.02,
    speedup: 2.6,
  },
  {
    id: 'lev-base-t0',
    source: 'Leviathan et al. 2023, Table 2/4',
    setting: 'T5-XXL / T5-base, En-De, T=0',
    gamma: 7,
    alpha: 0.8,
    tau: null,
    c: 0.04,
    speedup: 2.8,
  },
  {
    id: 'lev-large-t0',
    source: 'Leviathan et al. 2023, Table 2/4',
    setting: 'T5-XXL / T5-large, En-De, T=0',
    gamma: 7,
    alpha: 0.82,
    tau: null,
    c: 0.11,
    speedup: 1.7,
  },
  {
    id: 'lev-cnndm',
    source: 'Leviathan et al. 2023, Table 2/4',
    setting: 'T5-XXL / T5-small, CNN/DM, T=0',
    gamma: 5,
    alpha: 0.65,
    tau: null,
    c: 0.02,
    speedup: 3.1,
  },
  { id: 'lev-bigram', source: 'Leviathan et al. 2023, §3.6', setting: 'T5-XXL / bigram, En-De', gamma: 3, alpha: 0.2, tau: null, c: 0, speedup: 1.25 },
  {
    id: 'eagle2-sps',
    source: 'EAGLE-2, Table 1',
    setting: 'Vicuna-13B, MT-bench, T=0, SpS (68M draft)',
    gamma: null,
    alpha: null,
    tau: 2.27,
    c: null,
    speedup: 1.93,
    structure: 'chain',
  },
  {
    id: 'eagle2-pld',
    source: 'EAGLE-2, Table 1',
    setting: 'Vicuna-13B, MT-bench, T=0, prompt lookup',
    gamma: null,
    alpha: null,
    tau: 1.63,
    c: null,
    speedup: 1.58,
    structure: 'chain',
  },
  {
    id: 'eagle2-medusa',
    source: 'EAGLE-2, Table 1',
    setting: 'Vicuna-13B, MT-bench, T=0, Medusa',
    gamma: null,
    alpha: null,
    tau: 2.59,
    c: null,
    speedup: 2.07,
    structure: 'tree',
  },
  {
    id: 'eagle2-eagle2',
    source: 'EAGLE-2, Table 1',
    setting: 'Vicuna-13B, MT-bench, T=0, EAGLE-2',
    gamma: null,
    alpha: null,
    tau: 4.83,
    c: null,
    speedup: 4.26,
    structure: 'tree',
  },
  {
    id: 'eagle3',
    source: 'EAGLE-3, Table 1',
    setting: 'Llama-3.1-8B, MT-bench, T=0, EAGLE-3',
    gamma: null,
    alpha: null,
    tau: 6.13,
    c: null,
    speedup: 4.4,
    structure: 'tree',
  },
  {
    id: 'dsv3-mtp',
    source: 'DeepSeek-V3, §5.4.3',
    setting: 'MTP depth 1, 2nd-token acceptance 85-90%',
    gamma: 1,
    alpha: 0.875,
    tau: null,
    c: null,
    speedup: 1.8,
    note: 'reported as 1.8x tokens per second',
  },
];

/**
 * What specplay can say about a published point: with alpha, gamma and c, the predicted speedup
 * (Leviathan's formula). A tau-only row (mean tokens per pass of a tree or of a chain at a gamma
 * the source does not give) is shown as tau, to compare with runs of the same structure: turning
 * a tree's tau into a chain alpha at some gamma means nothing (EAGLE-2's 4.83 would be alpha 0.98
 * at gamma 4 and 0.80 at gamma 16).
 */
export function explainPublished(
  p: PublishedPoint,
  gamma: number,
): { alpha: number | null; predicted: number | null; gamma: number; tau: number | null; structure: 'chain' | 'tree' | null } {
  const g = p.gamma ?? gamma;
  const predicted = p.alpha !== null && p.c !== null && p.gamma !== null ? expectedSpeedup(p.alpha, p.gamma, p.c) : null;
  return { alpha: p.alpha, predicted, gamma: g, tau: p.tau, structure: p.structure ?? null };
}
