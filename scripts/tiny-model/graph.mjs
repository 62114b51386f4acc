// The ONNX graph of a one-layer Llama-style decoder with a KV cache, written with onnx-proto
// (protobufjs) so no Python is needed. Names follow what transformers.js expects of a hub export:
// inputs input_ids, attention_mask, position_ids, past_key_values.0.key/value; outputs logits,
// present.0.key/value. Cache inputs have numeric head and head_dim dimensions because
// transformers.js builds the empty first cache from this metadata (symbolic dims other than
// batch_size become 0).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const BOOL = onnx.TensorProto.DataType.BOOL;
const A = onnx.AttributeProto.AttributeType;

/** Writes the graph as ONNX bytes. w: named Float32Arrays (see weights.mjs); dims: model sizes. */
export function buildModel(w, { vocab, heads, headDim, eps = 1e-5 }) {
  const nodes = [];
  const inits = [];
  let n = 0;
  const node = (opType, inputs, attrs = {}, out = null) => {
    const name = out ?? `${opType.toLowerCase()}_${n++}`;
    const attribute = Object.entries(attrs).map(([k, v]) => attr(k, v));
    nodes.push(onnx.NodeProto.create({ opType, input: inputs, output: [name], name: `n_${name}`, attribute }));
    return name;
  };
  const f32 = (name, dims, data) => {
    inits.push(onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: bytes(Float32Array.from(data)) }));
    return name;
  };
  const i64 = (name, dims, values) => {
    inits.push(onnx.TensorProto.create({ name, dims, dataType: INT64, rawData: bytes(BigInt64Array.from(values.map(BigInt))) }));
    return name;
  };

  for (const [k, v] of Object.entries(w)) f32(k, v.dims, v.data);
  const half = headDim / 2;
  // RoPE inverse frequencies, base 10000 as in Llama.
  f32(
    'inv_freq',
    [half],
    Array.from({ length: half }, (_, i) => 10000 ** (-(2 * i) / headDim)),
  );
  f32('eps', [], [eps]);
  f32('scale', [], [1 / Math.sqrt(headDim)]);
  f32('neg_big', [], [-1e9]); // not -inf: a fully masked row (padding) stays finite
  i64('heads_shape', [4], [0, 0, heads, headDim]);
  i64('merge_shape', [3], [0, 0, heads * headDim]);
  i64('ax_last', [1], [-1]);
  i64('ax1', [1], [1]);
  i64('ax12', [2], [1, 2]);
  i64('idx1', [], [1]);
  i64('zero', [], [0]);
  i64('one', [], [1]);
  i64('s0', [1], [0]);
  i64('s_half', [1], [half]);
  i64('s_full', [1], [headDim]);
  i64('ax3', [1], [3]);

  const rms = (x, g) => {
    const ms = node('ReduceMean', [node('Mul', [x, x])], { axes: [-1], keepdims: 1 });
    return node('Mul', [node('Div', [x, node('Sqrt', [node('Add', [ms, 'eps'])])]), g]);
  };
  const headsOf = (x, wName) => node('Transpose', [node('Reshape', [node('MatMul', [x, wName]), 'heads_shape'])], { perm: [0, 2, 1, 3] });

  // Rotary position embedding from position_ids (so positions matter exactly as in Llama).
  const pos = node('Unsqueeze', [node('Cast', ['position_ids'], { to: FLOAT }), 'ax_last']); // [B,S,1]
  const freqs = node('Unsqueeze', [node('Mul', [pos, 'inv_freq']), 'ax1']); // [B,1,S,half]
  const cos = node('Cos', [freqs]);
  const sin = node('Sin', [freqs]);
  const rope = (t) => {
    const a = node('Slice', [t, 's0', 's_half', 'ax3']);
    const b = node('Slice', [t, 's_half', 's_full', 'ax3']);
    const ra = node('Sub', [node('Mul', [a, cos]), node('Mul', [b, sin])]);
    const rb = node('Add', [node('Mul', [b, cos]), node('Mul', [a, sin])]);
    return node('Concat', [ra, rb], { axis: 3 });
  };

  const x0 = node('Gather', ['embed', 'input_ids'], { axis: 0 }); // [B,S,D]
  const h1 = rms(x0, 'g_attn');
  const q = rope(headsOf(h1, 'wq'));
  const kNew = rope(headsOf(h1, 'wk'));
  const vNew = headsOf(h1, 'wv');
  const k = node('Concat', ['past_key_values.0.key', kNew], { axis: 2 }, 'present.0.key'); // [B,H,T,Dh]
  const v = node('Concat', ['past_key_values.0.value', vNew], { axis: 2 }, 'present.0.value');
  const scores = node('Mul', [node('MatMul', [q, node('Transpose', [k], { perm: [0, 1, 3, 2] })]), 'scale']); // [B,H,S,T]

  // Causal mask in cache coordinates: query i (at T - S + i) sees keys 0..T - S + i; padding
  // (attention_mask 0) is hidden too.
  const S = node('Gather', [node('Shape', ['input_ids']), 'idx1']);
  const T = node('Gather', [node('Shape', ['attention_mask']), 'idx1']);
  const rows = node('Unsqueeze', [node('Range', [node('Sub', [T, S]), T, 'one']), 'ax1']); // [S,1]
  const cols = node('Range', ['zero', T, 'one']); // [T]
  const causal = node('LessOrEqual', [cols, rows]); // [S,T]
  const pad = node('Unsqueeze', [node('Cast', ['attention_mask'], { to: BOOL }), 'ax12']); // [B,1,1,T]
  const masked = node('Where', [node('And', [causal, pad]), scores, 'neg_big']);
  const ctx = node('MatMul', [node('Softmax', [masked], { axis: -1 }), v]); // [B,H,S,Dh]
  const merged = node('Reshape', [node('Transpose', [ctx], { perm: [0, 2, 1, 3] }), 'merge_shape']);
  const x1 = node('Add', [x0, node('MatMul', [merged, 'wo'])]);

  // SwiGLU MLP as in Llama.
  const h2 = rms(x1, 'g_mlp');
  const gate = node('MatMul', [h2, 'w_gate']);
  const act = node('Mul', [node('Mul', [gate, node('Sigmoid', [gate])]), node('MatMul', [h2, 'w_up'])]);
  const x2 = node('Add', [x1, node('MatMul', [act, 'w_down'])]);
  node('MatMul', [rms(x2, 'g_final'), 'lm_head'], {}, 'logits');

  const io = (name, elemType, dims) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
    });
  const graph = onnx.GraphProto.create({
    name: 'tiny_llama',
    node: nodes,
    initializer: inits,
    input: [
      io('input_ids', INT64, ['batch_size', 'sequence_length']),
      io('attention_mask', INT64, ['batch_size', 'total_sequence_length']),
      io('position_ids', INT64, ['batch_size', 'sequence_length']),
      io('past_key_values.0.key', FLOAT, ['batch_size', heads, 'past_sequence_length', headDim]),
      io('past_key_values.0.value', FLOAT, ['batch_size', heads, 'past_sequence_length', headDim]),
    ],
    output: [
      io('logits', FLOAT, ['batch_size', 'sequence_length', vocab]),
      io('present.0.key', FLOAT, ['batch_size', heads, 'total_sequence_length', headDim]),
      io('present.0.value', FLOAT, ['batch_size', heads, 'total_sequence_length', headDim]),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'specplay scripts/make-tiny-models.mjs',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function attr(name, v) {
  if (Array.isArray(v)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: v });
  if (Number.isInteger(v) && name !== 'f') return onnx.AttributeProto.create({ name, type: A.INT, i: v });
  return onnx.AttributeProto.create({ name, type: A.FLOAT, f: v });
}

function bytes(typed) {
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}
