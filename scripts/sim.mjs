// The headless runner (`npm run -s sim -- ...`): src/cli/sim.ts bundled into one module first
// (scripts/bundled.mjs; the bundle is kept and rebuilt only when a source changed). `npx tsx
// src/cli/sim.ts` runs the same code unbundled.
import { runBundled } from './bundled.mjs';

// Packages stay as they are: transformers.js loads onnxruntime-node's native binary.
await runBundled('src/cli/sim.ts', { external: true });
