// vitest global setup: the real-model tests load the tiny pair from public/models.
import { ensureTinyModels } from '../scripts/make-tiny-models.mjs';

export default function setup(): void {
  ensureTinyModels();
}
