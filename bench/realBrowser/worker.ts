// The adapter in a module worker on the tiny pair: load time, cached and cropped forwards against
// a recompute (should be ~0), which crop path ran, and the median time of a k = 4 forward.
import { cropCounts, loadPair } from '../../src/real';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const REPS = 50;

function maxDiff(a: Float32Array[], b: Float32Array[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
  return d;
}

ctx.onmessage = async (e: MessageEvent<{ device: 'wasm' | 'webgpu' | 'auto' }>) => {
  try {
    const t0 = performance.now();
    const siteBase = new URL(import.meta.env.BASE_URL, ctx.location.origin).href;
    const {
      target,
      draft,
      tokenizer: tok,
    } = await loadPair({ target: './models/tiny-target', draft: './models/tiny-draft', device: e.data.device, dtype: 'auto', siteBase });
    const loadMs = performance.now() - t0;
    const prompt = tok.encode('the draft model proposes a few tokens, and the target verifies them.\n');
    await target.forward(prompt, 0, 1);
    const proposal = tok.encode('abcde');
    const verify = await target.forward(proposal, prompt.length);
    const cachedVsFull = maxDiff(verify.logits, (await target.recompute([...prompt, ...proposal])).slice(prompt.length));
    const committed = [...prompt, ...proposal.slice(0, 2)];
    const next = tok.encode('xyz');
    const cont = await target.forward(next, committed.length);
    const cropVsFull = maxDiff(cont.logits, (await target.recompute([...committed, ...next])).slice(committed.length));
    const fwd: number[] = [];
    const crop: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const o = await target.forward(tok.encode('abcd'), committed.length);
      fwd.push(o.ms);
      crop.push(o.cropMs);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    ctx.postMessage({
      device: target.device,
      dtype: target.dtype,
      draftDevice: draft?.device,
      loadMs: Math.round(loadMs),
      cachedVsFull,
      cropVsFull,
      k4ForwardMs: median(fwd),
      cropMs: median(crop),
      crops: { ...cropCounts },
      roundTrip: tok.decode(tok.encode('a b\nc')) === 'a b\nc',
    });
  } catch (err) {
    ctx.postMessage({ error: (err as Error).message });
  }
};
