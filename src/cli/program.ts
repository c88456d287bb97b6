// The command-line grammar (commander only): raw flags in, typed command options out. The help speaks
// the user's language (French by default; --lang en or PSC_AUDIT_LANG=en). No IO here beyond what
// commander prints for --help and --version; commands are imported only when chosen (start-up time).
import { Command, Help, Option } from "commander";
import type { CommandOutcome, ProgressReport } from "../commands/outcome.js";
import type { Rational } from "../exact/rational.js";
import { helpWords, type HelpKey } from "../i18n/help.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { TOOL_VERSION } from "../version.js";
import { useColor } from "./color.js";
import { collect, parseIntArg, parseNonNegativeRationalArg, parsePriceRangeArg, parseProbabilityArg } from "./options.js";
import { progressSink } from "./progress.js";

/** The command chosen by the user, ready to run. */
export type Invocation = () => Promise<CommandOutcome>;
type Select = (run: Invocation, output?: string) => void;
type Raw = Record<string, unknown>;
type PriceRange = { lo: Rational; hi: Rational | null };

export const DEFAULT_SEED = 20250622;
export const DEFAULT_SAMPLES = 10_000;

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

function examples(h: Record<HelpKey, string>, lines: string[], note?: string): string {
  return `${note ? `\n${note}\n` : ""}\n${h.examplesTitle}\n${lines.map((l) => `  $ ${l}`).join("\n")}`;
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

function smaaOptions(cmd: Command, h: Record<HelpKey, string>): Command {
  return cmd
    .option("--samples <n>", h.samples, parseIntArg(0, 100_000_000), DEFAULT_SAMPLES)
    .option("--seed <n>", h.seed, parseIntArg(0, 2 ** 32 - 1), DEFAULT_SEED)
    .option("--smaa-weights <kind>", h.smaaWeights, "simplex")
    .option("--score-noise <k>", h.scoreNoise, "0");
}

const sheetOf = (o: Raw) => (o.sheet !== undefined ? { sheet: o.sheet as string } : {});

export function buildProgram(select: Select, lang: Lang): Command {
  const h = helpWords(lang);
  const program = new Command()
    .name("psc-audit")
    .description(h.program)
    .configureHelp(localisedHelp(h))
    .helpOption("-h, --help", h.help)
    .helpCommand("help [command]", h.helpCommand)
    .version(TOOL_VERSION, "-V, --version", h.version)
    .showHelpAfterError("(psc-audit --help)")
    .addHelpText(
      "after",
      examples(h, [
        "psc-audit score fixtures/psc-synthetic/offers.csv",
        "psc-audit score grille.xlsx --detail",
        "psc-audit sensitivity offers.csv --fail-on winner-margin<2",
        "psc-audit check offers.csv --declared publie.csv",
        "psc-audit report offers.csv -o rapport.pdf",
        "psc-audit validate fixtures/",
        "psc-audit init mon-marche",
      ]) + `\n\n${h.exitCodes}\n${h.langHint}`,
    );

  const score = program.command("score").description(h.score).argument("<offers>", h.offersArg);
  common(score, h, lang, { format: ["table", "json", "csv", "markdown"], output: true })
    .option("-d, --detail", h.detail)
    .option("--price-range <lo:hi>", h.priceRange, parsePriceRangeArg)
    .addHelpText(
      "after",
      examples(h, [
        "psc-audit score fixtures/psc-synthetic/offers.csv",
        "psc-audit score offers.csv --detail --lang en",
        "psc-audit score offers.csv --format csv --output scores.csv",
        "psc-audit score grille.xlsx --sheet criteria=Grille,offers=Notes",
      ]),
    )
    .action(async (offers: string, o: Raw) => {
      const { runScore } = await import("../commands/score.js");
      select(
        () =>
          runScore(offers, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            format: o.format as "table",
            detail: Boolean(o.detail),
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as PriceRange } : {}),
          }),
        o.output as string | undefined,
      );
    });

  const sensitivity = program.command("sensitivity").description(h.sensitivity).argument("<offers>", h.offersArg);
  smaaOptions(common(sensitivity, h, lang, { format: ["table", "json", "markdown"], output: true }), h)
    .option("--precision <h>", h.precision, parseProbabilityArg)
    .option("--workers <n>", h.workers, parseIntArg(1, 256))
    .option("--fail-on <condition>", h.failOn, collect, [])
    .option("--price-range <lo:hi>", h.priceRange, parsePriceRangeArg)
    .addHelpText(
      "after",
      examples(h, [
        "psc-audit sensitivity fixtures/o3-reference/offers.csv",
        "psc-audit sensitivity offers.csv --samples 100000 --seed 7 --format json",
        "psc-audit sensitivity offers.csv --smaa-weights box:5 --score-noise 1",
        "psc-audit sensitivity offers.csv --fail-on winner-margin<2 --fail-on rank-reversal",
      ]),
    )
    .action(async (offers: string, o: Raw, cmd: Command) => {
      const { runSensitivity } = await import("../commands/sensitivity.js");
      const noise = parseNonNegativeRationalArg(String(o.scoreNoise)).toNumber();
      select(
        withProgress((progress) =>
          runSensitivity(offers, {
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            format: o.format as "table",
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
            samples: o.samples as number,
            seed: o.seed as number,
            smaaWeights: o.smaaWeights as string,
            smaaWeightsExplicit: cmd.getOptionValueSource("smaaWeights") === "cli",
            scoreNoise: noise,
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
  common(check, h, lang, { format: ["table", "json", "markdown"], output: true })
    .option("--declared <file>", h.declared)
    .option("--tolerance <t>", h.tolerance, parseNonNegativeRationalArg)
    .option("--price-range <lo:hi>", h.priceRange, parsePriceRangeArg)
    .addHelpText(
      "after",
      examples(
        h,
        [
          "psc-audit check fixtures/check-published-ok/offers.csv",
          "psc-audit check fixtures/check-discrepancies/offers.csv --declared fixtures/check-discrepancies/declared.csv",
          "psc-audit check fixtures/check-occulted-feasible/offers.csv --format markdown",
          "psc-audit check fixtures/ --format json",
        ],
        `${h.checkNote}\n${h.batchNote}`,
      ),
    )
    .action(async (inputs: string[], o: Raw) => {
      const { runCheckMany } = await import("../commands/check-many.js");
      select(
        withProgress((progress) =>
          runCheckMany(inputs, {
            progress,
            criteria: o.criteria as string | undefined,
            ...sheetOf(o),
            declared: o.declared as string | undefined,
            ...(o.tolerance !== undefined ? { tolerance: o.tolerance as Rational } : {}),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as PriceRange } : {}),
            format: o.format as "table",
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
          }),
        ),
        o.output as string | undefined,
      );
    });

  const report = program.command("report").description(h.report).argument("<offers>", h.offersArg);
  report.requiredOption("-o, --output <file>", h.reportOutput);
  smaaOptions(common(report, h, lang, { color: false }), h)
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
    .action(async (offers: string, o: Raw) => {
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
            scoreNoise: parseNonNegativeRationalArg(String(o.scoreNoise)).toNumber(),
            commandLine: ["psc-audit", ...process.argv.slice(2)],
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

  return program;
}
