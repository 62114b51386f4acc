import { create } from 'zustand';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';

/** The whole app state: slices combined once. */
export type AppState = ParamsSlice & RunSlice;

/** The store; actions work outside React too: `useStore.getState().play()`. */
export const useStore = create<AppState>()((...a) => ({
  ...createParamsSlice(...a),
  ...createRunSlice(...a),
}));
