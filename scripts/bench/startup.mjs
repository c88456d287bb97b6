// Start-up benchmark: `psc-audit score` on a fixture against `node -e 0`, interleaved in the same
// run so machine noise hits both alike. Target (issue 7): ratio ≤ 2.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { median, ROOT } from "./util.mjs";

export function benchStartup({ runs = 21 } = {}) {
  const bin = path.join(ROOT, "bin", "psc-audit.js");
  const fixture = path.join(ROOT, "fixtures", "psc-synthetic", "offers.csv");
  const time = (args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const base = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(["-e", "0"]));
    ours.push(time([bin, "score", fixture, "--format", "table"]));
  }
  const b = median(base);
  const o = median(ours);
  return { case: "start-up: score psc-synthetic", baselineMs: b, oursMs: o, ratio: o / b, target: "≤ 2" };
}
