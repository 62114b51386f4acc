import type { SimParams } from './params';
import { resolveLookup } from './proposers/ngramLookup';

/** Copy-ready engine configuration for the current parameters. */
export interface EngineSnippets {
  /** vLLM offline: LLM(..., speculative_config={...}) and SamplingParams. */
  vllmOffline: string;
  /** vLLM server: vllm serve MODEL --speculative-config '{...}'. */
  vllmServe: string;
  /** SGLang launch flags, or null where SGLang has no such method. */
  sglang: string | null;
  /** Honest caveats: what the engines lack or do differently (codes; EXPORT_NOTES_EN words them). */
  notes: ExportNote[];
}

const TARGET = 'YOUR/target-model';

/** The caveats an export can carry, in English (the page's tables word them per language). */
export const EXPORT_NOTES_EN = {
  treeChain: 'vLLM verifies a chain of num_speculative_tokens here, not a token tree; SGLang verifies the tree.',
  sglangNgram: "SGLang's NGRAM method has its own n-gram window settings (not vLLM's prompt_lookup_min/max) and runs on CUDA only.",
  mtpModel:
    'MTP needs a model that ships MTP layers (e.g. DeepSeek-V3); SGLang runs them through its EAGLE path. vLLM warns that reusing one MTP layer for more than one token lowers acceptance.',
  medusa:
    'Medusa heads need a Medusa checkpoint as the model of vLLM method "medusa" (vLLM drafts their argmax, one token per head, a chain); SGLang has no Medusa method.',
  noSuffix: "SGLang has no suffix decoding method; vLLM's needs the Arctic Inference package installed.",
  typical: 'Typical acceptance is lossy; the engines above use lossless rejection sampling by default.',
  medusaArgmax: "vLLM's Medusa proposer always drafts each head's argmax; to compare acceptance with it, set draft sampling to argmax.",
  draftSampleMethod:
    'draft_sample_method exists in recent vLLM only; older vLLM v1 always drafts the argmax and verifies it as a point mass (draft probabilities not kept), whatever the page simulates.',
} as const;
export type ExportNote = keyof typeof EXPORT_NOTES_EN;

/** vLLM's speculative_config for the method, with vLLM's key names (null: no speculation). */
export function vllmSpeculativeConfig(p: SimParams): Record<string, string | number> | null {
  switch (p.method) {
    case 'autoregressive':
      return null;
    case 'draft':
      return { method: 'draft_model', model: 'YOUR/draft-model', num_speculative_tokens: p.gamma, draft_sample_method: drafting(p) };
    case 'ngram': {
      const cfg: Record<string, number | string> = { method: 'ngram', num_speculative_tokens: p.gamma };
      const { min, max } = resolveLookup(p.lookupMin, p.lookupMax);
      // Only one key set: vLLM copies it to the other, so that one key is enough. Neither set:
      // older vLLM used 5 and 5, newer vLLM raises ("Either prompt_lookup_max or
      // prompt_lookup_min must be provided"), so both are written out.
      if (p.lookupMin === 0 && p.lookupMax === 0) return { ...cfg, prompt_lookup_min: min, prompt_lookup_max: max };
      if (p.lookupMax > 0) cfg.prompt_lookup_max = max;
      if (p.lookupMin > 0) cfg.prompt_lookup_min = min;
      return cfg;
    }
    case 'suffix':
      return {
        method: 'suffix',
        num_speculative_tokens: p.gamma,
        suffix_decoding_max_tree_depth: p.maxDepth,
        suffix_decoding_max_spec_factor: p.specFactor,
        suffix_decoding_min_token_prob: p.minTokenProb,
      };
    case 'mtp':
      return { method: 'mtp', num_speculative_tokens: Math.min(p.gamma, p.heads), draft_sample_method: drafting(p) };
    case 'medusa':
      // vLLM's Medusa proposer takes the heads' argmax (vllm/v1/spec_decode/medusa.py).
      return { method: 'medusa', model: 'YOUR/medusa-heads', num_speculative_tokens: Math.min(p.gamma, p.heads) };
    case 'tree':
      // vLLM verifies a chain: the tree's depth becomes the number of speculative tokens.
      return { method: 'eagle', model: 'YOUR/eagle-draft-model', num_speculative_tokens: p.depth };
  }
}

/**
 * vLLM's draft_sample_method (vllm/config/speculative.py): "greedy" (the default) drafts the argmax
 * and treats the draft probabilities as one-hot in rejection sampling; "probabilistic" samples
 * from q and keeps its probabilities for the ratio test (Leviathan's rule).
 */
function drafting(p: SimParams): string {
  return p.draftSampling === 'argmax' ? 'greedy' : 'probabilistic';
}

function pyValue(v: string | number): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** The snippets for vLLM (offline and server) and SGLang, for the current parameters. */
export function engineSnippets(p: SimParams): EngineSnippets {
  const notes: ExportNote[] = [];
  const cfg = vllmSpeculativeConfig(p);
  const sampling =
    p.temperature <= 0 ? 'SamplingParams(temperature=0)' : `SamplingParams(temperature=${p.temperature}${p.topP < 1 ? `, top_p=${p.topP}` : ''})`;
  const cfgPy = cfg
    ? `{\n        ${Object.entries(cfg)
        .map(([k, v]) => `"${k}": ${pyValue(v)}`)
        .join(',\n        ')},\n    }`
    : '';
  const vllmOffline = [
    'from vllm import LLM, SamplingParams',
    '',
    `llm = LLM(\n    model="${TARGET}",${cfg ? `\n    speculative_config=${cfgPy},` : ''}\n)`,
    `outputs = llm.generate(["Your prompt"], ${sampling})`,
  ].join('\n');
  const vllmServe = `vllm serve ${TARGET}${cfg ? ` \\\n  --speculative-config '${JSON.stringify(cfg)}'` : ''}`;
  let sglang: string | null;
  const base = `python -m sglang.launch_server --model-path ${TARGET}`;
  switch (p.method) {
    case 'autoregressive':
      sglang = base;
      break;
    case 'draft':
      sglang = `${base} \\\n  --speculative-algorithm STANDALONE \\\n  --speculative-draft-model-path YOUR/draft-model \\\n  --speculative-num-steps ${p.gamma} \\\n  --speculative-eagle-topk 1 \\\n  --speculative-num-draft-tokens ${p.gamma + 1}`;
      break;
    case 'tree':
      // SGLang counts the root (the last verified token) in --speculative-num-draft-tokens: its
      // organize_draft_results keeps topk(scores, num_draft_token - 1) drafted nodes
      // (sgl-project/sglang python/sglang/srt/speculative/eagle_utils.py). draftTokens counts
      // drafted nodes only, so the flag is draftTokens + 1, as the chain's is gamma + 1.
      sglang = `${base} \\\n  --speculative-algorithm EAGLE \\\n  --speculative-draft-model-path YOUR/eagle-draft-model \\\n  --speculative-num-steps ${p.depth} \\\n  --speculative-eagle-topk ${p.topk} \\\n  --speculative-num-draft-tokens ${p.draftTokens + 1}`;
      notes.push('treeChain');
      break;
    case 'ngram':
      sglang = `${base} \\\n  --speculative-algorithm NGRAM \\\n  --speculative-num-draft-tokens ${p.gamma + 1}`;
      notes.push('sglangNgram');
      break;
    case 'mtp': {
      const n = Math.min(p.gamma, p.heads);
      sglang = `${base} \\\n  --speculative-algorithm EAGLE \\\n  --speculative-num-steps ${n} \\\n  --speculative-eagle-topk 1 \\\n  --speculative-num-draft-tokens ${n + 1}`;
      notes.push('mtpModel');
      break;
    }
    case 'medusa':
      sglang = null;
      notes.push('medusa');
      break;
    case 'suffix':
      sglang = null;
      notes.push('noSuffix');
      break;
  }
  if (p.acceptance === 'typical') notes.push('typical');
  if (p.method === 'draft' || p.method === 'mtp') notes.push('draftSampleMethod');
  if (p.method === 'medusa' && p.draftSampling === 'sampled') notes.push('medusaArgmax');
  return { vllmOffline, vllmServe, sglang, notes };
}
