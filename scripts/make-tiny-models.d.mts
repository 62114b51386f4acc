/** Types of make-tiny-models.mjs (for the TypeScript callers: vitest setup, tests). */
export declare const TINY_VOCAB: string[];
export declare const TINY_DIR: string;
export declare function makeTinyModels(outDir?: string): { target: string; draft: string };
export declare function ensureTinyModels(outDir?: string): { target: string; draft: string; made: boolean };
