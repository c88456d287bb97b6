#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (built by `npm install` through the guarded prepare script).
const entry = new URL("../dist/cli/main.js", import.meta.url);
try {
  const { main } = await import(entry.href);
  await main(process.argv);
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist")) {
    process.stderr.write("psc-audit is not built yet: run npm install or npm run build\n");
    process.exitCode = 2;
  } else {
    throw error;
  }
}
