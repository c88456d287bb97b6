// CSV for `psc-audit score`: one row per offer, every node's points. French output is what French
// Excel opens directly (UTF-8 BOM, `;`, decimal comma); English is RFC 4180 with `.`. Text cells
// from the input are neutralised against formula injection.
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

export function renderScoreCsv(model: ScoreModel, options: RenderOptions): string {
  const delimiter = options.lang === "fr" ? ";" : ",";
  const text = (s: string) => csvField(csvSafeText(s), delimiter);
  const nodes = model.criteria.map((c) => c.id);
  const header = ["offer", "label", "status", "eliminated", "rank", "total", ...nodes];
  const lines = [header.map(text).join(delimiter)];
  for (const o of model.offers) {
    const pts = model.exactPoints.get(o.id)!;
    lines.push(
      [
        text(o.id),
        text(o.label),
        o.status,
        o.eliminated ? "yes" : "no",
        o.rank === null ? "" : String(o.rank),
        csvNumber(model.exactTotals.get(o.id)!, options.lang),
        ...nodes.map((id) => csvNumber(pts.get(id) ?? Rational.ZERO, options.lang)),
      ].join(delimiter),
    );
  }
  const bom = options.lang === "fr" ? "\uFEFF" : "";
  return bom + lines.join("\r\n") + "\r\n";
}
