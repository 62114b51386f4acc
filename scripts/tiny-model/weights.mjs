// Seeded weights of the tiny decoders. The target is built so its text looks like the corpus:
// embeddings are orthonormal rows and the output head maps each row back to the sharpened
// log-probabilities of a character bigram model, so the residual stream carries "which character
// came last"; random attention (with RoPE) and a small MLP then bend those distributions by
// context and position. The draft is the target plus seeded noise: correlated, not equal.

/** Mulberry32: a small seeded generator, so the files are the same on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const gaussian = (r, count, std) => Float64Array.from({ length: count }, () => r.normal() * std);

/** rows x cols matrix with orthonormal rows (Gram-Schmidt on Gaussian rows); rows <= cols. */
function orthonormalRows(r, rows, cols) {
  const out = [];
  for (let i = 0; i < rows; i++) {
    const v = gaussian(r, cols, 1);
    for (const u of out) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += v[j] * u[j];
      for (let j = 0; j < cols; j++) v[j] -= dot * u[j];
    }
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < cols; j++) v[j] /= norm;
    out.push(v);
  }
  return out;
}

/**
 * Log-probabilities of the next token given the current one (rows centred), from character
 * bigram counts with unigram back-off (alpha pseudo-counts). The end-of-text token follows a
 * newline with probability `eosAfterNewline`.
 */
export function bigramTable(ids, vocab, { eos, newline, alpha = 2, eosAfterNewline = 0.25 }) {
  const counts = Array.from({ length: vocab }, () => new Float64Array(vocab));
  const uni = new Float64Array(vocab).fill(0.01);
  for (let i = 0; i + 1 < ids.length; i++) {
    counts[ids[i]][ids[i + 1]] += 1;
    uni[ids[i + 1]] += 1;
  }
  const uniTotal = uni.reduce((a, b) => a + b, 0);
  const table = [];
  for (let c = 0; c < vocab; c++) {
    const row = counts[c];
    if (c === newline || c === eos) {
      const mass = row.reduce((a, b) => a + b, 0) || 1;
      row[eos] += (mass * eosAfterNewline) / (1 - eosAfterNewline);
    }
    const total = row.reduce((a, b) => a + b, 0);
    const logp = Float64Array.from(row, (k, j) => Math.log((k + (alpha * uni[j]) / uniTotal) / (total + alpha)));
    const mean = logp.reduce((a, b) => a + b, 0) / vocab;
    table.push(logp.map((x) => x - mean));
  }
  return table;
}

/**
 * Target weights. sharpness multiplies the bigram log-probabilities (> 1: peakier than the
 * corpus); attnGain and mlpGain set how far attention and the MLP move the residual stream
 * (relative to the embedding's norm of 1).
 */
export function targetWeights(seed, table, dims, { sharpness = 1.6, attnGain = 0.6, mlpGain = 0.15 } = {}) {
  const { vocab, hidden: d, ffn } = dims;
  const r = rng(seed);
  const u = orthonormalRows(r, vocab, d);
  const embed = new Float64Array(vocab * d);
  for (let t = 0; t < vocab; t++) embed.set(u[t], t * d);
  // After the final RMSNorm a pure embedding row is sqrt(d) * u_t, so lm_head = U^T B s / sqrt(d)
  // gives logits s * B[t] for the bare embedding.
  const lmHead = new Float64Array(d * vocab);
  for (let i = 0; i < d; i++)
    for (let t = 0; t < vocab; t++) {
      let acc = 0;
      for (let c = 0; c < vocab; c++) acc += u[c][i] * table[c][t];
      lmHead[i * vocab + t] = (acc * sharpness) / Math.sqrt(d);
    }
  // Normed inputs have unit RMS, so a weight std of g / sqrt(d) gives outputs of std g.
  const qk = 1.4 / Math.sqrt(d); // attention scores of std ~2: clearly non-uniform
  return {
    embed: { dims: [vocab, d], data: embed },
    g_attn: { dims: [d], data: new Float64Array(d).fill(1) },
    wq: { dims: [d, d], data: gaussian(r, d * d, qk) },
    wk: { dims: [d, d], data: gaussian(r, d * d, qk) },
    wv: { dims: [d, d], data: gaussian(r, d * d, 1 / Math.sqrt(d)) },
    wo: { dims: [d, d], data: gaussian(r, d * d, attnGain / d) },
    g_mlp: { dims: [d], data: new Float64Array(d).fill(1) },
    w_gate: { dims: [d, ffn], data: gaussian(r, d * ffn, 1 / Math.sqrt(d)) },
    w_up: { dims: [d, ffn], data: gaussian(r, d * ffn, 1 / Math.sqrt(d)) },
    w_down: { dims: [ffn, d], data: gaussian(r, ffn * d, mlpGain / Math.sqrt(ffn * d)) },
    g_final: { dims: [d], data: new Float64Array(d).fill(1) },
    lm_head: { dims: [d, vocab], data: lmHead },
  };
}

/** The draft: every target weight plus Gaussian noise of `rel` times that matrix's own RMS. */
export function perturb(weights, seed, rel) {
  const r = rng(seed);
  const out = {};
  for (const [name, { dims, data }] of Object.entries(weights)) {
    if (name.startsWith('g_')) {
      out[name] = { dims, data };
      continue;
    }
    const rms = Math.sqrt(data.reduce((a, x) => a + x * x, 0) / data.length);
    out[name] = { dims, data: data.map((x) => x + r.normal() * rel * rms) };
  }
  return out;
}
