// `psc-audit check PATH…`: one tender gives the full appendix; several inputs or a folder of tenders
// run as a batch (one line or JSON record per tender, the worst exit code). In a tender folder, a
// `declared.csv` beside offers.csv is read as the published figures unless --declared names a file.
import path from "node:path";
import { kindOf } from "../io/file-system.js";
import { runBatch, type TenderReport } from "./batch.js";
import { runCheck, type CheckCommandOptions } from "./check.js";
import type { CommandOutcome, ProgressReport } from "./outcome.js";
import { isSingleTender } from "./validate.js";

export type CheckManyOptions = CheckCommandOptions & { progress?: ProgressReport };

/** `declared.csv` beside the offers file, when it exists and no --declared was given. */
async function withDefaultDeclared(offersPath: string, options: CheckCommandOptions): Promise<CheckCommandOptions> {
  if (options.declared !== undefined) return options;
  const dir = (await kindOf(offersPath)) === "dir" ? offersPath : path.dirname(offersPath);
  const beside = path.join(dir, "declared.csv");
  return (await kindOf(beside)) === "file" ? { ...options, declared: beside } : options;
}

export async function runCheckMany(paths: readonly string[], options: CheckManyOptions): Promise<CommandOutcome> {
  if (paths.length === 1 && (await isSingleTender(paths[0]!)) && options.format !== "json") {
    return runCheck(paths[0]!, await withDefaultDeclared(paths[0]!, options));
  }
  if (paths.length === 1 && (await isSingleTender(paths[0]!))) return runCheck(paths[0]!, await withDefaultDeclared(paths[0]!, options));
  const perTender = async (offersPath: string): Promise<TenderReport> => {
    const { progress: _ignored, ...rest } = options;
    const single: CheckCommandOptions = { ...rest, format: "json", criteria: undefined };
    const outcome = await runCheck(offersPath, await withDefaultDeclared(offersPath, single));
    const summary = outcome.messages.at(-1) ?? "";
    if (outcome.output === undefined) return { exitCode: outcome.exitCode, reason: outcome.messages.find((m) => m.trim() !== "") ?? "" };
    const json = JSON.parse(String(outcome.output)) as { verdict?: string; counts?: Record<string, number> };
    return { exitCode: outcome.exitCode, reason: summary, record: { verdict: json.verdict ?? null, counts: json.counts ?? null } };
  };
  return runBatch(paths, perTender, {
    lang: options.lang,
    format: options.format === "json" ? "json" : "text",
    ...(options.progress ? { progress: options.progress } : {}),
  });
}
