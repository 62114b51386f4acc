import type { Notice } from './notices';

/**
 * The simulation core's shared types. Every method (draft model, n-gram lookup, suffix tree,
 * MTP modules, Medusa heads, token trees) fits these shapes; drivers (worker, CLI, tests) only see them.
 */

/** Index into a world's vocabulary. */
export type TokenId = number;

/** A probability vector over the vocabulary (sums to 1). Treat as read-only. */
export type Dist = Float64Array;

/**
 * A next-token model: the distribution after `ctx[0..len)`, already shaped by the sampling
 * parameters (temperature, top-p). At temperature 0 it is a point mass on the argmax.
 * The returned array may be shared or cached: callers must not mutate it.
 */
export interface Model {
  readonly vocabSize: number;
  dist(ctx: readonly TokenId[], len: number): Dist;
  /** Optional fast path: dist(ctx, len)[x] without building the whole distribution. */
  prob?(ctx: readonly TokenId[], len: number, x: TokenId): number;
  /** Optional fast path: a draw from dist(ctx, len) (the same distribution, any number of
   * uniforms from `rng`) without building the whole distribution. */
  draw?(ctx: readonly TokenId[], len: number, rng: Rng): TokenId;
  /** Optional fast path for drafting: the token `draw` gives, with dist(ctx, len) appended to
   * `rows` (one context lookup for both; a proposer keeps the row for verification). */
  drawWithRow?(ctx: readonly TokenId[], len: number, rng: Rng, rows: Dist[]): TokenId;
  /** Optional fast path for drafting a chain: the tokens `count` calls of drawWithRow draw one
   * after another (token i from dist(ctx, len + i), written to ctx[len + i] before the next is
   * drawn, its row appended to `rows`), stopping after `stop` (end-of-text) is drawn, in one
   * call. Returns how many were drawn. */
  drawChain?(ctx: TokenId[], len: number, count: number, rng: Rng, rows: Dist[], stop: TokenId | null): number;
  /** Optional fast path: sum_x min(dist(ctx, len)[x], q[x]) without building the whole
   * distribution. */
  overlap?(ctx: readonly TokenId[], len: number, q: Dist): number;
  /** Optional fast path: a draw from the residual norm(max(0, dist(ctx, len) - q)) (q null: a
   * point mass on x), the token `sampleResidual(dist, q, x, rng)` gives, without the row. */
  residual?(ctx: readonly TokenId[], len: number, q: Dist | null, x: TokenId, rng: Rng): TokenId;
  /** Optional fast path: sum_x min(row[x], q[x]) for a row this model's dist returned, where the
   * model knows it without the sum (the same number the sum gives); undefined where it does not. */
  rowOverlap?(row: Dist, q: Dist): number | undefined;
  /** Optional fast path: the residual draw `residual` (or sampleResidual) gives, for a row this
   * model's dist returned, from the row itself (no second context lookup). */
  rowResidual?(row: Dist, q: Dist | null, x: TokenId, rng: Rng): TokenId;
}

/**
 * A target's answer to "score these positions" (one forward pass). Row 0 is the distribution
 * after the committed context; row r (1..rows-1) the one after proposal node r-1 (for a chain:
 * after the first r drafted tokens). Distributions are shaped by the sampling parameters.
 * Verification reads the target only through this.
 */
export interface Scores {
  readonly rows: number;
  dist(row: number): Dist;
  prob(row: number, x: TokenId): number;
  sample(row: number, rng: Rng): TokenId;
  argmax(row: number): TokenId;
  /** sum_x min(p_row(x), q(x)): the probability that a draft from q is accepted at this row. */
  overlap(row: number, q: Dist): number;
  /** A draw from the residual norm(max(0, p_row - q)) after rejecting x (q null: p_row
   * without x), as sampleResidual draws it. */
  residual(row: number, q: Dist | null, x: TokenId, rng: Rng): TokenId;
  /** Measured wall time of the forward pass that produced these rows, ms (real models). */
  readonly wallMs?: number;
}

/** How a text is split into tokens and joined back. */
export interface Tokenizer {
  readonly kind: 'chars' | 'words';
  split(text: string): string[];
  join(tokens: readonly string[]): string;
}

/** A vocabulary: token strings by id and ids by string. */
export interface Vocab {
  readonly tokens: readonly string[];
  readonly ids: ReadonlyMap<string, TokenId>;
}

/**
 * What every run's world has, simulated or real: the vocabulary, the prompt and where
 * generation ends. The step's bookkeeping and verification need no more than this and the
 * target's Scores.
 */
export interface TextWorld {
  readonly kind: WorldKind | 'model';
  readonly vocab: Vocab;
  readonly tokenizer: Tokenizer;
  /** Earlier responses of the session (the suffix method's global cache), as token ids. */
  readonly history: readonly (readonly TokenId[])[];
  /** The prompt as token ids. */
  readonly prompt: readonly TokenId[];
  /** End-of-text token: emitting it ends generation (it is not part of the output). */
  readonly eos: TokenId | null;
  /** The world's own end: generation stops once this many tokens were generated. */
  readonly maxNewTokens: number;
  /** Notes for the user about how this world was built (clamped alpha, unknown words...). */
  readonly notes: readonly Notice[];
}

/** A simulated world: its models answer synchronously (the sweeps' fast path). */
export interface World extends TextWorld {
  readonly kind: WorldKind;
  readonly target: Model;
  /** The draft model (absent where a world has none). */
  readonly draft: Model | null;
  /**
   * Medusa heads (parallel): head i's distribution of the token at position len + i, from the
   * committed context ctx[0..len) only; this step's drafts after len are never read (null: none).
   */
  readonly medusaHeads: ((head: number, ctx: readonly TokenId[], len: number) => Dist) | null;
  /**
   * MTP modules (chained, DeepSeek-V3 / vLLM "mtp"): module k's distribution of the token at
   * position len, from ctx[0..len), whose end holds this step's k earlier drafts (null: none).
   */
  readonly mtpModules: ((module: number, ctx: readonly TokenId[], len: number) => Dist) | null;
}

export type WorldKind = 'seed' | 'ngram' | 'synthetic';
export type MethodKind = 'autoregressive' | 'draft' | 'ngram' | 'suffix' | 'mtp' | 'medusa' | 'tree';
/** standard = min(1, p/q) with residual resampling (lossless); pgeq = accept iff p >= q
 * (a deliberately wrong rule, for demonstrating a failed lossless check); typical = Medusa's. */
export type AcceptanceRule = 'standard' | 'pgeq' | 'typical';

/**
 * A proposal for one step. A chain is `tokens` in order; a tree (later) sets `parents`
 * (index of each node's parent, -1 for a child of the current context).
 * `q[i]` is the distribution token i was drawn from, or null for a deterministic proposer
 * (n-gram lookup, suffix tree): then q is a point mass on the token.
 */
export interface Proposal {
  readonly tokens: TokenId[];
  readonly q: (Dist | null)[];
  readonly parents?: number[];
  /** Cost of drafting, in units of one target pass (c per drafted token for a draft model). */
  readonly draftCost: number;
  /** Measured wall time of each draft forward pass, ms (real models only). */
  readonly wallMs?: readonly number[];
  /** Method-specific explanation for the UI (matched n-gram, tree path...). */
  readonly info?: Readonly<Record<string, unknown>>;
}

/** Produces proposals from the context; stateless apart from the random stream it is given. */
export interface Proposer {
  readonly method: MethodKind;
  propose(ctx: readonly TokenId[], len: number, gamma: number, rng: Rng): Proposal;
}

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/** The independent random streams of a run, one per role. */
export interface RngStreams {
  /** Target sampling: residual, bonus and autoregressive tokens. */
  readonly target: Rng;
  /** Draft sampling. */
  readonly draft: Rng;
  /** Acceptance draws r_i. */
  readonly accept: Rng;
}

export type Verdict = 'accepted' | 'rejected' | 'discarded';
/** How an emitted token arose: an accepted draft, the residual sample (greedy: the target's
 * correction) at the first rejection, the bonus after a fully accepted proposal, or a plain
 * target sample (autoregressive / nothing proposed). */
export type EmitKind = 'accepted' | 'resampled' | 'bonus' | 'target';

/** A few top entries of a distribution, for display: [token, probability], descending. */
export type TopEntries = [TokenId, number][];

/** What the target saw at one verified position. */
export interface PositionDetail {
  /** Top of the target distribution p. */
  readonly p: TopEntries;
  /** Top of the draft distribution q (empty if nothing was drafted here). */
  readonly q: TopEntries;
  /** The drafted token checked here, or null at the bonus / autoregressive position. */
  readonly token: TokenId | null;
  readonly pToken: number;
  readonly qToken: number;
  /** sum_x min(p, q): the probability that a draft here is accepted. */
  readonly overlap: number;
  /** The uniform drawn against p/q (null in greedy mode). */
  readonly u: number | null;
  /** Top of the residual norm(max(0, p - q)) the replacement was drawn from, if rejected. */
  readonly residual: TopEntries | null;
}

/** One step's event: what was drafted, the verdicts and what was emitted. */
export interface StepEvent {
  readonly index: number;
  readonly drafted: TokenId[];
  readonly verdicts: Verdict[];
  readonly emitted: TokenId[];
  readonly emittedKinds: EmitKind[];
  /** Per verified position (drafted positions up to the first rejection, then the bonus
   * position if all were accepted); present when the step ran with detail. */
  readonly positions: PositionDetail[] | null;
  /** Modelled time of this step, in ms. */
  readonly timeMs: number;
  /** Measured wall time of this step's forward passes, ms (real models only). */
  readonly wall?: { readonly draftMs: readonly number[]; readonly targetMs: number };
  readonly greedy: boolean;
  /** Tokens generated before this step. */
  readonly start: number;
  /** True when this step ended generation (length, end of text). */
  readonly finished: boolean;
  /** True when the target emitted end-of-text in this step (not output, but a token it produced). */
  readonly endOfText: boolean;
  readonly info?: Readonly<Record<string, unknown>>;
}
