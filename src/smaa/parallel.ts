// Multi-core SMAA runs: a pool of worker threads computes blocks; the main thread adds them in block
// order. Touches node:worker_threads and node:fs (to see whether the compiled worker exists) and
// nothing else; the numbers are exactly those of runSmaaSync, for any number of workers.

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { addBlock, createAccumulator } from "./accumulate.js";
import type { BlockResult } from "./kernel.js";
import { blockCount } from "./kernel.js";
import { finalizeSmaa, prepareRun, runSmaaSync } from "./smaa2.js";
import type { SmaaOptions, SmaaProblem, SmaaResult } from "./types.js";

/** Blocks in flight per worker, so a worker never waits for the main thread between blocks. */
const IN_FLIGHT = 2;

export interface WorkerSetup {
  /** URL of the worker module, or (with `evalCode`) the source of a CommonJS bootstrap to evaluate. */
  url: URL | string;
  evalCode?: boolean;
  workers: number;
  /** Extra Node flags for the workers. */
  execArgv?: string[];
}

/**
 * URL of the compiled worker: next to this module (dist/smaa/worker.js), or, when this module was
 * bundled into dist/bundle/ for start-up speed, the same file from there (dist/smaa/worker.js).
 */
export function defaultWorkerUrl(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  const fromBundle = new URL("../smaa/worker.js", import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : fromBundle;
}

/**
 * SMAA-2 on every core (default os.availableParallelism() workers). Runs in-process instead when
 * workers ≤ 1, when the run is a single block, or when the compiled worker file is absent (running
 * from the TypeScript sources, e.g. under vitest). Same numbers in every case.
 */
export async function runSmaa(problem: SmaaProblem, options: SmaaOptions): Promise<SmaaResult> {
  const workers = Math.floor(options.workers ?? availableParallelism());
  const url = defaultWorkerUrl();
  if (workers <= 1 || !existsSync(fileURLToPath(url))) return runSmaaSync(problem, options);
  return runSmaaWorkers(problem, options, { url, workers });
}

/** The worker-pool run itself (exported for tests that supply their own worker URL). */
export function runSmaaWorkers(problem: SmaaProblem, options: SmaaOptions, setup: WorkerSetup): Promise<SmaaResult> {
  const { plan, schedule } = prepareRun(problem, options);
  const nWorkers = Math.min(setup.workers, schedule.maxBlocks);
  if (nWorkers <= 1) return Promise.resolve(runSmaaSync(problem, options));
  const acc = createAccumulator(plan);
  const pending = new Map<number, BlockResult>();
  const pool: Worker[] = [];
  let next = 0;
  let settled = false;

  return new Promise<SmaaResult>((resolve, reject) => {
    const stop = (): void => {
      settled = true;
      for (const w of pool) void w.terminate();
    };
    const dispatch = (w: Worker): void => {
      if (settled || next >= schedule.maxBlocks || schedule.isDone(acc)) return;
      const block = next++;
      w.postMessage({ block, count: blockCount(plan, block, schedule.total) });
    };
    const onResult = (w: Worker, r: BlockResult): void => {
      if (settled) return;
      pending.set(r.block, r);
      // add every block that is now contiguous, in order: this is what makes sums worker-independent
      for (let b = pending.get(acc.blocks); b && !schedule.isDone(acc); b = pending.get(acc.blocks)) {
        pending.delete(b.block);
        addBlock(acc, b);
        options.onProgress?.(acc.samples, schedule.total);
      }
      if (schedule.isDone(acc)) {
        stop();
        try {
          resolve(finalizeSmaa(problem, options, plan, acc));
        } catch (e) {
          reject(e);
        }
        return;
      }
      dispatch(w);
    };
    const onError = (e: unknown): void => {
      if (settled) return;
      stop();
      reject(e);
    };
    for (let k = 0; k < nWorkers; k++) {
      const w = new Worker(setup.url, { workerData: { plan }, execArgv: setup.execArgv ?? [], eval: setup.evalCode ?? false });
      pool.push(w);
      w.on("message", (r: BlockResult) => onResult(w, r));
      w.on("error", onError);
      w.on("exit", (code) => {
        if (!settled && code !== 0) onError(new Error(`SMAA worker exited with code ${code}`));
      });
    }
    for (let f = 0; f < IN_FLIGHT; f++) for (const w of pool) dispatch(w);
  });
}
