// The words of `--help`, in French (default) and English: command and option descriptions, examples,
// and commander's own headings. Typed so a string missing in one language fails type-checking.
import type { Lang } from "./lang.js";

const fr = {
  program: "Recalcule et éprouve la notation d'un marché public : points exacts, classement, robustesse de l'attribution, contrôle des notes publiées, rapport de transparence.",
  examplesTitle: "Exemples :",
  exitCodes:
    "Codes de sortie : 0 succès · 1 une condition --fail-on est remplie, ou des\nnotes publiées diffèrent · 2 usage ou fichiers invalides · 3 erreur interne",
  langHint: "Langue : --lang en ou PSC_AUDIT_LANG=en pour l'anglais.",
  // Titles commander prints.
  "Usage:": "Usage :",
  "Options:": "Options :",
  "Commands:": "Commandes :",
  "Arguments:": "Arguments :",
  "Global Options:": "Options globales :",
  choices: "choix",
  colon: " :",
  sep: " ; ",
  default: "défaut",
  help: "affiche l'aide de la commande",
  helpCommand: "affiche l'aide d'une commande",
  version: "affiche le numéro de version",
  // Shared arguments and options.
  offersArg: "offers.csv, un classeur .xlsx, ou un dossier contenant offers.csv et criteria.csv",
  inputsArg: "offers.csv, un classeur, un dossier de marché, ou des dossiers de marchés",
  criteria: "fichier des critères (défaut : criteria.csv à côté des offres)",
  sheet: "feuilles du classeur : criteria=NOM,offers=NOM (défaut : trouvées par leur nom)",
  format: "format de sortie",
  output: "écrit le résultat dans un fichier plutôt que sur la sortie standard",
  rescale: "remet à l'échelle des sous-pondérations qui ne s'additionnent pas (signalé dans chaque sortie)",
  priceRange: "bornes d'un prix occulté, BAS:HAUT (défaut 0:inf)",
  noColor: "sans couleurs",
  lang: "langue des messages et sorties",
  samples: "nombre de tirages SMAA, 0 pour s'en passer",
  seed: "graine SMAA (même graine, même résultat)",
  smaaWeights: "tirage des poids SMAA : simplex | ordinal | box:P (poids des feuilles ±P points) | box:P:top",
  scoreNoise: "incertitude des notes : chaque note directe uniforme à ±K points de barème",
  precision: "tire des échantillons SMAA jusqu'à ce que chaque demi-largeur à 95 % soit au plus h",
  workers: "fils de calcul SMAA (défaut : tous les cœurs)",
  failOn:
    "sortie 1 si la condition est remplie (répétable) : winner-margin<X, note-margin<X, total-margin<X, acceptability<P, rank-reversal, formula-decides, rounding-decides",
  failOnNote: [
    "Conditions --fail-on (X en points, P entre 0 et 1 ou en %) :",
    "  winner-margin<X  plus petite variation d'un seul poids (L∞, en points de la",
    "                   note totale) qui change l'attributaire",
    "  note-margin<X    plus petite variation d'une note, en points de note",
    "  total-margin<X   avance de l'attributaire sur la deuxième offre, en points",
    "  acceptability<P  acceptabilité SMAA du premier rang de l'attributaire",
  ].join("\n"),
  declared: "notes publiées, lignes offre,critère,points (critère : un id, total ou rang ; défaut : declared.csv à côté des offres)",
  tolerance: "écart accepté (défaut : une demi-unité de la dernière décimale publiée)",
  reportOutput: "fichier du rapport : .html, .pdf, .md ou .json",
  reportFormat: "format (défaut : d'après l'extension du fichier)",
  detail: "montre chaque sous-critère",
  force: "écrase les fichiers existants",
  dirArg: "dossier (défaut : le dossier courant)",
  validateFormat: "format de sortie : text ou json (un enregistrement par marché)",
  // Commands.
  score: "recalcule les points de chaque offre sur chaque critère, les totaux et le classement, exactement",
  sensitivity: "robustesse de l'attribution : poids, notes, formule de prix, arrondi, offres non pertinentes, SMAA",
  check: "confronte les notes publiées au recalcul et explique chaque écart",
  report: "rapport de transparence en HTML, PDF, Markdown ou JSON, à joindre en annexe",
  validate: "vérifie les fichiers et liste tous les problèmes en une fois",
  init: "écrit un modèle de grille à compléter (criteria.csv, offers.csv, notice)",
  methods: "liste les méthodes de notation et leurs formules",
  batchNote:
    "Plusieurs entrées ou un dossier : un marché par ligne, un bilan, et le pire code de sortie. Avec check, un marché sans note publiée est « rien à vérifier » : ni invalide ni en écart, code 0.",
  reportNote: "Avec SOURCE_DATE_EPOCH, deux exécutions sur les mêmes fichiers donnent des fichiers identiques à l'octet.",
  checkNote: "Codes de sortie : 0 toutes les notes publiées concordent · 1 un écart, ou des notes publiées prouvées incohérentes · 2 fichiers invalides ou rien à vérifier.",
};

export type HelpKey = keyof typeof fr;

const en: Record<HelpKey, string> = {
  program: "Recompute and stress-test the scoring of a public tender: exact points, ranking, robustness of the award, published-figure checks, transparency report.",
  examplesTitle: "Examples:",
  exitCodes:
    "Exit codes: 0 success · 1 a --fail-on condition held, or published figures\ndisagree · 2 bad usage or bad input · 3 internal error",
  langHint: "Language: French by default; --lang en or PSC_AUDIT_LANG=en for English.",
  "Usage:": "Usage:",
  "Options:": "Options:",
  "Commands:": "Commands:",
  "Arguments:": "Arguments:",
  "Global Options:": "Global Options:",
  choices: "choices",
  colon: ":",
  sep: ", ",
  default: "default",
  help: "display help for command",
  helpCommand: "display help for a command",
  version: "output the version number",
  offersArg: "offers.csv, an .xlsx workbook, or a folder holding offers.csv and criteria.csv",
  inputsArg: "offers.csv, a workbook, a tender folder, or folders of tenders",
  criteria: "criteria file (default: criteria.csv beside the offers)",
  sheet: "workbook sheets: criteria=NAME,offers=NAME (default: found by name)",
  format: "output format",
  output: "write the result to a file instead of stdout",
  rescale: "rescale sub-weights that do not add up (said in every output)",
  priceRange: "bounds of an occulted price, LO:HI (default 0:inf)",
  noColor: "no colours",
  lang: "language of messages and outputs",
  samples: "SMAA draws, 0 to skip SMAA",
  seed: "SMAA seed (same seed, same output)",
  smaaWeights: "SMAA weight sampling: simplex | ordinal | box:P (leaf weights ±P points) | box:P:top",
  scoreNoise: "jury-score uncertainty: each direct score uniform within ±K scale points",
  precision: "draw SMAA samples until every 95% half-width is at most h",
  workers: "SMAA worker threads (default: every core)",
  failOn:
    "exit 1 when met (repeatable): winner-margin<X, note-margin<X, total-margin<X, acceptability<P, rank-reversal, formula-decides, rounding-decides",
  failOnNote: [
    "--fail-on conditions (X in points, P between 0 and 1 or in %):",
    "  winner-margin<X  smallest change of one weight (L∞, in points of the total)",
    "                   that changes the winner",
    "  note-margin<X    smallest change of one jury score, in score points",
    "  total-margin<X   the winner's lead over the second offer, in points",
    "  acceptability<P  the winner's SMAA first-rank acceptability",
  ].join("\n"),
  declared: "published figures as rows offer,node,points (node: an id, total or rank; default: declared.csv beside the offers)",
  tolerance: "accepted difference (default: half a unit of the last published decimal)",
  reportOutput: "report file: .html, .pdf, .md or .json",
  reportFormat: "format (default: from the file extension)",
  detail: "show every sub-criterion",
  force: "overwrite existing files",
  dirArg: "folder (default: the current folder)",
  validateFormat: "output format: text or json (one record per tender)",
  score: "recompute every offer's points on every criterion, the totals and the ranking, exactly",
  sensitivity: "how fragile is the award: weights, notes, price formula, rounding, irrelevant offers, SMAA",
  check: "check published figures against the recomputation and explain every difference",
  report: "transparency report in HTML, PDF, Markdown or JSON, to file as an appendix",
  validate: "check the files and list every problem at once",
  init: "write a template grid to fill in (criteria.csv, offers.csv, a note)",
  methods: "list the scoring methods and their formulas",
  batchNote:
    "Several inputs or a folder: one line per tender, a summary, and the worst exit code. With check, a tender without published figures is \"skip\" (nothing to check): neither invalid nor failed, exit 0.",
  reportNote: "With SOURCE_DATE_EPOCH set, two runs on the same inputs give byte-identical files.",
  checkNote: "Exit codes: 0 every published figure agrees · 1 a difference, or published figures proven inconsistent · 2 bad input or nothing to check.",
};

const CATALOGUES: Record<Lang, Record<HelpKey, string>> = { fr, en };

export function helpWords(lang: Lang): Record<HelpKey, string> {
  return CATALOGUES[lang];
}

type UsageArgs = Record<string, string | number>;

/** Messages of bad option values (commander's InvalidArgumentError), in the user's language. */
const USAGE = {
  fr: {
    number: (a: UsageArgs) => `nombre attendu, reçu « ${a.text} »`,
    nonNegative: (a: UsageArgs) => `nombre ≥ 0 attendu, reçu « ${a.text} »`,
    whole: (a: UsageArgs) => `nombre entier positif ou nul attendu, reçu « ${a.text} »`,
    wholeIn: (a: UsageArgs) => `nombre entier dans [${a.min}, ${a.max}] attendu, reçu « ${a.text} »`,
    probability: (a: UsageArgs) => `nombre dans ]0, 1[ attendu, reçu « ${a.text} »`,
    range: (a: UsageArgs) => `BAS:HAUT attendu (par exemple 50000:250000, ou 0:inf), reçu « ${a.text} »`,
    lowerBound: (a: UsageArgs) => `borne basse attendue dans BAS:HAUT, reçu « ${a.text} »`,
    loBelowHi: (a: UsageArgs) => `BAS < HAUT attendu, reçu « ${a.text} »`,
    useReport: (a: UsageArgs) => `« ${a.file} » : ${a.command} écrit du texte (table, json, csv, markdown) ; pour un rapport PDF ou HTML : psc-audit report OFFRES -o ${a.file}`,
  },
  en: {
    number: (a: UsageArgs) => `expected a number, got "${a.text}"`,
    nonNegative: (a: UsageArgs) => `expected a number ≥ 0, got "${a.text}"`,
    whole: (a: UsageArgs) => `expected a whole number ≥ 0, got "${a.text}"`,
    wholeIn: (a: UsageArgs) => `expected a whole number in [${a.min}, ${a.max}], got "${a.text}"`,
    probability: (a: UsageArgs) => `expected a number in ]0, 1[, got "${a.text}"`,
    range: (a: UsageArgs) => `expected LO:HI (e.g. 50000:250000, or 0:inf), got "${a.text}"`,
    lowerBound: (a: UsageArgs) => `expected a lower bound in LO:HI, got "${a.text}"`,
    loBelowHi: (a: UsageArgs) => `expected LO < HI, got "${a.text}"`,
    useReport: (a: UsageArgs) => `"${a.file}": ${a.command} writes text (table, json, csv, markdown); for a PDF or HTML report: psc-audit report OFFERS -o ${a.file}`,
  },
} satisfies Record<Lang, Record<string, (a: UsageArgs) => string>>;

export type UsageKey = keyof (typeof USAGE)["en"];

export function usageMessage(lang: Lang, key: UsageKey, args: UsageArgs): string {
  return USAGE[lang][key](args);
}

/**
 * Commander's own error messages (English only) in French: each known pattern and its translation.
 * Unknown patterns pass through unchanged (never lose a message).
 */
const COMMANDER_FR: [RegExp, string][] = [
  [/^error: unknown command '(.*?)'/, "erreur : commande inconnue « $1 »"],
  [/^error: unknown option '(.*?)'/, "erreur : option inconnue « $1 »"],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/m, "erreur : valeur « $2 » invalide pour l'option « $1 » ; choix possibles : $3."],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. ?(.*)$/m, "erreur : valeur « $2 » invalide pour l'option « $1 » : $3"],
  [/^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. ?(.*)$/m, "erreur : valeur « $1 » invalide pour l'argument « $2 » : $3"],
  [/^error: required option '(.*?)' not specified/, "erreur : option obligatoire « $1 » absente"],
  [/^error: missing required argument '(.*?)'/, "erreur : argument obligatoire « $1 » manquant"],
  [/^error: option '(.*?)' argument missing/, "erreur : l'option « $1 » attend une valeur"],
  [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, "erreur : trop d'arguments pour « $1 » : $2 attendu(s), $3 reçu(s)."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, "erreur : trop d'arguments : $1 attendu(s), $2 reçu(s)."],
  [/\(Did you mean one of (.*)\?\)/, "(Vouliez-vous dire l'une de : $1 ?)"],
  [/\(Did you mean (.*)\?\)/, "(Vouliez-vous dire $1 ?)"],
];

/** A commander error message in the user's language (French: translated; English: as is). */
export function commanderMessage(message: string, lang: Lang): string {
  if (lang === "en") return message;
  return COMMANDER_FR.reduce((text, [pattern, fr]) => text.replace(pattern, fr), message);
}
