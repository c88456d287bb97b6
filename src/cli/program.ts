// The command-line grammar (commander only): raw flags in, typed command options out. No IO here
// beyond what commander prints for --help and --version.
import { Command, Option } from "commander";
import type { CommandOutcome } from "../commands/outcome.js";
import type { Rational } from "../exact/rational.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { TOOL_VERSION } from "../version.js";
import { useColor } from "./color.js";
import {
  collect,
  parseIntArg,
  parseNonNegativeRationalArg,
  parsePriceRangeArg,
  parseProbabilityArg,
} from "./options.js";

/** The command chosen by the user, ready to run. */
export type Invocation = () => Promise<CommandOutcome>;

const EXAMPLES_MAIN = `
Exemples / Examples:
  $ psc-audit score fixtures/psc-synthetic/offers.csv
  $ psc-audit score offers.csv --criteria grille.csv --detail
  $ psc-audit score offers.csv --format json --output scores.json
  $ psc-audit sensitivity offers.csv --fail-on winner-margin<2
  $ psc-audit check offers.csv --declared publie.csv
  $ psc-audit validate offers.csv
  $ psc-audit methods --lang en

Exit codes: 0 ok · 1 a --fail-on condition held · 2 bad usage or input · 3 internal error`;

function langOption(): Option {
  return new Option("--lang <lang>", "langue des messages / output language").choices(LANGS).default(defaultLang());
}

function defaultLang(): Lang {
  const env = process.env.PSC_AUDIT_LANG;
  return env === "en" || env === "fr" ? env : "fr";
}

export function buildProgram(select: (run: Invocation, output?: string) => void): Command {
  const program = new Command()
    .name("psc-audit")
    .description("Recalcule et éprouve la notation d'un marché public / Recompute and stress-test a tender's scoring")
    .version(TOOL_VERSION, "-V, --version")
    .showHelpAfterError("(psc-audit --help)")
    .addHelpText("after", EXAMPLES_MAIN);

  program
    .command("score")
    .description("recalcule les points, totaux et classement / recompute points, totals and ranking")
    .argument("<offers>", "offers.csv (or a folder holding offers.csv and criteria.csv)")
    .option("-c, --criteria <file>", "criteria file (default: criteria.csv beside the offers)")
    .option("-s, --sheet <sheets>", "workbook sheets: criteria=NAME,offers=NAME (default: found by name)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv", "markdown"]).default("table"))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("-d, --detail", "show every sub-criterion", false)
    .option("--rescale-weights", "rescale sub-weights that do not add up (said in every output)", false)
    .option("--price-range <lo:hi>", "bounds of an occulted price (default 0:inf)", parsePriceRangeArg)
    .option("--no-color", "no colours")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ psc-audit score fixtures/psc-synthetic/offers.csv
  $ psc-audit score offers.csv --detail --lang en
  $ psc-audit score offers.csv --format csv --output scores.csv`,
    )
    .action(async (offers: string, o: Record<string, unknown>) => {
      const { runScore } = await import("../commands/score.js");
      select(
        () =>
          runScore(offers, {
            criteria: o.criteria as string | undefined,
            ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
            format: o.format as "table",
            detail: Boolean(o.detail),
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
            priceRange: o.priceRange as { lo: Rational; hi: Rational | null } | undefined,
          }),
        o.output as string | undefined,
      );
    });

  program
    .command("sensitivity")
    .description("robustesse de l'attribution : poids, notes, formules, SMAA / how fragile is the award")
    .argument("<offers>", "offers.csv (or a folder holding offers.csv and criteria.csv)")
    .option("-c, --criteria <file>", "criteria file (default: criteria.csv beside the offers)")
    .option("-s, --sheet <sheets>", "workbook sheets: criteria=NAME,offers=NAME (default: found by name)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--samples <n>", "SMAA draws (0 skips SMAA)", parseIntArg(0, 100_000_000), 10_000)
    .option("--seed <n>", "SMAA seed (same seed, same output)", parseIntArg(0, 2 ** 32 - 1), 20250622)
    .option("--smaa-weights <kind>", "simplex | ordinal | box:P (leaf weights ±P points) | box:P:top", "simplex")
    .option("--score-noise <k>", "jury-note uncertainty: each direct note uniform within ±K scale points", "0")
    .option("--precision <h>", "draw SMAA samples until every 95% half-width is at most h", parseProbabilityArg)
    .option("--workers <n>", "worker threads for SMAA (default: every core)", parseIntArg(1, 256))
    .option("--fail-on <condition>", "exit 1 when met: winner-margin<X, note-margin<X, acceptability<P, rank-reversal, formula-decides, rounding-decides (repeatable)", collect, [])
    .option("--rescale-weights", "rescale sub-weights that do not add up (said in every output)", false)
    .option("--no-color", "no colours")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ psc-audit sensitivity fixtures/o3-reference/offers.csv
  $ psc-audit sensitivity offers.csv --samples 100000 --seed 7 --format json
  $ psc-audit sensitivity offers.csv --smaa-weights box:5 --score-noise 1
  $ psc-audit sensitivity offers.csv --fail-on winner-margin<2 --fail-on rank-reversal`,
    )
    .action(async (offers: string, o: Record<string, unknown>) => {
      const { runSensitivity } = await import("../commands/sensitivity.js");
      const noise = parseNonNegativeRationalArg(String(o.scoreNoise)).toNumber();
      select(
        () =>
          runSensitivity(offers, {
            criteria: o.criteria as string | undefined,
            ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
            format: o.format as "table",
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
            samples: o.samples as number,
            seed: o.seed as number,
            smaaWeights: o.smaaWeights as string,
            scoreNoise: noise,
            ...(o.precision !== undefined ? { precision: o.precision as number } : {}),
            ...(o.workers !== undefined ? { workers: o.workers as number } : {}),
            failOn: o.failOn as string[],
          }),
        o.output as string | undefined,
      );
    });

  program
    .command("check")
    .description("confronte les chiffres publiés au recalcul / check published figures against the recomputation")
    .argument("<inputs...>", "offers.csv, a workbook, a tender folder, or folders of tenders")
    .option("-c, --criteria <file>", "criteria file (default: criteria.csv beside the offers)")
    .option("-s, --sheet <sheets>", "workbook sheets: criteria=NAME,offers=NAME (default: found by name)")
    .option("--declared <file>", "published figures as rows offer,node,points (default: declared.csv beside the offers, if any)")
    .option("--tolerance <t>", "accepted difference (default: half a unit of the last published decimal)", parseNonNegativeRationalArg)
    .option("--price-range <lo:hi>", "bounds of an occulted price (default 0:inf)", parsePriceRangeArg)
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--rescale-weights", "rescale sub-weights that do not add up (said in every output)", false)
    .option("--no-color", "no colours")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Exit codes: 0 every published figure agrees · 1 some figure disagrees or the figures are proven
inconsistent · 2 bad input or nothing to check.

Examples:
  $ psc-audit check fixtures/check-published-ok/offers.csv
  $ psc-audit check fixtures/check-discrepancies/offers.csv --declared fixtures/check-discrepancies/declared.csv
  $ psc-audit check fixtures/check-occulted-feasible/offers.csv --format markdown
  $ psc-audit check fixtures/ --format json`,
    )
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const { runCheckMany } = await import("../commands/check-many.js");
      select(
        () =>
          runCheckMany(inputs, {
            criteria: o.criteria as string | undefined,
            ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
            declared: o.declared as string | undefined,
            ...(o.tolerance !== undefined ? { tolerance: o.tolerance as Rational } : {}),
            ...(o.priceRange !== undefined ? { priceRange: o.priceRange as { lo: Rational; hi: Rational | null } } : {}),
            format: o.format as "table",
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
          }),
        o.output as string | undefined,
      );
    });

  program
    .command("report")
    .description("rapport de transparence HTML, PDF, Markdown ou JSON / transparency report")
    .argument("<offers>", "offers.csv (or a folder holding offers.csv and criteria.csv)")
    .requiredOption("-o, --output <file>", "report file: .html, .pdf, .md or .json")
    .option("-c, --criteria <file>", "criteria file (default: criteria.csv beside the offers)")
    .option("-s, --sheet <sheets>", "workbook sheets: criteria=NAME,offers=NAME (default: found by name)")
    .option("--declared <file>", "published figures as rows offer,node,points")
    .addOption(new Option("-f, --format <format>", "format (default: from the file extension)").choices(["html", "pdf", "markdown", "json"]))
    .option("--samples <n>", "SMAA draws (0 skips SMAA)", parseIntArg(0, 100_000_000), 10_000)
    .option("--seed <n>", "SMAA seed (same seed, same report)", parseIntArg(0, 2 ** 32 - 1), 20250622)
    .option("--smaa-weights <kind>", "simplex | ordinal | box:P | box-top:P", "simplex")
    .option("--score-noise <k>", "jury-note uncertainty: each direct note uniform within ±K scale points", "0")
    .option("--rescale-weights", "rescale sub-weights that do not add up (said in every output)", false)
    .addOption(langOption())
    .addHelpText(
      "after",
      `
With SOURCE_DATE_EPOCH set, two runs on the same inputs give byte-identical files.

Examples:
  $ psc-audit report fixtures/psc-synthetic/offers.csv -o rapport.html
  $ psc-audit report offers.csv -o rapport.pdf --declared publie.csv
  $ psc-audit report offers.csv -o report.md --lang en`,
    )
    .action(async (offers: string, o: Record<string, unknown>) => {
      const { runReport } = await import("../commands/report.js");
      const epoch = process.env.SOURCE_DATE_EPOCH;
      const now = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
      select(
        () =>
          runReport(offers, {
            criteria: o.criteria as string | undefined,
            ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
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
          }),
        o.output as string,
      );
    });

  program
    .command("validate")
    .description("vérifie les fichiers et liste tous les problèmes / check the files and list every problem")
    .argument("<inputs...>", "offers.csv, a workbook, a tender folder, or folders of tenders")
    .option("-c, --criteria <file>", "criteria file (one tender only; default: criteria.csv beside the offers)")
    .option("-s, --sheet <sheets>", "workbook sheets: criteria=NAME,offers=NAME (default: found by name)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--rescale-weights", "accept sub-weights that do not add up, rescaled", false)
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Several inputs or a folder run as a batch: one line per tender, a summary, the worst exit code.

Examples:
  $ psc-audit validate offers.csv
  $ psc-audit validate grille.xlsx --sheet criteria=Grille,offers=Notes
  $ psc-audit validate fixtures/ --format json`,
    )
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const { runValidateMany } = await import("../commands/validate.js");
      select(() =>
        runValidateMany(inputs, {
          criteria: o.criteria as string | undefined,
          ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
          format: o.format as "text",
          lang: o.lang as Lang,
          rescaleWeights: Boolean(o.rescaleWeights),
        }),
      );
    });

  program
    .command("init")
    .description("écrit un modèle de grille à compléter / write a template grid to fill in")
    .argument("[dir]", "folder (default: the current folder)")
    .option("--force", "overwrite existing files", false)
    .addOption(langOption())
    .addHelpText("after", `\nExamples:\n  $ psc-audit init mon-marche\n  $ psc-audit init my-tender --lang en\n  $ psc-audit validate mon-marche`)
    .action(async (dir: string | undefined, o: Record<string, unknown>) => {
      const { runInit } = await import("../commands/init.js");
      select(() => runInit(dir, { lang: o.lang as Lang, force: Boolean(o.force) }));
    });

  program
    .command("methods")
    .description("liste les méthodes de notation et leurs formules / list the scoring methods and their formulas")
    .addOption(langOption())
    .addHelpText("after", `\nExamples:\n  $ psc-audit methods\n  $ psc-audit methods --lang en`)
    .action(async (o: Record<string, unknown>) => {
      const { runMethods } = await import("../commands/methods.js");
      select(async () => runMethods(o.lang as Lang));
    });

  return program;
}
