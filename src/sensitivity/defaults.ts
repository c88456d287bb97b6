// The SMAA defaults shared by every command (sensitivity, report) and the CLI's option defaults: one
// copy, so that two runs without flags agree bit for bit whichever command made them.

/** Fixed default seed, so that two runs agree bit for bit. */
export const DEFAULT_SEED = 20250622;
/** SMAA draws K by default. */
export const DEFAULT_SAMPLES = 10_000;
