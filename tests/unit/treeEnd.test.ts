import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, prepareWorld, runGeneration } from '../../src/core';

describe('tree at the end of text', () => {
  test('step - a tree never drafts past the world end: end-of-text is never an accepted draft', () => {
    for (const depth of [3, 4, 5, 7]) {
      const p = { ...DEFAULT_PARAMS, world: 'seed' as const, method: 'tree' as const, depth, topk: 2, draftTokens: 8 };
      const r = runGeneration(prepareWorld(p), p);
      let acceptedKinds = 0;
      for (const e of r.events) {
        const accepted = e.verdicts.filter((v) => v === 'accepted').length;
        // The accepted path stays within the world's end (the notebook's min(k, remaining)).
        expect(accepted, `depth ${depth}, step at ${e.start}`).toBeLessThanOrEqual(r.world.maxNewTokens - e.start);
        // Every accepted draft is output (end-of-text would be cut from the output).
        expect(e.emittedKinds.filter((k) => k === 'accepted').length, `depth ${depth}, step at ${e.start}`).toBe(accepted);
        acceptedKinds += accepted;
      }
      expect(r.state.accepted).toBe(acceptedKinds);
      expect(r.state.len - r.state.promptLen).toBe(r.world.maxNewTokens);
    }
  });
});
