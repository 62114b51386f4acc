/** Types of vite-real-models.mjs (imported by vite.config.ts). */
import type { Plugin } from 'vite';
export declare function realModelAssets(): Plugin;
