// CSV for `psc-audit score`: one row per offer, every node's points. French output is what French
// Excel opens directly (UTF-8 BOM, `;`, decimal comma, French headers and values: offre;libellé;…;
// oui/non); English is RFC 4180 with `.` and the JSON field names. Text cells from the input are
// neutralised against formula injection and control characters.
import type { Lang } from "../../i18n/lang.js";
import type { ScoreModel } from "../score-model.js";
import { Rational } from "../../exact/rational.js";
import { csvField, csvSafeText } from "../text-safety.js";
import type { RenderOptions } from "./types.js";

/** Full precision that stays readable: the exact decimal when short, else 6 decimals. */
function csvNumber(value: Rational, lang: Lang): string {
  const s = value.toExactDecimal(6) ?? value.toFixed(6);
  return lang === "fr" ? s.replace(".", ",") : s;
}

/** Header words and values: French for French Excel, English (the JSON field names) otherwise. */
const WORDS = {
  fr: {
    header: ["offre", "libellé", "statut", "éliminée", "rang", "total"],
    yes: "oui",
    no: "non",
    status: {
      ok: "admise",
      excluded: "exclue",
      irregular: "irrégulière",
      unacceptable: "inacceptable",
      inappropriate: "inappropriée",
      "abnormally-low": "anormalement basse",
    } as Record<string, string>,
  },
  en: { header: ["offer", "label", "status", "eliminated", "rank", "total"], yes: "yes", no: "no", status: {} as Record<string, string> },
} satisfies Record<Lang, unknown>;

export function renderScoreCsv(model: ScoreModel, options: RenderOptions): string {
  const delimiter = options.lang === "fr" ? ";" : ",";
  const words = WORDS[options.lang];
  const text = (s: string) => csvField(csvSafeText(s), delimiter);
  const nodes = model.criteria.map((c) => c.id);
  const header = [...words.header, ...nodes];
  const lines = [header.map(text).join(delimiter)];
  for (const o of model.offers) {
    const pts = model.exactPoints.get(o.id)!;
    lines.push(
      [
        text(o.id),
        text(o.label),
        text(words.status[o.status] ?? o.status),
        o.eliminated ? words.yes : words.no,
        o.rank === null ? "" : String(o.rank),
        csvNumber(model.exactTotals.get(o.id)!, options.lang),
        ...nodes.map((id) => csvNumber(pts.get(id) ?? Rational.ZERO, options.lang)),
      ].join(delimiter),
    );
  }
  const bom = options.lang === "fr" ? "\uFEFF" : "";
  return bom + lines.join("\r\n") + "\r\n";
}
