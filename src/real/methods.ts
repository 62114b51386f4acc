import type { SimParams } from '../core/params';

/** Methods that need something a real pair does not have, and why (the runner refuses them with
 * this reason; the page disables them with it). Kept apart from the engine so that naming them
 * does not load transformers.js. */
export const UNAVAILABLE_WITH_REAL_MODELS: Readonly<Partial<Record<SimParams['method'], string>>> = {
  mtp: 'MTP modules need a model trained with them (DeepSeek-V3 style); the real pairs here have none',
  medusa: 'Medusa heads need a model trained with them; the real pairs here have none',
  tree: 'token trees need tree attention in the target forward, which the exported models do not take',
};
