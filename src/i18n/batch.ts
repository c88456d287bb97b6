// Words of batch runs (several tenders in one command): the per-tender status and the summary line.
import type { Lang } from "./lang.js";

type Args = Record<string, string | number>;

const WORDS = {
  fr: {
    ok: "ok",
    fail: "écart",
    error: "erreur",
    skip: "rien à vérifier",
    summary: (a: Args) =>
      `${a.total} marché(s) : ${a.ok} ok, ${a.fail} avec écarts${Number(a.skip) > 0 ? `, ${a.skip} sans rien à vérifier` : ""}, ${a.invalid} invalide(s)${Number(a.internal) > 0 ? `, ${a.internal} erreur(s) interne(s)` : ""}`,
    validateSummary: (a: Args) =>
      `${a.total} marché(s) : ${a.ok} valide(s), ${a.invalid} invalide(s)${Number(a.internal) > 0 ? `, ${a.internal} erreur(s) interne(s)` : ""}`,
    notFound: (a: Args) => `introuvable : ${a.path}`,
    noTender: (a: Args) => `aucun marché trouvé dans ${a.paths} (attendu : un dossier avec offers.csv, ou un classeur .xlsx)`,
    validOk: (a: Args) => `${a.offers} offres, ${a.criteria} critères`,
    problems: (a: Args) => `${a.first}${Number(a.errors) > 1 ? ` (+ ${Number(a.errors) - 1} autre(s))` : ""}`,
    internal: (a: Args) => `erreur interne : ${a.message}`,
  },
  en: {
    ok: "ok",
    fail: "fail",
    error: "error",
    skip: "skip",
    summary: (a: Args) =>
      `${a.total} tender(s): ${a.ok} ok, ${a.fail} with discrepancies${Number(a.skip) > 0 ? `, ${a.skip} with nothing to check` : ""}, ${a.invalid} invalid${Number(a.internal) > 0 ? `, ${a.internal} internal error(s)` : ""}`,
    validateSummary: (a: Args) =>
      `${a.total} tender(s): ${a.ok} valid, ${a.invalid} invalid${Number(a.internal) > 0 ? `, ${a.internal} internal error(s)` : ""}`,
    notFound: (a: Args) => `not found: ${a.path}`,
    noTender: (a: Args) => `no tender found in ${a.paths} (expected a folder holding offers.csv, or an .xlsx workbook)`,
    validOk: (a: Args) => `${a.offers} offers, ${a.criteria} criteria`,
    problems: (a: Args) => `${a.first}${Number(a.errors) > 1 ? ` (+ ${Number(a.errors) - 1} more)` : ""}`,
    internal: (a: Args) => `internal error: ${a.message}`,
  },
} satisfies Record<Lang, Record<string, string | ((a: Args) => string)>>;

export function batchWords(lang: Lang): (typeof WORDS)["en"] {
  return WORDS[lang];
}
