// Runs the built CLI the way a user does (node bin/psc-audit.js …) and captures everything.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin", "psc-audit.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", PSC_AUDIT_LANG: "", ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8"), stdoutBytes: r.stdout };
}

export const fixture = (name: string, file = "offers.csv") => path.join("fixtures", name, file);
