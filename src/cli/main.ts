// The CLI entry: parse argv, run the chosen command, print or write its output, and turn every
// failure into an exit code. The only try/catch that decides exit codes, and the only place that
// sets process.exitCode.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { CommanderError } from "commander";
import { lineOf } from "../i18n/messages.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/ui.js";
import { OutputRefusedError, writeOutputFile, writeStdout } from "../io/write-output.js";
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

export async function run(argv: string[]): Promise<ExitCode> {
  const lang = langOf(argv);
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    // A closed pipe (`psc-audit score … | head`) is success, not a crash.
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  let chosen: { run: Invocation; output?: string } | undefined;
  const program = buildProgram((runCommand, output) => {
    chosen = output === undefined ? { run: runCommand } : { run: runCommand, output };
  }, lang);
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const sub of program.commands) sub.exitOverride();

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return internal(error, lang);
  }
  if (!chosen) return EXIT.ok;

  try {
    const outcome = await chosen.run();
    for (const m of outcome.messages) process.stderr.write(m + "\n");
    if (outcome.output !== undefined) {
      if (chosen.output !== undefined && chosen.output !== "-") {
        for (const extra of outcome.extraFiles ?? []) {
          await mkdir(path.dirname(extra.path), { recursive: true });
          await writeOutputFile(extra.path, extra.content, outcome.inputs);
        }
        await writeOutputFile(chosen.output, outcome.output, outcome.inputs);
        process.stderr.write(t(lang, "wroteFile", { file: chosen.output }) + "\n");
      } else {
        await writeStdout(outcome.output);
      }
    }
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof OutputRefusedError) {
      process.stderr.write(
        lineOf({ code: "OUTPUT_IS_INPUT", severity: "error", location: { file: error.file }, args: { file: error.file } }, lang) + "\n",
      );
      return EXIT.badInput;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (chosen.output !== undefined && typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      // A file-system refusal on --output (EACCES, ENOENT, EISDIR…) is the user's, not a bug.
      const d = { code: "OUTPUT_UNWRITABLE", severity: "error" as const, location: { file: chosen.output }, args: { file: chosen.output, reason: code } };
      process.stderr.write(lineOf(d, lang) + "\n");
      return EXIT.badInput;
    }
    return internal(error, lang);
  }
}

function internal(error: unknown, lang: Lang): ExitCode {
  process.stderr.write(`psc-audit: ${t(lang, "internalError")}\n`);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
