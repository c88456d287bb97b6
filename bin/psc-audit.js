#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (built by `npm install` through the guarded prepare script).
// It prefers the bundle (faster start-up) when it is at least as new as the modules it was made from,
// so a plain `tsc` rebuild is never shadowed by a stale bundle.
import { statSync } from "node:fs";

const modules = new URL("../dist/cli/main.js", import.meta.url);
const bundle = new URL("../dist/bundle/main.js", import.meta.url);

function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return -1;
  }
}

const entry = mtime(bundle) >= mtime(modules) && mtime(modules) >= 0 ? bundle : modules;
try {
  const { main } = await import(entry.href);
  await main(process.argv);
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist")) {
    process.stderr.write(
      "psc-audit n'est pas compilé : lancez npm install ou npm run build\n" +
        "psc-audit is not built yet: run npm install or npm run build\n",
    );
    process.exitCode = 2;
  } else {
    throw error;
  }
}
