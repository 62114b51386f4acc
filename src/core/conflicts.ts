import type { Notice } from './notices';
import type { SimParams } from './params';

/**
 * Combinations of parameters the core refuses, because an engine refuses them or because the
 * method could not honour them. Each check gives the notice that says why and, for the page,
 * the safe parameters to use instead (the runner exits 2 with the message instead).
 */
interface Check {
  refused: (p: Readonly<SimParams>) => Notice | null;
  /** The safe default the page falls back to. */
  settle: (p: SimParams) => Partial<SimParams>;
}

const CHECKS: readonly Check[] = [
  {
    // vLLM raises ValueError("prompt_lookup_min=... must be <= prompt_lookup_max=...")
    // (vllm-project/vllm vllm/config/speculative.py, SpeculativeConfig.__post_init__).
    refused: (p) => (p.lookupMin > 0 && p.lookupMax > 0 && p.lookupMin > p.lookupMax ? { code: 'lookupOrder', min: p.lookupMin, max: p.lookupMax } : null),
    // Safe default: min unset, so it copies max (vLLM's own rule); never swapped.
    settle: () => ({ lookupMin: 0 }),
  },
];

/** The notices of every refused combination in `p` (empty: the core can run it as given). */
export function refusals(p: Readonly<SimParams>): Notice[] {
  return CHECKS.map((c) => c.refused(p)).filter((n): n is Notice => n !== null);
}

/** `p` with each refused combination replaced by its safe default, and the notices saying so. */
export function settleParams(p: Readonly<SimParams>): { params: SimParams; notices: Notice[] } {
  let params: SimParams = { ...p };
  const notices: Notice[] = [];
  for (const c of CHECKS) {
    const n = c.refused(params);
    if (n === null) continue;
    notices.push(n);
    params = { ...params, ...c.settle(params) };
  }
  return { params, notices };
}
