import type { LookupMatch as LookupInfo } from '../proposers/ngramLookup';
import type { SuffixInfo } from '../proposers/suffix';
import { tokenizerFor } from '../tokenizer';
import type { AcceptanceRule, MethodKind, StepEvent, TokenId } from '../types';

/**
 * Narration of one step, as data: message codes and their values, so each driver words them in
 * its own language (the page's tables carry `narrate.<code>`), like notices. Generated from the
 * step's event, never written per run: what was proposed and why it could be guessed, which
 * guesses the target kept, why the first miss was rejected, what replaced it, the bonus token.
 */

/** What a step's narration can say; each code is one sentence. */
export type NarrationCode =
  // What was proposed (or that nothing was).
  | 'autoregressive'
  | 'draft'
  | 'draftGreedy'
  | 'mtp'
  | 'medusa'
  | 'ngramPrompt'
  | 'ngramOutput'
  | 'ngramNone'
  | 'suffixLocal'
  | 'suffixGlobal'
  | 'suffixNone'
  | 'tree'
  // What the target did with it.
  | 'allAccepted'
  | 'allAcceptedEnd'
  | 'rejectU'
  | 'rejectU0'
  | 'rejectZero'
  | 'rejectZero0'
  | 'rejectGreedy'
  | 'rejectGreedy0'
  | 'rejectPgeq'
  | 'rejectTypical'
  | 'rejectPlain'
  | 'discarded'
  | 'treeBonus'
  | 'treeMiss'
  | 'treeMiss0'
  | 'endOfText';

/** One sentence: its code and the values its template fills (tokens already as text). */
export interface NarrationLine {
  readonly code: NarrationCode;
  readonly vars: Readonly<Record<string, string | number>>;
}

/** What narrating a step needs besides the event. */
export interface NarrationInput {
  readonly event: StepEvent;
  readonly method: MethodKind;
  readonly acceptance: AcceptanceRule;
  /** Drafts sampled from q, or the draft's argmax (vLLM's way); sampled when absent. */
  readonly draftSampling?: 'sampled' | 'argmax';
  /** Token strings by id. */
  readonly vocab: readonly string[];
  readonly tokenizer: 'chars' | 'words';
  /** Prompt + output before this step, as ids (where an n-gram match was found). */
  readonly context: readonly TokenId[];
  readonly promptLen: number;
}

interface TreeInfo {
  parents: number[];
  path: number[];
}

/**
 * The sentences for one step: first what was proposed, then the target's verdict (kept, the
 * first rejection and its reason, the replacement or the bonus), then discarded guesses and the
 * end of text where they apply. Pure: the same event always gives the same lines.
 */
export function narrateStep(input: NarrationInput): NarrationLine[] {
  const { event, vocab } = input;
  const join = tokenizerFor(input.tokenizer).join;
  // Paragraph breaks show as a pilcrow, as on the chips.
  const text = (ids: readonly TokenId[]) => join(ids.map((t) => (vocab[t] === '\n' ? '¶' : (vocab[t] ?? '?'))));
  const lines: NarrationLine[] = [];
  const k = event.drafted.length;
  const first = event.emitted.length > 0 ? text([event.emitted[0]]) : '';
  const info = event.info ?? {};
  const tree = info.tree as TreeInfo | undefined;
  if (input.method === 'autoregressive') lines.push({ code: 'autoregressive', vars: { token: first } });
  else if (tree) lines.push(...narrateTree(event, tree, text));
  else if (k === 0) lines.push(nothingProposed(input.method, info, first));
  else {
    lines.push(proposalLine(input, text));
    lines.push(...verdictLines(input, text));
  }
  if (event.endOfText) lines.push({ code: 'endOfText', vars: {} });
  return lines;
}

function nothingProposed(method: MethodKind, info: Readonly<Record<string, unknown>>, token: string): NarrationLine {
  if (method === 'suffix' || 'suffix' in info) return { code: 'suffixNone', vars: { token } };
  if (method === 'ngram' || 'lookup' in info) return { code: 'ngramNone', vars: { token } };
  return { code: 'autoregressive', vars: { token } };
}

function proposalLine(input: NarrationInput, text: (ids: readonly TokenId[]) => string): NarrationLine {
  const { event } = input;
  const k = event.drafted.length;
  const tokens = text(event.drafted);
  const lookup = event.info?.lookup as LookupInfo | null | undefined;
  const suffix = event.info?.suffix as SuffixInfo | null | undefined;
  if (lookup) {
    // Positions counted from 1 for readers; output positions from the start of the output.
    const inPrompt = lookup.start < input.promptLen;
    const at = (inPrompt ? lookup.start : lookup.start - input.promptLen) + 1;
    const ngram = text(input.context.slice(lookup.start, lookup.from));
    return { code: inPrompt ? 'ngramPrompt' : 'ngramOutput', vars: { n: lookup.n, ngram, at, k, tokens } };
  }
  if (suffix) {
    const prob = suffix.probs[suffix.probs.length - 1] ?? 1;
    return { code: suffix.source === 'local' ? 'suffixLocal' : 'suffixGlobal', vars: { n: suffix.matchLen, k, tokens, prob } };
  }
  if (input.method === 'medusa') return { code: 'medusa', vars: { k, tokens } };
  if (input.method === 'mtp' || event.info?.heads !== undefined) return { code: 'mtp', vars: { k, tokens } };
  return { code: event.greedy || input.draftSampling === 'argmax' ? 'draftGreedy' : 'draft', vars: { k, tokens } };
}

function verdictLines(input: NarrationInput, text: (ids: readonly TokenId[]) => string): NarrationLine[] {
  const { event } = input;
  const k = event.drafted.length;
  const kept = event.verdicts.filter((v) => v === 'accepted').length;
  const at = event.verdicts.indexOf('rejected');
  if (at < 0) {
    const bonusAt = event.emittedKinds.indexOf('bonus');
    if (bonusAt < 0) return [{ code: 'allAcceptedEnd', vars: { k } }];
    return [{ code: 'allAccepted', vars: { k, bonus: text([event.emitted[bonusAt]]) } }];
  }
  const token = text([event.drafted[at]]);
  const replAt = event.emittedKinds.indexOf('resampled');
  // The replacement may be missing when it was end-of-text (not output).
  const repl = replAt >= 0 ? text([event.emitted[replAt]]) : '</s>';
  const keptText = text(event.drafted.slice(0, kept));
  const d = event.positions?.[at];
  const base = { kept, keptText, token, repl };
  const lines: NarrationLine[] = [];
  const suffix = kept > 0 ? '' : '0';
  if (event.greedy) lines.push({ code: `rejectGreedy${suffix}` as NarrationCode, vars: base });
  else if (d && d.u !== null && d.pToken === 0) lines.push({ code: `rejectZero${suffix}` as NarrationCode, vars: { ...base, q: d.qToken } });
  else if (d && d.u !== null)
    lines.push({ code: `rejectU${suffix}` as NarrationCode, vars: { ...base, u: d.u, p: d.pToken, q: d.qToken, ratio: Math.min(1, d.pToken / d.qToken) } });
  else if (d && input.acceptance === 'pgeq') lines.push({ code: 'rejectPgeq', vars: { ...base, p: d.pToken, q: d.qToken } });
  else if (d && input.acceptance === 'typical') lines.push({ code: 'rejectTypical', vars: { ...base, p: d.pToken } });
  else lines.push({ code: 'rejectPlain', vars: base });
  const discarded = k - at - 1;
  if (discarded > 0) lines.push({ code: 'discarded', vars: { d: discarded } });
  return lines;
}

function narrateTree(event: StepEvent, tree: TreeInfo, text: (ids: readonly TokenId[]) => string): NarrationLine[] {
  const nodes = event.drafted.length;
  // Depth of a node = number of ancestors + 1; the tree's depth is the deepest node's.
  const depthOf = (i: number): number => (i < 0 ? 0 : 1 + depthOf(tree.parents[i]));
  const depth = nodes === 0 ? 0 : Math.max(...event.drafted.map((_, i) => depthOf(i)));
  const path = text(tree.path.map((i) => event.drafted[i]));
  const head: NarrationLine = { code: 'tree', vars: { nodes, depth } };
  const bonusAt = event.emittedKinds.indexOf('bonus');
  if (bonusAt >= 0) return [head, { code: 'treeBonus', vars: { n: tree.path.length, path, bonus: text([event.emitted[bonusAt]]) } }];
  const last = event.emitted.length > 0 ? text([event.emitted[event.emitted.length - 1]]) : '</s>';
  if (tree.path.length === 0) return [head, { code: 'treeMiss0', vars: { repl: last } }];
  return [head, { code: 'treeMiss', vars: { n: tree.path.length, path, repl: last } }];
}
