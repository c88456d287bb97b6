// Several tenders in one command (`psc-audit validate fixtures/`, `psc-audit check a/ b.xlsx`): find
// every tender under the paths given, run one single-tender function on each in this process, print
// one line per tender and a summary, and exit with the worst code. Generic: the command supplies the
// per-tender function (validate and check use it alike).
//
// Discovery: a file named on the command line is a tender as is. A folder is walked recursively in
// sorted order (by code point, so the order is the same on every machine): a folder holding
// offers.csv is a tender (its offers.csv), and every .xlsx workbook is one; hidden folders and
// node_modules are skipped, and Excel lock files (~$…) too.
//
// Statuses: ok (exit 0), fail (1: discrepancies, --fail-on), skip (check only: the tender publishes
// no figure, "nothing to check"; exit 0 in a batch, not counted as invalid), error (2 and 3).
//
// --format json prints ONE JSON array, one record per tender in discovery order:
//   [{"path", "status": "ok"|"fail"|"skip"|"error", "exitCode", "reason", …the command's own fields}]
// (a single document that `jq '.[]'` splits; the summary stays on stderr).
import { isWorkbookName, kindOf, listDir } from "../io/file-system.js";
import path from "node:path";
import { EXIT, type ExitCode, worstExit } from "../cli/exit-code.js";
import type { ProgressReport } from "./outcome.js";
import { batchWords } from "../i18n/batch.js";
import { formatLocation } from "../i18n/diagnostics.js";
import type { Diagnostic } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { messageOf } from "../i18n/messages.js";
import type { CommandOutcome } from "./outcome.js";
import { terminalSafe } from "../report/text-safety.js";

export { isWorkbookName } from "../io/file-system.js";

export type TenderStatus = "ok" | "fail" | "skip" | "error";

/** What a command reports for one tender. */
export interface TenderReport {
  exitCode: ExitCode;
  /** A short reason for the summary line ("3 offers, 12 criteria", the first error…). */
  reason: string;
  /** Extra fields for the JSON record. */
  record?: Record<string, unknown>;
  /** Nothing to check in this tender (exit 0 in the batch, status "skip"). */
  skipped?: boolean;
}

export type PerTender = (offersPath: string) => Promise<TenderReport>;

export interface BatchOptions {
  lang: Lang;
  format: "text" | "json";
  /** Progress sink (the CLI draws a bar on a terminal; nothing otherwise). */
  progress?: ProgressReport;
  /** validate has no "discrepancies" to count in its summary; check does (default). */
  command?: "validate" | "check";
}

export interface Discovery {
  /** Offers paths (offers.csv or a workbook), in order. */
  tenders: string[];
  /** Arguments that do not exist. */
  missing: string[];
}

const SKIP_DIRS = new Set(["node_modules"]);

export async function discoverTenders(paths: readonly string[]): Promise<Discovery> {
  const tenders: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    tenders.push(p);
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await listDir(dir);
    if (entries.some((e) => e.isFile && e.name === "offers.csv")) add(path.join(dir, "offers.csv"));
    for (const e of entries) {
      if (e.isFile && isWorkbookName(e.name)) add(path.join(dir, e.name));
      else if (e.isDirectory && !e.name.startsWith(".") && !SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name));
    }
  };
  for (const p of paths) {
    const kind = await kindOf(p);
    if (kind === "dir") await walk(p);
    else if (kind === "file") add(p);
    else missing.push(p);
  }
  return { tenders, missing };
}

/** Exit code → status word: 0 ok, 1 fail (discrepancies / --fail-on), 2 and 3 error. */
export function statusOf(code: ExitCode): TenderStatus {
  return code === EXIT.ok ? "ok" : code === EXIT.failOn ? "fail" : "error";
}

/** The path shown for a tender: its folder for an offers.csv, the file for a workbook. */
export function displayPath(offersPath: string): string {
  return path.basename(offersPath) === "offers.csv" ? path.dirname(offersPath) : offersPath;
}

/** The batch reason of a tender that did not load: its first error, located, and how many more. */
export function problemReason(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const e = errors[0];
  if (!e) return "";
  const at = e.location ? `${formatLocation({ ...e.location, file: path.basename(e.location.file) })} ` : "";
  return batchWords(lang).problems({ errors: errors.length, first: `${at}${e.code} : ${messageOf(e, lang)}`.replace(" : ", lang === "fr" ? " : " : ": ") });
}

export async function runBatch(paths: readonly string[], perTender: PerTender, options: BatchOptions): Promise<CommandOutcome> {
  const words = batchWords(options.lang);
  const found = await discoverTenders(paths);
  const results: { path: string; status: TenderStatus; exitCode: ExitCode; reason: string; record: Record<string, unknown> }[] = [];
  for (const p of found.missing) {
    const reason = words.notFound({ path: p });
    results.push({ path: p, status: "error", exitCode: EXIT.badInput, reason, record: {} });
  }
  if (found.tenders.length === 0 && found.missing.length === 0) {
    return { exitCode: EXIT.badInput, messages: [terminalSafe(words.noTender({ paths: paths.join(", ") }))], inputs: [] };
  }
  const total = found.tenders.length;
  let done = 0;
  for (const offersPath of found.tenders) {
    const shown = displayPath(offersPath);
    let report: TenderReport;
    try {
      report = await perTender(offersPath);
    } catch (error) {
      report = { exitCode: EXIT.internal, reason: words.internal({ message: error instanceof Error ? error.message : String(error) }) };
    }
    const status = report.skipped === true && report.exitCode === EXIT.ok ? "skip" : statusOf(report.exitCode);
    results.push({ path: shown, status, exitCode: report.exitCode, reason: report.reason, record: report.record ?? {} });
    options.progress?.(++done, total, shown);
  }
  const exitCode = worstExit(results.map((r) => r.exitCode));
  const count = (s: TenderStatus, codes?: ExitCode[]) => results.filter((r) => r.status === s && (!codes || codes.includes(r.exitCode))).length;
  const counts = {
    total: results.length,
    ok: count("ok"),
    fail: count("fail"),
    skip: count("skip"),
    invalid: count("error", [EXIT.badInput]),
    internal: count("error", [EXIT.internal]),
  };
  const summary = options.command === "validate" ? words.validateSummary(counts) : words.summary(counts);
  if (options.format === "json") {
    const records = results.map((r) => ({ path: r.path, status: r.status, exitCode: r.exitCode, reason: r.reason, ...r.record }));
    return { exitCode, output: JSON.stringify(records, null, 2) + "\n", messages: [terminalSafe(summary)], inputs: [] };
  }
  // Columns: status, path, reason; paths and reasons come from outside and are made inert.
  const shown = results.map((r) => ({ status: words[r.status], path: terminalSafe(r.path), reason: terminalSafe(r.reason) }));
  const width = Math.max(...shown.map((r) => r.status.length));
  const pathWidth = Math.max(...shown.map((r) => r.path.length));
  const lines = shown.map((r) => (r.reason ? `${r.status.padEnd(width)}  ${r.path.padEnd(pathWidth)}  ${r.reason}` : `${r.status.padEnd(width)}  ${r.path}`));
  return { exitCode, output: [...lines, summary].join("\n") + "\n", messages: [], inputs: [] };
}
