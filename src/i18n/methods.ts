// Words for the scoring methods (the `methods` command, reports) and for the scorer's warning codes,
// in French and English. Pure text; the formulas themselves live in src/scoring/formulas/.
import type { Diagnostic, MethodSpec } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { findFormula, withDefaults } from "../scoring/formulas/index.js";
import type { ScoringWarningCode } from "../scoring/warnings.js";
import type { Lang } from "./lang.js";

export interface MethodDescription {
  name: string;
  /** Points of an offer, `W` the leaf weight, e.g. "W × Pmin / P". */
  formula: string;
  /** Edge cases, policies, and the sourcing status ([U] = unconfirmed, never present as official). */
  note?: string;
}

/** Exact short decimal in the language's convention (decimal comma in French), else a fraction. */
function num(r: Rational, lang: Lang): string {
  const s = r.toExactDecimal(6) ?? r.toString();
  return lang === "fr" ? s.replace(".", ",") : s;
}

type Texts = Record<Lang, MethodDescription>;

const NON_ADMITTED = {
  fr: "Offres non admises : notées pour information contre l'ensemble admis, coefficient plafonné à 1.",
  en: "Non-admitted offers: scored for information against the admitted set, coefficient capped at 1.",
};
const UNCONFIRMED = {
  fr: "[U] formule non confirmée par une source officielle : ne pas la présenter comme officielle.",
  en: "[U] formula not confirmed by an official source: never present it as official.",
};

/** The legend of the [U] mark, for the `methods` listing. */
export const UNCONFIRMED_LEGEND: Record<Lang, string> = {
  fr: "[U] : formule non confirmée par une source officielle.",
  en: "[U]: formula not confirmed by an official source.",
};

const TYPE_WORDS: Record<Lang, Record<string, string>> = {
  fr: { price: "prix", cost: "coût", quality: "qualité" },
  en: { price: "price", cost: "cost", quality: "quality" },
};

/** "s'applique à : prix, coût" / "applies to: price, cost". */
export function appliesToLine(types: readonly string[], lang: Lang): string {
  const words = types.map((x) => TYPE_WORDS[lang][x] ?? x).join(", ");
  return lang === "fr" ? `s'applique à : ${words}` : `applies to: ${words}`;
}

function texts(spec: MethodSpec, lang: Lang): Texts | null {
  const p = (name: string): string => {
    // A parameter without a value (no default) is shown by its name, as in the method's signature.
    const v = spec.params[name];
    return v ? num(v, lang) : name;
  };
  switch (spec.id) {
    case "proportional":
      return {
        fr: { name: "Proportionnelle (méthode classique)", formula: "W × Pmin / P", note: "Pmin = prix le plus bas des offres admises ; une offre seule ou des prix égaux obtiennent W ; n'atteint jamais 0." },
        en: { name: "Proportional (lowest price / price)", formula: "W × Pmin / P", note: "Pmin = lowest admitted price; a single offer or equal prices get W; never reaches 0." },
      };
    case "linear-minmax":
      return {
        fr: { name: "Linéaire min–max", formula: "W × (Pmax − P) / (Pmax − Pmin)", note: "L'offre la moins chère : W, la plus chère : 0. Prix tous égaux : W pour tous (0/0, déclaré). Avec deux offres : W et 0 quel que soit l'écart." },
        en: { name: "Linear min–max", formula: "W × (Pmax − P) / (Pmax − Pmin)", note: "Cheapest gets W, dearest 0. All prices equal: W for all (0/0, declared). With two offers: W and 0 whatever the gap." },
      };
    case "linear-lowest": {
      const n = spec.params["n"];
      const f = n ? `W × max(0, (${num(n, lang)}·Pmin − P) / (${num(n.sub(Rational.ONE), lang)}·Pmin))` : "W × max(0, (n·Pmin − P) / ((n − 1)·Pmin))";
      return {
        fr: { name: `Linéaire par rapport au moins-disant (n = ${p("n")})`, formula: f, note: `0 à partir de ${p("n")} × Pmin (écrêté, signalé).` },
        en: { name: `Linear from the lowest price (n = ${p("n")})`, formula: f, note: `0 from ${p("n")} × Pmin on (clamped, reported).` },
      };
    }
    case "mean-cubic":
      return {
        fr: { name: "Cubique sur la moyenne", formula: "W × M³ / (P³ + M³)", note: "M = moyenne des prix admis ; W/2 au prix moyen, jamais W. Règle d'un RC réel (CAA Paris), non confirmée comme la méthode « moyenne » de la DAJ." },
        en: { name: "Mean-cubic", formula: "W × M³ / (P³ + M³)", note: "M = mean admitted price; W/2 at the mean, never W. Rule of a real French RC (CAA Paris), not confirmed as the DAJ \"mean\" method." },
      };
    case "reference":
      return {
        fr: { name: "Prix de référence (absolue)", formula: `W × min(1, max(0, (${p("zero")} − P) / (${p("zero")} − ${p("ref")})))`, note: `W si P ≤ ${p("ref")}, 0 si P ≥ ${p("zero")}, linéaire entre les deux ; ignore les autres offres. ${UNCONFIRMED.fr}` },
        en: { name: "Reference price (absolute)", formula: `W × min(1, max(0, (${p("zero")} − P) / (${p("zero")} − ${p("ref")})))`, note: `W if P ≤ ${p("ref")}, 0 if P ≥ ${p("zero")}, linear in between; ignores the other offers. ${UNCONFIRMED.en}` },
      };
    case "it-linear":
      return {
        fr: { name: "Linéaire sur le rabais (Italie)", formula: `W × R / Rmax, R = (${p("base")} − P) / ${p("base")}`, note: "Prix au-dessus de la base : 0 (signalé). Rmax ≤ 0 : 0 pour tous." },
        en: { name: "Linear on discount (Italy)", formula: `W × R / Rmax, R = (${p("base")} − P) / ${p("base")}`, note: "Price above the base: 0 (reported). Rmax ≤ 0: 0 for all." },
      };
    case "it-bilinear":
      return {
        fr: { name: `Bilinéaire sur le rabais (Italie, X = ${p("x")})`, formula: `W × (R ≤ Rmoy ? ${p("x")}·R/Rmoy : ${p("x")} + (1 − ${p("x")})·(R − Rmoy)/(Rmax − Rmoy)), R = (${p("base")} − P) / ${p("base")}`, note: `Rmoy = rabais moyen des offres admises ; rabais tous égaux : ${p("x")} pour tous, pas 1. ${UNCONFIRMED.fr}` },
        en: { name: `Bilinear on discount (Italy, X = ${p("x")})`, formula: `W × (R ≤ Rmean ? ${p("x")}·R/Rmean : ${p("x")} + (1 − ${p("x")})·(R − Rmean)/(Rmax − Rmean)), R = (${p("base")} − P) / ${p("base")}`, note: `Rmean = mean admitted discount; all discounts equal: ${p("x")} for all, not 1. ${UNCONFIRMED.en}` },
      };
    case "it-concave":
      return {
        fr: { name: `Concave sur le rabais (Italie, α = ${p("alpha")})`, formula: `W × (R / Rmax)^${p("alpha")}, R = (${p("base")} − P) / ${p("base")}`, note: "Irrationnel en général : calculé en virgule flottante et signalé comme inexact (exact si α est entier). Valeurs de α suggérées non confirmées [U]." },
        en: { name: `Concave on discount (Italy, α = ${p("alpha")})`, formula: `W × (R / Rmax)^${p("alpha")}, R = (${p("base")} − P) / ${p("base")}`, note: "Irrational in general: computed in floating point and flagged inexact (exact when α is an integer). Suggested α values unconfirmed [U]." },
      };
    case "direct":
      return {
        fr: { name: "Note directe", formula: "W × note / note max", note: "Note pondérée = note brute / note max (colonne « bareme », obligatoire) × poids." },
        en: { name: "Direct score", formula: "W × score / max score", note: "Weighted score = raw score / max score (\"max\" column, required) × weight." },
      };
    case "relative-best":
      return {
        fr: { name: "Relative à la meilleure note (riparametrazione)", formula: "W × note / meilleure note admise", note: "La meilleure offre obtient W ; doit être annoncé dans le RC. Meilleure note ≤ 0 : 0 pour tous." },
        en: { name: "Relative to the best score (riparametrazione)", formula: "W × score / best admitted score", note: "The best offer gets W; must be announced in the RC. Best score ≤ 0: 0 for all." },
      };
    default:
      return null;
  }
}

/**
 * Name, formula (points, W = leaf weight) and note of a method in French or English, parameters
 * substituted (defaults filled in). Unknown ids get their id as name and an empty formula.
 */
export function describeMethod(spec: MethodSpec, lang: Lang): MethodDescription {
  const t = texts(withDefaults(spec), lang);
  if (!t) return { name: spec.id, formula: "" };
  const d = t[lang];
  const def = findFormula(spec.id);
  const extra = def?.relative ? NON_ADMITTED[lang] : undefined;
  const note = [d.note, extra].filter((x): x is string => !!x).join(" ");
  return note === "" ? { name: d.name, formula: d.formula } : { name: d.name, formula: d.formula, note };
}

type Args = Diagnostic["args"];
const a = (args: Args, k: string): string => String(args[k] ?? "");
/** A numeric arg ("38.5", "800/21") with the French decimal comma. */
const fr = (args: Args, k: string): string => a(args, k).replace(".", ",");

/** Scoring warning prose, per code and language. Unknown codes fall back to `CODE {args}`. */
const WARNINGS = {
  NO_ADMITTED_OFFER: {
    fr: () => "aucune offre admise : les formules relatives n'ont pas de base (0 pour tous) et aucune offre n'est classée",
    en: () => "no admitted offer: relative formulas have no basis (0 for all) and no offer is ranked",
  },
  NO_RANKED_OFFER: {
    fr: (x) => `aucune offre classée : toutes les offres admises (${a(x, "eliminated")}) sont éliminées par un seuil`,
    en: (x) => `no ranked offer: every admitted offer (${a(x, "eliminated")}) is eliminated by a threshold`,
  },
  TIE_FOR_FIRST: {
    fr: (x) => `égalité à la première place entre ${a(x, "offers")} (${fr(x, "total")} points) : seul le RC peut départager`,
    en: (x) => `tie for first place between ${a(x, "offers")} (${a(x, "total")} points): only the RC may break it`,
  },
  ALL_PRICES_EQUAL: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : prix admis tous égaux, la formule vaut 0/0 ; note maximale attribuée à toutes les offres`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): all admitted prices are equal, the formula is 0/0; full points given to every offer`,
  },
  NO_POSITIVE_DISCOUNT: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : aucun rabais positif sur la base (Rmax ≤ 0) ; 0 pour toutes les offres`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): no positive discount off the base (Rmax ≤ 0); 0 for every offer`,
  },
  BEST_NOTE_ZERO: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : la meilleure note admise est nulle ; 0 pour toutes les offres`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): the best admitted score is zero; 0 for every offer`,
  },
  MAX_SCORE_NOT_POSITIVE: {
    fr: (x) => `critère ${a(x, "leaf")} : note maximale ${fr(x, "max")} non positive ; 0 pour toutes les offres`,
    en: (x) => `criterion ${a(x, "leaf")}: max score ${a(x, "max")} is not positive; 0 for every offer`,
  },
  NON_POSITIVE_PRICE: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : un prix admis est nul ou négatif, la formule n'a plus de sens ; le plus bas obtient la note maximale, les autres 0`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): an admitted price is zero or negative, the formula is meaningless; the lowest gets full points, the others 0`,
  },
  NOTE_SCALE_ASSUMED: {
    fr: (x) => `critère ${a(x, "leaf")} : pas de note maximale, les notes sont lues en points sur ${fr(x, "scale")}`,
    en: (x) => `criterion ${a(x, "leaf")}: no max score, scores are read as points out of ${a(x, "scale")}`,
  },
  INEXACT_FORMULA: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : résultat irrationnel calculé en virgule flottante pour ${a(x, "count")} offre(s) (${a(x, "offers")}) ; une égalité à 1e-15 près n'est pas tranchée exactement`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): irrational result computed in floating point for ${a(x, "count")} offer(s) (${a(x, "offers")}); a near-tie within 1e-15 is not decided exactly`,
  },
  PRICE_ABOVE_BASE: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : ${a(x, "count")} prix au-dessus de la base (${a(x, "offers")}), rabais négatif noté 0`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): ${a(x, "count")} price(s) above the base (${a(x, "offers")}), negative discount scored 0`,
  },
  COEFFICIENT_CLAMPED: {
    fr: (x) => `critère ${a(x, "leaf")} (${a(x, "method")}) : coefficient ramené dans [0, 1] pour ${a(x, "count")} offre(s) (${a(x, "offers")})`,
    en: (x) => `criterion ${a(x, "leaf")} (${a(x, "method")}): coefficient clamped to [0, 1] for ${a(x, "count")} offer(s) (${a(x, "offers")})`,
  },
  OFFER_ELIMINATED: {
    fr: (x) => `offre ${a(x, "offer")} éliminée : ${fr(x, "points")} points sur ${a(x, "node")}, sous le seuil de ${fr(x, "threshold")} ; notes recalculées sans elle`,
    en: (x) => `offer ${a(x, "offer")} eliminated: ${a(x, "points")} points on ${a(x, "node")}, below the ${a(x, "threshold")} threshold; scores recomputed without it`,
  },
} satisfies Record<ScoringWarningCode, Record<Lang, (x: Args) => string>>;

const MESSAGES: Partial<Record<string, Record<Lang, (x: Args) => string>>> = WARNINGS;

/** The message of a scoring diagnostic (codes from src/scoring/warnings.ts), without location or code. */
export function scoringWarningMessage(d: Diagnostic, lang: Lang): string {
  const f = MESSAGES[d.code]?.[lang];
  if (f) return f(d.args);
  const args = Object.entries(d.args).map(([k, v]) => `${k}=${v}`).join(", ");
  return args === "" ? d.code : `${d.code} (${args})`;
}
