"""The synthetic sweep as a numpy program vectorised over trials: the yardstick of the core's
speed (`npm run bench` runs it when numpy is installed and compares wall times).

The same work as `npm run -s sim -- sweep --world synthetic --gamma 1-16 --trials 1000
--length 128`: a bank of 512 target distributions over 32 tokens (logits 2.5 * N(0, 1)), each
with a draft q built so that sum min(p, q) = alpha = 0.8 exactly; the context (position and the
last 4 tokens, salted per trial) picks a bank entry by hash. For each gamma, all trials advance
together: draft gamma tokens from q, accept x_i with u_i < p(x_i) / q(x_i), at the first
rejection draw from norm(max(0, p - q)), else a bonus token from p; until 128 tokens.
Prints one JSON line: {"seconds": wall time of the sweep, "tokens_per_step": [...]}.

Usage: python3 bench/numpy_sweep.py [trials] [length]
"""

import json
import sys
import time

import numpy as np

V = 32
BANK = 512
ALPHA = 0.8
GAMMAS = range(1, 17)
WINDOW = 4
PROMPT = 3
M32 = np.uint64(0xFFFFFFFF)


def build_bank(rng):
    logits = 2.5 * rng.standard_normal((BANK, V))
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    q = np.empty_like(p)
    for b in range(BANK):
        eligible = np.nonzero(p[b] <= ALPHA)[0]
        star = eligible[rng.integers(len(eligible))] if len(eligible) else int(p[b].argmin())
        ps = p[b, star]
        a = max(ALPHA, ps)
        q[b] = p[b] * ((a - ps) / (1 - ps))
        q[b, star] = ps + 1 - a
    return p, q


def context_hash(tokens, lengths, salt):
    """Bank entry of each trial's context: its position and last WINDOW tokens."""
    h = (salt ^ (lengths.astype(np.uint64) * np.uint64(0x9E3779B1))) & M32
    rows = np.arange(len(lengths))
    for k in range(WINDOW, 0, -1):
        pos = lengths - k
        tok = np.where(pos >= 0, tokens[rows, np.maximum(pos, 0)], 0).astype(np.uint64)
        h = ((h ^ tok) * np.uint64(0x85EBCA6B)) & M32
        h ^= h >> np.uint64(13)
    return (h & np.uint64(BANK - 1)).astype(np.int64)


def draw(cdf_rows, u):
    """Inverse-CDF draws, one per row."""
    return (u[:, None] < cdf_rows).argmax(axis=1)


def sweep(trials, length, seed=1):
    rng = np.random.default_rng(seed)
    p, q = build_bank(rng)
    pc = np.cumsum(p, axis=1)
    qc = np.cumsum(q, axis=1)
    pc[:, -1] = qc[:, -1] = 1.0
    out = []
    for gamma in GAMMAS:
        width = PROMPT + length + gamma + 1
        tokens = np.zeros((trials, width), dtype=np.int64)
        tokens[:, :PROMPT] = [1, 7, 12]
        lengths = np.full(trials, PROMPT, dtype=np.int64)
        salt = rng.integers(0, 2**32, size=trials, dtype=np.uint64)
        steps = 0
        emitted_total = 0
        while True:
            act = np.nonzero(lengths - PROMPT < length)[0]
            if len(act) == 0:
                break
            n = len(act)
            tok = tokens[act]
            base = lengths[act]
            s = salt[act]
            rows = np.arange(n)
            entries = np.empty((n, gamma + 1), dtype=np.int64)
            drafts = np.empty((n, gamma), dtype=np.int64)
            for i in range(gamma + 1):
                entries[:, i] = context_hash(tok, base + i, s)
                if i < gamma:
                    drafts[:, i] = draw(qc[entries[:, i]], rng.random(n))
                    tok[rows, base + i] = drafts[:, i]
            e = entries[:, :gamma]
            ratio = p[e, drafts] / q[e, drafts]
            ok = rng.random((n, gamma)) < ratio
            accepted = np.where(ok.all(axis=1), gamma, (~ok).argmax(axis=1))
            last = entries[rows, accepted]
            rejected = accepted < gamma
            # The residual norm(max(0, p - q)) at the first rejection, else a bonus from p.
            res = np.maximum(p[last] - q[last], 0)
            dist = np.where(rejected[:, None], res, p[last])
            dist /= dist.sum(axis=1, keepdims=True)
            final = draw(np.cumsum(dist, axis=1), rng.random(n) * 0.999999999)
            tok[rows, base + accepted] = final
            tokens[act] = tok
            lengths[act] = base + accepted + 1
            steps += n
            emitted_total += int((accepted + 1).sum())
        out.append(emitted_total / steps)
    return out


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    length = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    t0 = time.perf_counter()
    tps = sweep(trials, length)
    print(json.dumps({"seconds": time.perf_counter() - t0, "tokens_per_step": [round(x, 3) for x in tps]}))


if __name__ == "__main__":
    main()
