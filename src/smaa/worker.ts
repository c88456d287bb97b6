// Worker-thread entry of the SMAA engine: runs the blocks the main thread asks for and posts back
// their counts (buffers transferred, not copied). No other IO; the numbers come from kernel.ts only.

import { parentPort, workerData } from "node:worker_threads";
import { runBlock } from "./kernel.js";
import type { PreparedSmaa } from "./prepare.js";

export interface BlockRequest {
  block: number;
  count: number;
}

const plan = (workerData as { plan: PreparedSmaa }).plan;
const port = parentPort;
if (!port) throw new Error("smaa/worker.js must run in a worker thread");
port.on("message", (req: BlockRequest) => {
  const r = runBlock(plan, req.block, req.count);
  port.postMessage(r, [r.rankCounts.buffer as ArrayBuffer, r.pairCounts.buffer as ArrayBuffer, r.cwSums.buffer as ArrayBuffer]);
});
