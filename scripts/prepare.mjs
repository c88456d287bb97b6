// Guarded build for `npm install` / `npm ci`: builds dist/ with the project's TypeScript when it is
// installed, and steps aside (exit 0) when dev dependencies were omitted (`npm ci --omit=dev`).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  console.error("psc-audit: TypeScript is not installed (dev dependencies omitted); skipping the build.");
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "inherit" });
process.exit(result.status ?? 1);
