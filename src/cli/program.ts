// The command-line grammar (commander only): raw flags in, typed command options out. No IO here
// beyond what commander prints for --help and --version.
import { Command, Option } from "commander";
import type { CommandOutcome } from "../commands/outcome.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { TOOL_VERSION } from "../version.js";
import { useColor } from "./color.js";

/** The command chosen by the user, ready to run. */
export type Invocation = () => Promise<CommandOutcome>;

const EXAMPLES_MAIN = `
Exemples / Examples:
  $ psc-audit score fixtures/psc-synthetic/offers.csv
  $ psc-audit score offers.csv --criteria grille.csv --detail
  $ psc-audit score offers.csv --format json --output scores.json
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
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json", "csv", "markdown"]).default("table"))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("-d, --detail", "show every sub-criterion", false)
    .option("--rescale-weights", "rescale sub-weights that do not add up (said in every output)", false)
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
            format: o.format as "table",
            detail: Boolean(o.detail),
            lang: o.lang as Lang,
            color: o.format === "table" && useColor(o.color as boolean),
            rescaleWeights: Boolean(o.rescaleWeights),
          }),
        o.output as string | undefined,
      );
    });

  program
    .command("validate")
    .description("vérifie les fichiers et liste tous les problèmes / check the files and list every problem")
    .argument("<offers>", "offers.csv (or a folder holding offers.csv and criteria.csv)")
    .option("-c, --criteria <file>", "criteria file (default: criteria.csv beside the offers)")
    .option("--rescale-weights", "accept sub-weights that do not add up, rescaled", false)
    .addOption(langOption())
    .addHelpText("after", `\nExamples:\n  $ psc-audit validate offers.csv\n  $ psc-audit validate offers.csv --criteria grille.csv`)
    .action(async (offers: string, o: Record<string, unknown>) => {
      const { runValidate } = await import("../commands/validate.js");
      select(() => runValidate(offers, { criteria: o.criteria as string | undefined, lang: o.lang as Lang, rescaleWeights: Boolean(o.rescaleWeights) }));
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
