// The command-line grammar (commander only): raw flags in, typed command options out. The help speaks
// the user's language (French by default; --lang en or PSC_AUDIT_LANG=en). No IO here beyond what
// commander prints for --help and --version; commands are imported only when chosen (start-up time).
import path from "node:path";
import { Command, Help, InvalidArgumentError, Option } from "commander";
import type { CommandOutcome, ProgressReport } from "../commands/outcome.js";
import type { Rational } from "../exact/rational.js";
import { commanderMessage, helpWords, usageMessage, type HelpKey } from "../i18n/help.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { terminalSafe } from "../report/text-safety.js";
import { wrapText } from "../report/text-wrap.js";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "../sensitivity/defaults.js";
import { TOOL_VERSION } from "../version.js";
import { useColor } from "./color.js";
import { argParsers, collect, parseNonNegativeRationalArg, type ArgParsers } from "./options.js";
import { progressSink } from "./progress.js";

/** The command chosen by the user, ready to run. */
export type Invocation = () => Promise<CommandOutcome>;
type Select = (run: Invocation, output?: string) => void;
type Raw = Record<string, unknown>;
type PriceRange = { lo: Rational; hi: Rational | null };

// The formats each command offers (kept here, not imported from the commands: start-up time).
const SCORE_FORMATS = ["table", "json", "csv", "markdown"] as const;
const SENSITIVITY_FORMATS = ["table", "json", "markdown"] as const;
const CHECK_FORMATS = ["table", "json", "markdown"] as const;


/** Where a command's output goes and how it looks there. */
interface OutputChoice {
  format: string;
  color: boolean;
  width?: number;
}

/**
 * The output format: --format when given on the command line; else from the --output extension
 * (.json → json, .csv → csv where offered, .md → markdown, .txt or none → table); else the default.
 * Colour and the terminal width only for a table on a terminal's stdout, never in a file.
 */
function outputChoice(cmd: Command, o: Raw, offered: readonly string[], lang: Lang): OutputChoice {
  const output = o.output as string | undefined;
  const toFile = output !== undefined && output !== "-";
  let format = o.format as string;
  if (toFile && /\.(pdf|html?)$/i.test(output)) {
    // A text table in a file named .pdf would be a silent trap: point to the report command.
    throw new InvalidArgumentError(usageMessage(lang, "useReport", { file: output, command: cmd.name() }));
  }
  if (cmd.getOptionValueSource("format") !== "cli" && toFile) {
    const ext = path.extname(output).toLowerCase();
    const inferred = ext === ".json" ? "json" : ext === ".csv" ? "csv" : ext === ".md" || ext === ".markdown" ? "markdown" : ext === ".txt" || ext === "" ? "table" : null;
    if (inferred !== null && offered.includes(inferred)) format = inferred;
  }
  const table = format === "table" && !toFile;
  const choice: OutputChoice = { format, color: table && useColor(o.color as boolean) };
  const columns = process.stdout.isTTY === true ? process.stdout.columns : undefined;
  if (table && columns !== undefined && columns > 0) choice.width = columns;
  return choice;
}

/** Run a command with a progress sink (a bar on a terminal), erased when the command ends. */
function withProgress(run: (progress: ProgressReport) => Promise<CommandOutcome>): Invocation {
  return async () => {
    const sink = progressSink();
    try {
      return await run(sink.report);
    } finally {
      sink.finish();
    }
  };
}

/** Help texts wrap at 80 columns (commander wraps option lists, not help texts). */
const wrap = (text: string): string => wrapText(text, 80);

function examples(h: Record<HelpKey, string>, lines: string[], note?: string): string {
  return `${note ? `\n${wrap(note)}\n` : ""}\n${h.examplesTitle}\n${lines.map((l) => `  $ ${l}`).join("\n")}`;
}

/** Commander's help, with headings and the (choices, default) suffix in the user's language. */
function localisedHelp(h: Record<HelpKey, string>): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (title: string) => (title in h ? h[title as HelpKey] : title),
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`${h.choices}${h.colon} ${option.argChoices.join(", ")}`);
      const shown = option.defaultValueDescription ?? (typeof option.defaultValue === "boolean" ? undefined : option.defaultValue);
      if (shown !== undefined && !(Array.isArray(shown) && shown.length === 0)) {
        extra.push(`${h.default}${h.colon} ${String(shown)}`);
      }
      return extra.length ? `${option.description} (${extra.join(h.sep)})` : option.description;
    },
    subcommandTerm: (cmd: Command) => base.subcommandTerm(cmd),
  };
}

function common(cmd: Command, h: Record<HelpKey, string>, lang: Lang, opts: { sheet?: boolean; format?: string[]; output?: boolean; color?: boolean } = {}): Command {
  cmd.option("-c, --criteria <file>", h.criteria);
  if (opts.sheet !== false) cmd.option("-s, --sheet <sheets>", h.sheet);
  if (opts.format) cmd.addOption(new Option("-f, --format <format>", h.format).choices(opts.format).default(opts.format[0]));
  if (opts.output) cmd.option("-o, --output <file>", h.output);
  cmd.option("--rescale-weights", h.rescale);
  if (opts.color !== false) cmd.option("--no-color", h.noColor);
  cmd.addOption(new Option("--lang <lang>", h.lang).choices(LANGS).default(lang));
  return cmd;
}

function smaaOptions(cmd: Command, h: Record<HelpKey, string>, p: ArgParsers, lang: Lang): Command {
  return cmd
    .option("--samples <n>", h.samples, p.int(0, 100_000_000), DEFAULT_SAMPLES)
    .option("--seed <n>", h.seed, p.int(0, 2 ** 32 - 1), DEFAULT_SEED)
    .option("--smaa-weights <kind>", h.smaaWeights, "simplex")
    .option("--score-noise <k>", h.scoreNoise, parseNonNegativeRationalArg(lang), 0);
}

const sheetOf = (o: Raw) => (o.sheet !== undefined ? { sheet: o.sheet as string } : {});

/**
 * The program. `argv` is the one given to main (the report's command line comes from it, not from
 * process.argv); `onError` is told when commander prints an error itself (main prints the others).
 */
export function buildProgram(select: Select, lang: Lang, argv: readonly string[], onError: () => void = () => {}): Command {
  const h = helpWords(lang);
  const p = argParsers(lang);
  const program = new Command()
    // Set first: subcommands inherit the output configuration and the exit override.
    .exitOverride()
    .configureOutput({
      writeErr: (str) => process.stderr.write(terminalSafe(str)),
      outputError: (str, write) => {
        onError();
        write(commanderMessage(str, lang));
      },
    })
    .name("psc-audit")
    .description(h.program)
    .configureHelp(localisedHelp(h))
    .helpOption("-h, --help", h.help)
    .helpCommand("help [command]", h.helpCommand)
    .version(TOOL_VERSION, "-V, --version", h.version)
    .showHelpAfterError("(psc-audit --help)")
    // Also before the command name: `psc-audit --lang en score …` (main reads it from argv for every command).
    .addOption(new Option("--lang <lang>", h.lang).choices(LANGS))
    .addHelpText(
      "after",
      examples(h, [
        "psc-audit score fixtures/psc-synthetic/offers.csv",
        "psc-audit score grille.xlsx --detail",
        "psc-audit sensitivity offers.csv --fail-on 'winner-margin<2'",
        "psc-audit check offers.csv --declared publie.csv",
        "psc-audit report offers.csv -o rapport.pdf",
        "psc-audit validate fixtures/",
        "psc-audit init mon-marche",
      ]) + `\n\n${wrap(h.exitCodes)}\n${wrap(h.langHint)}`,
    );

  const score = program.command("score").description(h.score).argument("<offers>", h.offersArg);
  common(score, h, lang, { format: [...SCORE_FORMATS], output: true })
    .option("-d, --detail", h.detail)
    .option("--price-range <lo:hi>", h.priceRange, p.priceRange)
    .addHelpText(
      "after",
      examples(h, [
        "psc-audit score fixtures/psc-synthetic/offers.csv",
        "psc-audit score offers.csv --detail --lang en",
        "psc-audit score offers.csv --format csv --output scores.csv",
        "psc-audit score grille.xlsx --sheet criteria=Grille,offers=Notes",
      ]),
    )
    .action(async (offers: string, o: Raw, cmd: Command) => {
      const { runScore } = await import("../commands/score.js");
      const out = outputChoice(cmd, o, SCORE_FORMATS, o.lang as Lang);
      select(
        () =>
          runScore(offers, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            format: out.format as "table",
            detail: Boolean(o.detail),
            lang: o.lang as Lang,
            color: out.color,
            ...(out.width !== undefined ? { width: out.width } : {}),
            rescaleWeights: Boolean(o.rescaleWeights),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as PriceRange } : {}),
          }),
        o.output as string | undefined,
      );
    });

  const sensitivity = program.command("sensitivity").description(h.sensitivity).argument("<offers>", h.offersArg);
  smaaOptions(common(sensitivity, h, lang, { format: [...SENSITIVITY_FORMATS], output: true }), h, p, lang)
    .option("--precision <h>", h.precision, p.probability)
    .option("--workers <n>", h.workers, p.int(1, 256))
    .option("--fail-on <condition>", h.failOn, collect, [])
    .option("--price-range <lo:hi>", h.priceRange, p.priceRange)
    .addHelpText(
      "after",
      examples(
        h,
        [
          "psc-audit sensitivity fixtures/o3-reference/offers.csv",
          "psc-audit sensitivity offers.csv --samples 100000 --seed 7 --format json",
          "psc-audit sensitivity offers.csv --smaa-weights box:5 --score-noise 1",
          "psc-audit sensitivity offers.csv --fail-on 'winner-margin<2' \\\n      --fail-on rank-reversal",
          "psc-audit sensitivity offers.csv --fail-on 'total-margin<1'",
        ],
        h.failOnNote,
      ),
    )
    .action(async (offers: string, o: Raw, cmd: Command) => {
      const { runSensitivity } = await import("../commands/sensitivity.js");
      const out = outputChoice(cmd, o, SENSITIVITY_FORMATS, o.lang as Lang);
      select(
        withProgress((progress) =>
          runSensitivity(offers, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            format: out.format as "table",
            lang: o.lang as Lang,
            color: out.color,
            ...(out.width !== undefined ? { width: out.width } : {}),
            rescaleWeights: Boolean(o.rescaleWeights),
            samples: o.samples as number,
            seed: o.seed as number,
            smaaWeights: o.smaaWeights as string,
            smaaWeightsExplicit: cmd.getOptionValueSource("smaaWeights") === "cli",
            scoreNoise: o.scoreNoise as number,
            ...(o.precision !== undefined ? { precision: o.precision as number } : {}),
            ...(o.workers !== undefined ? { workers: o.workers as number } : {}),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as PriceRange } : {}),
            failOn: o.failOn as string[],
            progress,
          }),
        ),
        o.output as string | undefined,
      );
    });

  const check = program.command("check").description(h.check).argument("<inputs...>", h.inputsArg);
  common(check, h, lang, { format: [...CHECK_FORMATS], output: true })
    .option("--declared <file>", h.declared)
    .option("--tolerance <t>", h.tolerance, p.nonNegativeRational)
    .option("--price-range <lo:hi>", h.priceRange, p.priceRange)
    .addHelpText(
      "after",
      examples(
        h,
        [
          "psc-audit check fixtures/check-published-ok/offers.csv",
          "psc-audit check fixtures/check-discrepancies/offers.csv \\\n      --declared fixtures/check-discrepancies/declared.csv",
          "psc-audit check fixtures/check-occulted-feasible/ --format markdown",
          "psc-audit check fixtures/ --format json",
        ],
        `${h.checkNote}\n${h.batchNote}`,
      ),
    )
    .action(async (inputs: string[], o: Raw, cmd: Command) => {
      const { runCheckMany } = await import("../commands/check-many.js");
      const out = outputChoice(cmd, o, CHECK_FORMATS, o.lang as Lang);
      select(
        withProgress((progress) =>
          runCheckMany(inputs, {
            progress,
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            declared: o.declared as string | undefined,
            ...(o.tolerance !== undefined ? { tolerance: o.tolerance as Rational } : {}),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as PriceRange } : {}),
            format: out.format as "table",
            lang: o.lang as Lang,
            color: out.color,
            ...(out.width !== undefined ? { width: out.width } : {}),
            rescaleWeights: Boolean(o.rescaleWeights),
          }),
        ),
        o.output as string | undefined,
      );
    });

  const report = program.command("report").description(h.report).argument("<offers>", h.offersArg);
  report.requiredOption("-o, --output <file>", h.reportOutput);
  smaaOptions(common(report, h, lang, { color: false }), h, p, lang)
    .option("--declared <file>", h.declared)
    .addOption(new Option("-f, --format <format>", h.reportFormat).choices(["html", "pdf", "markdown", "json"]))
    .addHelpText(
      "after",
      examples(
        h,
        [
          "psc-audit report fixtures/psc-synthetic/offers.csv -o rapport.html",
          "psc-audit report offers.csv -o rapport.pdf --declared publie.csv",
          "psc-audit report offers.csv -o report.md --lang en",
        ],
        h.reportNote,
      ),
    )
    .action(async (offers: string, o: Raw, cmd: Command) => {
      const { runReport } = await import("../commands/report.js");
      const epoch = process.env.SOURCE_DATE_EPOCH;
      const now = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
      select(
        withProgress((progress) =>
          runReport(offers, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            declared: o.declared as string | undefined,
            output: o.output as string,
            ...(o.format !== undefined ? { format: o.format as "html" } : {}),
            lang: o.lang as Lang,
            rescaleWeights: Boolean(o.rescaleWeights),
            samples: o.samples as number,
            seed: o.seed as number,
            smaaWeights: o.smaaWeights as string,
            smaaWeightsExplicit: cmd.getOptionValueSource("smaaWeights") === "cli",
            scoreNoise: o.scoreNoise as number,
            commandLine: ["psc-audit", ...argv.slice(2)],
            now,
            progress,
          }),
        ),
        o.output as string,
      );
    });

  const validate = program.command("validate").description(h.validate).argument("<inputs...>", h.inputsArg);
  common(validate, h, lang, { format: ["text", "json"], color: false })
    .addHelpText(
      "after",
      examples(h, ["psc-audit validate offers.csv", "psc-audit validate grille.xlsx --sheet criteria=Grille,offers=Notes", "psc-audit validate fixtures/ --format json"], h.batchNote),
    )
    .action(async (inputs: string[], o: Raw) => {
      const { runValidateMany } = await import("../commands/validate.js");
      select(
        withProgress((progress) =>
          runValidateMany(inputs, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            format: o.format as "text",
            lang: o.lang as Lang,
            rescaleWeights: Boolean(o.rescaleWeights),
            progress,
          }),
        ),
      );
    });

  program
    .command("init")
    .description(h.init)
    .argument("[dir]", h.dirArg)
    .option("--force", h.force)
    .addOption(new Option("--lang <lang>", h.lang).choices(LANGS).default(lang))
    .addHelpText("after", examples(h, ["psc-audit init mon-marche", "psc-audit init my-tender --lang en", "psc-audit validate mon-marche"]))
    .action(async (dir: string | undefined, o: Raw) => {
      const { runInit } = await import("../commands/init.js");
      select(() => runInit(dir, { lang: o.lang as Lang, force: Boolean(o.force) }));
    });

  program
    .command("methods")
    .description(h.methods)
    .addOption(new Option("--lang <lang>", h.lang).choices(LANGS).default(lang))
    .addHelpText("after", examples(h, ["psc-audit methods", "psc-audit methods --lang en"]))
    .action(async (o: Raw) => {
      const { runMethods } = await import("../commands/methods.js");
      select(async () => runMethods(o.lang as Lang));
    });

  // After an error in a subcommand, point to that subcommand's help, not the root one.
  for (const sub of program.commands) sub.showHelpAfterError(`(psc-audit ${sub.name()} --help)`);
  return program;
}
