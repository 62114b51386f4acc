/**
 * A roofline cost model: the time of a forward pass is the larger of the time to stream the
 * weights from memory and the time to do the arithmetic. From it come the two costs the theory
 * needs (theory.ts): c, draft pass / target pass, and v, the extra verification time per
 * additional token checked. Decoding at small batch is memory-bound, so verifying gamma extra
 * tokens is almost free (v ~ 0); past the ridge point it is compute-bound and v approaches 1.
 *
 * Simplifications: KV-cache reads, activations and attention FLOPs are ignored (they grow with
 * context length and batch), and every parameter costs 2 FLOP per token (one multiply-add).
 */

import { expectedSpeedup } from './theory';

/** One accelerator's roofline; plain data, so a driver can copy a preset and edit it. */
export interface Accelerator {
  name: string;
  /** HBM bandwidth in bytes/s. */
  memoryBandwidth: number;
  /** Peak dense (not sparse) BF16 throughput in FLOP/s. */
  peakFlops: number;
}

/** NVIDIA H100 SXM5: 3.35 TB/s HBM3, 989 TFLOP/s dense BF16. Copy before editing. */
export const H100_SXM: Accelerator = { name: 'H100 SXM', memoryBandwidth: 3.35e12, peakFlops: 989e12 };

/** NVIDIA H200: 4.8 TB/s HBM3e, the same 989 TFLOP/s dense BF16 as the H100. Copy before editing. */
export const H200: Accelerator = { name: 'H200', memoryBandwidth: 4.8e12, peakFlops: 989e12 };

/** The presets a driver offers, in order. */
export const ACCELERATOR_PRESETS: readonly Accelerator[] = [H100_SXM, H200];

/** What the roofline needs to know about the deployment. */
export interface RooflineInput {
  /** Target model size in billions of parameters. */
  paramsB: number;
  /** Bytes per weight: 2 for BF16, 1 for FP8, 0.5 for 4-bit. */
  bytesPerParam: number;
  /** Draft model size in billions of parameters. */
  draftParamsB: number;
  /** Bytes per draft weight; defaults to bytesPerParam. */
  draftBytesPerParam?: number;
  /** Sequences decoded together; one decode pass handles one token of each. */
  batch: number;
  accelerator: Accelerator;
  /** num_speculative_tokens: a verification pass handles batch * (gamma + 1) tokens. */
  gamma: number;
}

/** The cost model derived from the roofline. */
export interface RooflineCost {
  /** One target pass decoding 1 token for each of `batch` sequences, in ms. */
  targetMs: number;
  /** One draft pass over the same batch, in ms. */
  draftMs: number;
  /** One target pass verifying gamma + 1 tokens per sequence, in ms. */
  verifyMs: number;
  /** Leviathan's c: draftMs / targetMs. */
  costRatio: number;
  /** Extra verify time per extra token per sequence, as a fraction of targetMs. */
  verifyCost: number;
  /** Whether the plain target pass (batch tokens) is limited by memory bandwidth. */
  memoryBound: boolean;
  /** Whether the verification pass (batch * (gamma + 1) tokens) still is. */
  verifyMemoryBound: boolean;
  /** FLOP per byte of weights read by the plain target pass: 2 * batch / bytesPerParam. */
  arithmeticIntensity: number;
  /** peakFlops / memoryBandwidth in FLOP/byte: above it a pass is compute-bound. */
  ridgePoint: number;
}

/**
 * Time of one forward pass over `tokens` tokens in ms: max(weight bytes / bandwidth,
 * 2 * params * tokens / peak FLOP/s). Weights are read once per pass, whatever the token count.
 */
export function rooflinePassMs(paramsB: number, bytesPerParam: number, tokens: number, acc: Accelerator): number {
  const params = paramsB * 1e9;
  const memoryS = (params * bytesPerParam) / acc.memoryBandwidth;
  const computeS = (2 * params * tokens) / acc.peakFlops;
  return Math.max(memoryS, computeS) * 1000;
}

/** Derives c and v from the hardware; KV-cache traffic is ignored (see the module comment). */
export function rooflineCost(input: RooflineInput): RooflineCost {
  const { paramsB, bytesPerParam, draftParamsB, batch, accelerator: acc, gamma } = input;
  const draftBytes = input.draftBytesPerParam ?? bytesPerParam;
  const targetMs = rooflinePassMs(paramsB, bytesPerParam, batch, acc);
  const draftMs = rooflinePassMs(draftParamsB, draftBytes, batch, acc);
  const verifyMs = rooflinePassMs(paramsB, bytesPerParam, batch * (gamma + 1), acc);
  const ridgePoint = acc.peakFlops / acc.memoryBandwidth;
  const intensity = (tokens: number) => (2 * tokens) / bytesPerParam;
  return {
    targetMs,
    draftMs,
    verifyMs,
    costRatio: draftMs / targetMs,
    // Finite difference from batch to batch * (gamma + 1) tokens, per extra token per sequence.
    verifyCost: gamma > 0 ? (verifyMs - targetMs) / (gamma * targetMs) : 0,
    memoryBound: intensity(batch) <= ridgePoint,
    verifyMemoryBound: intensity(batch * (gamma + 1)) <= ridgePoint,
    arithmeticIntensity: intensity(batch),
    ridgePoint,
  };
}

/**
 * The gamma in 1..maxGamma with the largest expected speedup when v is recomputed for each
 * gamma (a verification pass grows with gamma once compute-bound, so one v does not fit all).
 * Ties go to the smaller gamma, as in optimalGamma.
 */
export function rooflineOptimalGamma(
  input: Omit<RooflineInput, 'gamma'>,
  alpha: number,
  maxGamma = 16,
): { gamma: number; speedup: number; cost: RooflineCost } {
  const at = (g: number) => {
    const cost = rooflineCost({ ...input, gamma: g });
    return { gamma: g, speedup: expectedSpeedup(alpha, g, cost.costRatio, cost.verifyCost), cost };
  };
  let best = at(1);
  for (let g = 2; g <= maxGamma; g++) {
    const here = at(g);
    if (here.speedup > best.speedup + 1e-12) best = here;
  }
  return best;
}
