// `psc-audit methods`: the scoring methods a criteria file may name, with their formulas.
import { EXIT } from "../cli/exit-code.js";
import type { Lang } from "../i18n/lang.js";
import { appliesToLine, describeMethod, UNCONFIRMED_LEGEND } from "../i18n/methods.js";
import { t } from "../i18n/ui.js";
import { FORMULA_DEFS } from "../scoring/formulas/catalog.js";
import type { CommandOutcome } from "./outcome.js";

export function runMethods(lang: Lang): CommandOutcome {
  const lines = [t(lang, "methodsTitle"), ""];
  for (const def of FORMULA_DEFS) {
    const params = Object.fromEntries(def.params.filter((p) => p.default).map((p) => [p.name, p.default!]));
    const d = describeMethod({ id: def.id, params, text: def.id }, lang);
    const signature = def.params.length
      ? `${def.id}(${def.params.map((p) => (p.default ? `${p.name}=${p.default.toExactDecimal() ?? p.default}` : `${p.name}=…`)).join(", ")})`
      : def.id;
    lines.push(`${signature}`);
    lines.push(`    ${d.name}`);
    lines.push(`    ${d.formula}`);
    lines.push(`    ${appliesToLine(def.appliesTo, lang)}`);
    if (d.note) lines.push(`    ${d.note}`);
    lines.push("");
  }
  lines.push(UNCONFIRMED_LEGEND[lang], "");
  return { exitCode: EXIT.ok, output: lines.join("\n"), messages: [], inputs: [] };
}
