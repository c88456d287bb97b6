// Builds dist/ (modules and the start-up bundle) once before the suite, exactly as `npm install`
// does, so the CLI tests run the real bin/ shim on current code. PSC_SKIP_BUILD=1 skips it (for a
// quick run of pure unit tests while other files are half-written).
import { spawnSync } from "node:child_process";

export default function setup(): void {
  if (process.env.PSC_SKIP_BUILD) return;
  const r = spawnSync(process.execPath, ["scripts/prepare.mjs"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed before tests:\n${r.stdout}${r.stderr}`);
}
