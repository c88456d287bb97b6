import { describe, expect, it } from "vitest";
import { runSmaaWorkers } from "../../src/smaa/parallel.js";
import { runSmaaSync } from "../../src/smaa/smaa2.js";
import type { SmaaOptions } from "../../src/smaa/types.js";
import { O3, problemOf } from "./build.js";

// Real worker threads running the TypeScript worker through tsx's loader (no dependence on a fresh
// dist/): a small CommonJS bootstrap registers tsx in the worker, then imports src/smaa/worker.ts.
const workerTs = new URL("../../src/smaa/worker.ts", import.meta.url).href;
const bootstrap = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(workerTs)}); });`;
const setup = (workers: number) => ({ url: bootstrap, evalCode: true, workers });

describe("worker threads", () => {
  it("1, 2 and 3 workers give JSON identical to the in-process run", async () => {
    const opts: SmaaOptions = { samples: 7 * 8192 + 5, seed: 21, sampler: { kind: "simplex" } };
    const sync = JSON.stringify(runSmaaSync(O3, opts));
    for (const w of [2, 3]) expect(JSON.stringify(await runSmaaWorkers(O3, opts, setup(w)))).toBe(sync);
  });

  it("many offers (sorted strategy) and adaptive precision are worker-independent too", async () => {
    const rows = Array.from({ length: 24 }, (_, i) => [(i * 37) % 100, (i * 53) % 100, (i * 71) % 100, (i * 13) % 100]);
    const p = problemOf(rows.map((_, i) => `o${i}`), ["a", "b", "c", "d"], rows, [25, 25, 25, 25]);
    const opts: SmaaOptions = { samples: 1, seed: 4, sampler: { kind: "simplex" }, precision: 0.01, maxSamples: 200_000 };
    const sync = runSmaaSync(p, opts);
    const par = await runSmaaWorkers(p, opts, setup(2));
    expect(JSON.stringify(par)).toBe(JSON.stringify(sync));
  });
});
