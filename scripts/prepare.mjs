// Guarded build for `npm install` / `npm ci` / `npm run build`:
// 1. tsc → dist/ (the modules, the SMAA worker);
// 2. esbuild → dist/bundle/: our code and the small packages every run needs (commander, chalk,
//    cli-table3, csv-parse) in a few chunks, because resolving and loading ~200 small modules is most
//    of the CLI's start-up time (issue 7: ≤ 2 × `node -e 0`). The heavy, rarely used packages
//    (PDF, spreadsheets, cp1252 tables, fonts) stay external and load only when needed.
// Steps aside (exit 0) when dev dependencies were omitted (`npm ci --omit=dev`): the published
// package already contains dist/.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
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
if (result.status !== 0) process.exit(result.status ?? 1);

rmSync(new URL("../dist/bundle", import.meta.url), { recursive: true, force: true });
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.error("psc-audit: esbuild is not installed; the CLI runs from the unbundled dist/ (slower start-up).");
  process.exit(0);
}
await esbuild.build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outdir: new URL("../dist/bundle", import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["pdfmake", "pdfmake/*", "read-excel-file", "read-excel-file/*", "iconv-lite", "dejavu-fonts-ttf", "dejavu-fonts-ttf/*"],
  // CommonJS packages inside an ESM bundle still call require() for Node built-ins.
  banner: { js: 'import { createRequire as __pscCreateRequire } from "node:module"; const require = __pscCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
