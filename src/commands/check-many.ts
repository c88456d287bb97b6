// `psc-audit check PATH…`: one tender gives the full appendix; several inputs or a folder of tenders
// run as a batch (one line or JSON record per tender, the worst exit code). In a tender folder, a
// `declared.csv` beside offers.csv is read as the published figures unless --declared names a file.
// A tender that publishes no figure is "nothing to check": status skip, exit 0 within a batch (alone,
// `check` exits 2 as before: the user asked to check something that cannot be checked).
import { EXIT } from "../cli/exit-code.js";
import { tc } from "../i18n/check.js";
import { problemReason, runBatch, type TenderReport } from "./batch.js";
import { checkOne, runCheck, type CheckCommandOptions } from "./check.js";
import { declaredBeside } from "./declared.js";
import type { CommandOutcome, ProgressReport } from "./outcome.js";
import { isSingleTender } from "./validate.js";

export type CheckManyOptions = CheckCommandOptions & { progress?: ProgressReport };

/** `declared.csv` beside the offers file, when it exists and no --declared was given. */
async function withDefaultDeclared(offersPath: string, options: CheckCommandOptions): Promise<CheckCommandOptions> {
  if (options.declared !== undefined) return options;
  const beside = await declaredBeside(offersPath);
  return beside === undefined ? options : { ...options, declared: beside };
}

export async function runCheckMany(paths: readonly string[], options: CheckManyOptions): Promise<CommandOutcome> {
  if (paths.length === 1 && (await isSingleTender(paths[0]!))) return runCheck(paths[0]!, await withDefaultDeclared(paths[0]!, options));
  const perTender = async (offersPath: string): Promise<TenderReport> => {
    const { progress: _ignored, ...rest } = options;
    const single: CheckCommandOptions = { ...rest, criteria: undefined };
    const run = await checkOne(offersPath, await withDefaultDeclared(offersPath, single));
    if (run.kind === "bad-input") return { exitCode: EXIT.badInput, reason: problemReason(run.diagnostics, options.lang) };
    if (run.kind === "nothing") return { exitCode: EXIT.ok, skipped: true, reason: "", record: { verdict: null, counts: null } };
    return {
      exitCode: run.failed ? EXIT.failOn : EXIT.ok,
      // A proven inconsistency is the finding that matters, even when no single figure disagrees.
      reason:
        run.result.verdict === "inconsistent"
          ? `${tc(options.lang, "verdict_inconsistent")} ${tc(options.lang, "summary", { ...run.result.counts })}`
          : tc(options.lang, "summary", { ...run.result.counts }),
      record: { verdict: run.result.verdict, counts: run.result.counts },
    };
  };
  return runBatch(paths, perTender, {
    lang: options.lang,
    format: options.format === "json" ? "json" : "text",
    command: "check",
    ...(options.progress ? { progress: options.progress } : {}),
  });
}
