/** The simulation core's public surface: drivers import from here. */

export * from './params';
export { makeStreams } from './rng';
export { generatedTokens, type RunResult, runGeneration, runToJson, type TraceJson, traceToJson } from './run';
export { tokenizerFor } from './tokenizer';
export { type SampleResult, type SequenceCount, sampleSequences } from './sample';
export { initialState, MAX_GAMMA, makeSetup, type RunSetup, type SimState, step } from './step';
export { type RunSummary, summarize } from './summary';
export { SweepAccumulator, type SweepPoint, sweep, sweepPoint } from './sweep';
export * from './theory';
export * from './types';
export { type CorpusTexts, type PreparedWorld, prepareWorld } from './worlds';
export { decodeHash, encodeHash, HASH_VERSION, VIEW_KEYS, type DecodedHash, type ViewKey } from './urlCodec';
