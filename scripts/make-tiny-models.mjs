// Writes the tiny model pair used by the tests, the e2e and the offline demo: two one-layer
// Llama-style decoders (ONNX with a KV cache) sharing a character-level tokenizer, deterministic
// from fixed seeds. The target speaks corpus-like character bigrams bent by attention; the draft is
// the target plus noise. Usage: node scripts/make-tiny-models.mjs [outDir] [--force]
// (default outDir public/models, so Vite serves them at ./models/tiny-target and tiny-draft).
//
// The files are generated, not committed: ~1 s to make, and a generator change can never leave
// stale binaries behind. ensureTinyModels() regenerates when the generator's fingerprint (a hash
// of its sources and corpus, stored in config.json) differs; the Vite plugin and vitest's global
// setup call it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModel } from './tiny-model/graph.mjs';
import { bigramTable, perturb, targetWeights } from './tiny-model/weights.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const CORPUS = join(root, 'src/core/corpora/en.txt');
const SOURCES = [fileURLToPath(import.meta.url), join(here, 'tiny-model/graph.mjs'), join(here, 'tiny-model/weights.mjs'), CORPUS];

/** Tokens: end-of-text, unknown, newline, tab, then printable ASCII 32..126 (99 in all). */
export const TINY_VOCAB = ['<|endoftext|>', '<unk>', '\n', '\t', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
const EOS = 0;
const UNK = 1;
const DIMS = { vocab: TINY_VOCAB.length, hidden: 128, heads: 4, headDim: 32, ffn: 256 };
const TARGET_SEED = 1234;
const DRAFT_SEED = 5678;
/** Draft noise relative to each weight matrix's RMS: sets the pair's acceptance (see README). */
// Measured on the first 1,200 characters of the corpus (fp32, Node CPU): sum min(p, q) = 0.70 per
// position, greedy argmax agreement 0.68; target entropy 2.4 bits per character.
const DRAFT_NOISE = 0.15;

/** The models every script and test use, relative to the repository. */
export const TINY_DIR = join(root, 'public/models');

function fingerprint() {
  const h = createHash('sha256');
  for (const f of SOURCES) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

function tokenizerFiles() {
  const vocab = Object.fromEntries(TINY_VOCAB.map((t, i) => [t, i]));
  const special = (id) => ({ id, content: TINY_VOCAB[id], single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(EOS), special(UNK)],
    normalizer: null,
    pre_tokenizer: null,
    post_processor: null,
    // Fuse joins the pieces as they are: spaces and newlines survive a round trip.
    decoder: { type: 'Fuse' },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<unk>',
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
  const config = {
    tokenizer_class: 'PreTrainedTokenizerFast',
    eos_token: TINY_VOCAB[EOS],
    unk_token: '<unk>',
    pad_token: TINY_VOCAB[EOS],
    bos_token: null,
    add_bos_token: false,
    clean_up_tokenization_spaces: false,
    model_max_length: 2048,
  };
  return { tokenizer, config };
}

function modelConfig(stamp, role) {
  return {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    vocab_size: DIMS.vocab,
    hidden_size: DIMS.hidden,
    intermediate_size: DIMS.ffn,
    num_hidden_layers: 1,
    num_attention_heads: DIMS.heads,
    num_key_value_heads: DIMS.heads,
    head_dim: DIMS.headDim,
    max_position_embeddings: 2048,
    rms_norm_eps: 1e-5,
    rope_theta: 10000,
    eos_token_id: EOS,
    pad_token_id: EOS,
    tie_word_embeddings: false,
    torch_dtype: 'float32',
    // transformers.js reads its defaults here; dtype auto in src/real tries this one first, so a
    // browser never probes for absent q4 files (a dev server answers those with index.html).
    'transformers.js_config': { dtype: 'fp32' },
    specplay_tiny: { role, generator: stamp },
  };
}

function encode(text) {
  const index = new Map(TINY_VOCAB.map((t, i) => [t, i]));
  return Array.from(text, (ch) => index.get(ch) ?? UNK);
}

function writeModel(dir, weights, config, tok) {
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx/model.onnx'), buildModel(weights, DIMS));
  writeFileSync(join(dir, 'tokenizer.json'), `${JSON.stringify(tok.tokenizer)}\n`);
  writeFileSync(join(dir, 'tokenizer_config.json'), `${JSON.stringify(tok.config, null, 2)}\n`);
  writeFileSync(join(dir, 'generation_config.json'), `${JSON.stringify({ eos_token_id: EOS, pad_token_id: EOS }, null, 2)}\n`);
  // config.json last: its fingerprint marks the folder complete.
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/** Writes tiny-target and tiny-draft under outDir. */
export function makeTinyModels(outDir = TINY_DIR) {
  const stamp = fingerprint();
  const table = bigramTable(encode(readFileSync(CORPUS, 'utf8')), DIMS.vocab, { eos: EOS, newline: 2 });
  const target = targetWeights(TARGET_SEED, table, DIMS);
  const draft = perturb(target, DRAFT_SEED, DRAFT_NOISE);
  const tok = tokenizerFiles();
  writeModel(join(outDir, 'tiny-target'), target, modelConfig(stamp, 'target'), tok);
  writeModel(join(outDir, 'tiny-draft'), draft, modelConfig(stamp, 'draft'), tok);
  return { target: join(outDir, 'tiny-target'), draft: join(outDir, 'tiny-draft') };
}

/** Makes the pair unless both folders already come from this generator. */
export function ensureTinyModels(outDir = TINY_DIR) {
  const stamp = fingerprint();
  const fresh = ['tiny-target', 'tiny-draft'].every((name) => {
    const cfg = join(outDir, name, 'config.json');
    if (!existsSync(cfg) || !existsSync(join(outDir, name, 'onnx/model.onnx'))) return false;
    try {
      return JSON.parse(readFileSync(cfg, 'utf8')).specplay_tiny?.generator === stamp;
    } catch {
      return false;
    }
  });
  if (fresh) return { target: join(outDir, 'tiny-target'), draft: join(outDir, 'tiny-draft'), made: false };
  return { ...makeTinyModels(outDir), made: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? TINY_DIR);
  const t0 = performance.now();
  const r = args.includes('--force') ? { ...makeTinyModels(out), made: true } : ensureTinyModels(out);
  console.log(`${r.made ? 'wrote' : 'up to date:'} ${r.target}, ${r.draft} (${Math.round(performance.now() - t0)} ms)`);
}
