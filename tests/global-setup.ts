// Builds dist/ once before the suite, so the CLI tests run the real bin/ shim on current code.
// PSC_SKIP_BUILD=1 skips it (for a quick run of pure unit tests while other files are half-written).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export default function setup(): void {
  if (process.env.PSC_SKIP_BUILD) return;
  const require = createRequire(import.meta.url);
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed before tests:\n${r.stdout}${r.stderr}`);
}
