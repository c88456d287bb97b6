// Words of the user interface (tables, summaries, notes), in French and English. The `satisfies`
// check makes a message missing in one language a type error.
import type { Lang } from "./lang.js";

type Args = Record<string, string | number>;
type Msg = string | ((a: Args) => string);

const fr = {
  rank: "Rang",
  criterion: "Critère",
  offer: "Offre",
  label: "Nom",
  status: "Statut",
  total: "Total",
  notRanked: "non classée",
  winner: (a: Args) => `Attributaire recalculé : ${a.offer}`,
  winnerTie: (a: Args) => `Égalité parfaite au premier rang entre ${a.offers} : l'égalité décide de l'attribution.`,
  noWinner: "Aucune offre classée.",
  margin: (a: Args) => `Écart avec la deuxième offre : ${a.points} points.`,
  scale: (a: Args) => `Note totale sur ${a.points} points.`,
  weightsPercent: (a: Args) =>
    `Pondérations lues en pourcentage du critère parent pour : ${a.groups} (converties en points).`,
  weightsRescaled: (a: Args) =>
    `ATTENTION : les sous-pondérations de ${a.groups} ne correspondaient pas et ont été remises à l'échelle (--rescale-weights).`,
  eliminated: (a: Args) => `${a.offer} éliminée : ${a.points} points sur « ${a.node} », sous le seuil de ${a.threshold}.`,
  statusNote: (a: Args) => `${a.offer} : ${a.status}, non classée et exclue des formules relatives.`,
  inexact: "≈ : formule à résultat irrationnel, calculée en virgule flottante.",
  roundingNote: "Points arrondis comme le prévoit le règlement (colonne « arrondi »).",
  status_ok: "admise",
  status_excluded: "exclue",
  status_irregular: "irrégulière",
  status_unacceptable: "inacceptable",
  status_inappropriate: "inappropriée",
  "status_abnormally-low": "anormalement basse",
  status_eliminated: "éliminée (seuil)",
  validOk: (a: Args) => `${a.file} : aucune erreur (${a.offers} offres, ${a.criteria} critères dont ${a.leaves} feuilles).`,
  problems: (a: Args) => `${a.errors} erreur(s), ${a.warnings} avertissement(s).`,
  methodsTitle: "Méthodes de notation disponibles (colonne « method » de criteria.csv)",
  methodsParams: "paramètres",
  methodsDefault: "défaut",
  wroteFile: (a: Args) => `Écrit : ${a.file}`,
  wroteFileCharts: (a: Args) => `Écrit : ${a.file} (+ graphiques dans ${a.dir})`,
  internalError: "erreur interne de psc-audit. Merci de la signaler avec la commande et les fichiers utilisés :",
  notBuilt: "psc-audit n'est pas compilé : lancez npm install ou npm run build",
  synthetic: "DONNÉES SYNTHÉTIQUES",
} satisfies Record<string, Msg>;

export type UiKey = keyof typeof fr;

const en = {
  rank: "Rank",
  criterion: "Criterion",
  offer: "Offer",
  label: "Name",
  status: "Status",
  total: "Total",
  notRanked: "not ranked",
  winner: (a: Args) => `Recomputed winner: ${a.offer}`,
  winnerTie: (a: Args) => `Exact tie for first place between ${a.offers}: the tie decides the award.`,
  noWinner: "No offer is ranked.",
  margin: (a: Args) => `Lead over the second offer: ${a.points} points.`,
  scale: (a: Args) => `Total score out of ${a.points} points.`,
  weightsPercent: (a: Args) => `Weights read as percent of the parent criterion for: ${a.groups} (converted to points).`,
  weightsRescaled: (a: Args) =>
    `WARNING: the sub-weights of ${a.groups} did not add up and were rescaled proportionally (--rescale-weights).`,
  eliminated: (a: Args) => `${a.offer} eliminated: ${a.points} points on "${a.node}", below the threshold of ${a.threshold}.`,
  statusNote: (a: Args) => `${a.offer}: ${a.status}, not ranked and left out of relative formulas.`,
  inexact: "≈: formula with an irrational result, computed in floating point.",
  roundingNote: "Points rounded as the rules of the tender say (column \"decimals\").",
  status_ok: "admitted",
  status_excluded: "excluded",
  status_irregular: "irregular",
  status_unacceptable: "unacceptable",
  status_inappropriate: "inappropriate",
  "status_abnormally-low": "abnormally low",
  status_eliminated: "eliminated (threshold)",
  validOk: (a: Args) => `${a.file}: no errors (${a.offers} offers, ${a.criteria} criteria of which ${a.leaves} leaves).`,
  problems: (a: Args) => `${a.errors} error(s), ${a.warnings} warning(s).`,
  methodsTitle: "Available scoring methods (column \"method\" of criteria.csv)",
  methodsParams: "parameters",
  methodsDefault: "default",
  wroteFile: (a: Args) => `Wrote: ${a.file}`,
  wroteFileCharts: (a: Args) => `Wrote: ${a.file} (+ charts in ${a.dir})`,
  internalError: "internal error in psc-audit. Please report it with the command and the files used:",
  notBuilt: "psc-audit is not built yet: run npm install or npm run build",
  synthetic: "SYNTHETIC DATA",
} satisfies Record<UiKey, Msg>;

const CATALOGUES: Record<Lang, Record<UiKey, Msg>> = { fr, en };

/** The message `key` in `lang`, with `args` interpolated. */
export function t(lang: Lang, key: UiKey, args: Args = {}): string {
  const m = CATALOGUES[lang][key];
  return typeof m === "function" ? m(args) : m;
}
