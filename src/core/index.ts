/** The simulation core's public surface: drivers import from here. */

export { refusals, settleParams } from './conflicts';
export { chargedCost, type MethodTheory, methodTheory, type TheoryAbsence } from './methodTheory';
export * from './params';
export { makeStreams } from './rng';
export { drain, generatedTokens, type RunResult, runGeneration, runSteps, runToJson, type TraceJson, traceToJson } from './run';
export { type SampleResult, type SequenceCount, sampleSequences } from './sample';
export { initialState, MAX_GAMMA, makeProposer, makeSetup, type RunSetup, type SimState, settle, step } from './step';
export { type RunSummary, summarize } from './summary';
export { SweepAccumulator, type SweepPoint, sweep, sweepPoint } from './sweep';
export * from './theory';
export { tokenizerFor } from './tokenizer';
export * from './types';
export { type DecodedHash, decodeHash, encodeHash, HASH_VERSION, VIEW_KEYS, type ViewKey } from './urlCodec';
export { type CorpusTexts, type PreparedWorld, prepareWorld } from './worlds';

// Appended after the sorted block above (a comment followed by a blank line starts a new
// chunk for organizeImports): reading vLLM's metrics line, and c and v from the hardware.

export { type CompareRow, compareMethods, compareSteps, METHODS } from './compare';
export { type EngineSnippets, EXPORT_NOTES_EN, type ExportNote, engineSnippets, vllmSpeculativeConfig } from './export';
export { labNext, labSentences, type NgramLab, trainLab } from './lab';
export { LOSSLESS_ALPHA, type LosslessResult, losslessCheck, losslessSteps, losslessVerdict } from './lossless';
export {
  type AlphaFit,
  alphaFromMeanLength,
  fitAlpha,
  formatVllmMetrics,
  type MetricsCounts,
  metricsFromCounts,
  type ParsedMetrics,
  parseVllmMetrics,
  type VllmMetrics,
} from './metrics';
export { fill, NOTICE_TEMPLATES_EN, type Notice, noticeText, noticeVars } from './notices';
export { explainPublished, PUBLISHED, type PublishedPoint } from './published';
export {
  ACCELERATOR_PRESETS,
  type Accelerator,
  H100_SXM,
  H200,
  type RooflineCost,
  type RooflineInput,
  rooflineCost,
  rooflineOptimalGamma,
  rooflinePassMs,
} from './roofline';
export { SCENARIOS } from './scenarios';
export { type SweepProgress, sweepSteps } from './sweep';

// The model seam: verification reads Scores; asynchronous (real) models answer with logits.

export { type AsyncProposer, type AsyncSetup, asyncDraftProposer, type LogitModel, runStepsAsync, stepAsync } from './engine/asyncStep';
export { logitScores, modelScores, shapeLogits, softmax, treeModelScores } from './engine/scores';
