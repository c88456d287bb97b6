// Public entry of the SMAA-2 engine: types, runSmaa (worker threads) and runSmaaSync (in-process).
export type { SmaaGroups, SmaaNoise, SmaaOptions, SmaaProblem, SmaaResult, WeightSampler } from "./types.js";
export { runSmaa } from "./parallel.js";
export { runSmaaSync } from "./smaa2.js";
export { BLOCK_SIZE } from "./prepare.js";
