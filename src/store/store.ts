import { create } from 'zustand';
import { createJobsSlice, type JobsSlice } from './jobsSlice';
import { createLearnSlice, type LearnSlice } from './learnSlice';
import { createModelSlice, type ModelSlice } from './modelSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** The whole app state: slices combined once. */
export type AppState = ParamsSlice & RunSlice & JobsSlice & UiSlice & LearnSlice & ModelSlice;

/** The store; actions work outside React too: `useStore.getState().play()`. */
export const useStore = create<AppState>()((...a) => ({
  ...createParamsSlice(...a),
  ...createRunSlice(...a),
  ...createJobsSlice(...a),
  ...createUiSlice(...a),
  ...createLearnSlice(...a),
  ...createModelSlice(...a),
}));
