// The real-model adapter over transformers.js: what the engine, the worker and the runner import.
export { cropCounts } from './kvCache';
export { loadPair } from './loadPair';
export { isLocalSource } from './placement';
export type { CausalLm, DeviceChoice, DtypeChoice, ForwardResult, LmTokenizer, LoadedPair, LoadPairOptions, LoadProgress } from './types';
