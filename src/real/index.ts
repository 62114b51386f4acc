// The real-model adapter over transformers.js: what the engine, the worker and the runner import.
export { loadPair } from './loadPair';
export { isLocalSource, ORT_WASM } from './placement';
export type { CausalLm, DeviceChoice, DtypeChoice, ForwardResult, LmTokenizer, LoadedPair, LoadPairOptions, LoadProgress } from './types';
