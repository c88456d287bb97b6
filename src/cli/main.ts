// The CLI entry: parse argv, run the chosen command, print or write its output, and turn every
// failure into an exit code. The only try/catch that decides exit codes, and the only place that
// sets process.exitCode. Every line written to stderr goes through terminalSafe: text from the
// input files (a label, a cell) must never drive the terminal.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { CommanderError } from "commander";
import type { Diagnostic } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/ui.js";
import { OutputRefusedError, writeOutputFile, writeStdout } from "../io/write-output.js";
import { terminalSafe } from "../report/text-safety.js";
import { useColor } from "./color.js";
import { EXIT, type ExitCode } from "./exit-code.js";
import { buildProgram, type Invocation } from "./program.js";

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}

function langOf(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  if (v === "en" || v === "fr") return v;
  return process.env.PSC_AUDIT_LANG === "en" ? "en" : "fr";
}

let epipeGuard = false;
/** Once per process: a closed pipe (`psc-audit score … | head`) is success, not a crash. */
function guardStdout(): void {
  if (epipeGuard) return;
  epipeGuard = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // Any other stdout failure is not swallowed: it is an internal error, said as such.
    process.stderr.write(`psc-audit: ${e.stack ?? e.message}\n`);
    process.exit(EXIT.internal);
  });
}

/** Stderr lines: inert, and coloured by severity (errors red, warnings yellow) on a colour terminal. */
function stderrWriter(argv: string[]): (line: string) => void {
  const colour = useColor(argv.includes("--no-color") ? false : undefined, process.stderr);
  const paint = (line: string): string => {
    if (!colour) return line;
    if (/(?:^|: )(?:error|erreur)\[[A-Z0-9_]+\]/.test(line)) return `\x1b[31m${line}\x1b[39m`;
    if (/(?:^|: )(?:warning|avertissement)\[[A-Z0-9_]+\]/.test(line)) return `\x1b[33m${line}\x1b[39m`;
    return line;
  };
  return (text) => {
    for (const line of terminalSafe(text).split("\n")) process.stderr.write(paint(line) + "\n");
  };
}

/** The words of one diagnostic, loaded only when main.ts itself has one to print (start-up time). */
async function diagnosticLine(d: Diagnostic, lang: Lang): Promise<string> {
  const { terminalLinesOf } = await import("../i18n/messages.js");
  return terminalLinesOf(d, lang);
}

export async function run(argv: string[]): Promise<ExitCode> {
  const lang = langOf(argv);
  guardStdout();
  const say = stderrWriter(argv);
  let chosen: { run: Invocation; output?: string } | undefined;
  let commanderPrinted = false;
  const program = buildProgram(
    (runCommand, output) => {
      chosen = output === undefined ? { run: runCommand } : { run: runCommand, output };
    },
    lang,
    argv,
    () => {
      commanderPrinted = true;
    },
  );

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (error.exitCode === 0) return EXIT.ok;
      // A bad value thrown inside an action (not through commander's own output) must still be said.
      if (!commanderPrinted) say(`psc-audit: ${error.message.replace(/^error: /, "")}`);
      return EXIT.badInput;
    }
    return internal(error, lang);
  }
  if (!chosen) return EXIT.ok;

  try {
    const outcome = await chosen.run();
    for (const m of outcome.messages) say(m);
    if (outcome.output !== undefined) {
      if (chosen.output !== undefined && chosen.output !== "-") {
        for (const extra of outcome.extraFiles ?? []) {
          await mkdir(path.dirname(extra.path), { recursive: true });
          await writeOutputFile(extra.path, extra.content, outcome.inputs);
        }
        await writeOutputFile(chosen.output, outcome.output, outcome.inputs);
        const first = outcome.extraFiles?.[0];
        const charts = first === undefined ? undefined : path.relative(path.dirname(chosen.output), path.dirname(first.path)).split(path.sep)[0];
        say(
          charts
            ? t(lang, "wroteFileCharts", { file: chosen.output, dir: path.join(path.dirname(chosen.output), charts) + path.sep })
            : t(lang, "wroteFile", { file: chosen.output }),
        );
      } else {
        await writeStdout(outcome.output);
      }
    }
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof OutputRefusedError) {
      const d: Diagnostic = { code: "OUTPUT_IS_INPUT", severity: "error", location: { file: error.file }, args: { file: error.file } };
      say(await diagnosticLine(d, lang));
      return EXIT.badInput;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (chosen.output !== undefined && typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      // A file-system refusal on --output (EACCES, ENOENT, EISDIR…) is the user's, not a bug.
      const file = chosen.output;
      const d: Diagnostic = { code: "OUTPUT_UNWRITABLE", severity: "error", location: { file }, args: { file, reason: code, dir: path.dirname(file) } };
      say(await diagnosticLine(d, lang));
      return EXIT.badInput;
    }
    return internal(error, lang);
  }
}

function internal(error: unknown, lang: Lang): ExitCode {
  process.stderr.write(`psc-audit: ${t(lang, "internalError")}\n`);
  process.stderr.write(terminalSafe(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  return EXIT.internal;
}
