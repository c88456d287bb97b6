// The words of every loading diagnostic, in French and English, and the line formatter. The table is
// checked with `satisfies` against the loader's codes: a code or a language missing fails type-check.
import type { Diagnostic } from "../domain/types.js";
import { LOAD_CODES, USAGE_CODES, type LoadCode, type UsageCode } from "../load/codes.js";

export type { Lang } from "./lang.js";
import type { Lang } from "./lang.js";

type Args = Diagnostic["args"];
type Words = (a: Args) => string;

/** Quote a user value: "B" in English, « B » in French. */
const qe = (v: unknown): string => `"${String(v ?? "")}"`;
const qf = (v: unknown): string => `« ${String(v ?? "")} »`;
/** A canonical decimal ("69.5") with the French decimal comma. */
const nf = (v: unknown): string => String(v ?? "").replace(/^(-?\d+)\.(\d+)$/, "$1,$2");
const ne = (v: unknown): string => String(v ?? "");
/** Catalogue wording of expected parameter values ("> 0", "in ]0, 1[", "number"). */
const expectedFr = (v: unknown): string => String(v ?? "").replace(/^in /, "dans ").replace(/^number$/, "un nombre");
const where = (a: Args, lang: Lang): string => {
  const parts: string[] = [];
  if (a.offer !== undefined) parts.push(lang === "fr" ? `offre ${qf(a.offer)}` : `offer ${qe(a.offer)}`);
  if (a.node !== undefined) parts.push(lang === "fr" ? `critère ${qf(a.node)}` : `criterion ${qe(a.node)}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
};
const csvReasonEn: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE: "unexpected character after a closing quote",
  INVALID_OPENING_QUOTE: "a quote opens in the middle of a field",
  CSV_INVALID_OPENING_QUOTE: "a quote opens in the middle of a field",
};
const csvReasonFr: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "un champ entre guillemets n’est jamais refermé",
  CSV_INVALID_CLOSING_QUOTE: "caractère inattendu après un guillemet fermant",
  INVALID_OPENING_QUOTE: "un guillemet s’ouvre au milieu d’un champ",
  CSV_INVALID_OPENING_QUOTE: "un guillemet s’ouvre au milieu d’un champ",
};

/** Why --output could not be written, in words (the system code stays in the args). */
const unwritableEn = (a: Args): string =>
  ({
    ENOENT: `the folder ${a.dir ?? "."} does not exist`,
    ENOTDIR: `${a.dir ?? "."} is not a folder`,
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
  })[String(a.reason)] ?? String(a.reason);
const unwritableFr = (a: Args): string =>
  ({
    ENOENT: `le dossier ${a.dir ?? "."} n'existe pas`,
    ENOTDIR: `${a.dir ?? "."} n'est pas un dossier`,
    EACCES: "permission refusée",
    EPERM: "permission refusée",
    EISDIR: "c'est un dossier",
    EROFS: "le disque est en lecture seule",
    ENOSPC: "le disque est plein",
  })[String(a.reason)] ?? String(a.reason);

const MESSAGES = {
  FILE_NOT_FOUND: {
    en: (a) => `file not found: ${a.file}`,
    fr: (a) => `fichier introuvable : ${a.file}`,
  },
  FILE_UNREADABLE: {
    en: (a) => `cannot read ${a.file} (${a.reason})`,
    fr: (a) => `impossible de lire ${a.file} (${a.reason})`,
  },
  OUTPUT_IS_INPUT: {
    en: (a) => `refusing to write ${a.file}: it is one of the input files (inputs are never overwritten)`,
    fr: (a) => `écriture de ${a.file} refusée : c'est un des fichiers d'entrée (ils ne sont jamais écrasés)`,
  },
  OUTPUT_UNWRITABLE: {
    en: (a) => `cannot write ${a.file}: ${unwritableEn(a)}; nothing was written`,
    fr: (a) => `impossible d'écrire ${a.file} : ${unwritableFr(a)} ; rien n'a été écrit`,
  },
  NOT_A_TENDER: {
    en: (a) =>
      `${a.dir} holds no offers.csv and no single .xlsx workbook: ${a.command} reads one tender; for a folder of tenders use psc-audit validate ${a.dir} or psc-audit check ${a.dir}`,
    fr: (a) =>
      `${a.dir} ne contient ni offers.csv ni un unique classeur .xlsx : ${a.command} lit un seul marché ; pour un dossier de marchés, utilisez psc-audit validate ${a.dir} ou psc-audit check ${a.dir}`,
  },
  CSV_WITH_INTERVALS: {
    en: () => "CSV output is not available with occulted values (intervals); use --format json or markdown",
    fr: () => "la sortie CSV n'existe pas pour des valeurs occultées (intervalles) ; utilisez --format json ou markdown",
  },
  EMPTY_FILE: { en: () => "the file is empty", fr: () => "le fichier est vide" },
  HEADER_ONLY: {
    en: () => "the file has a header line but no data rows",
    fr: () => "le fichier n’a qu’une ligne d’en-tête, aucune ligne de données",
  },
  CSV_SYNTAX: {
    en: (a) =>
      a.reason === "FIELD_COUNT"
        ? `this row has ${a.found} fields, the header has ${a.expected}`
        : `invalid CSV: ${csvReasonEn[String(a.reason)] ?? a.detail}`,
    fr: (a) =>
      a.reason === "FIELD_COUNT"
        ? `cette ligne a ${a.found} champs, l’en-tête en a ${a.expected}`
        : `CSV invalide : ${csvReasonFr[String(a.reason)] ?? a.detail}`,
  },
  ENCODING_CP1252: {
    en: () => "not valid UTF-8: read as Windows-1252 (Excel's “CSV (separator: semicolon)”)",
    fr: () => "UTF-8 invalide : fichier lu en Windows-1252 (le « CSV (séparateur : point-virgule) » d’Excel)",
  },
  ENCODING_UTF16: { en: () => "read as UTF-16 (byte order mark)", fr: () => "fichier lu en UTF-16 (indicateur d’ordre des octets)" },
  UNSUPPORTED_FORMAT: {
    en: (a) => `${a.file}: ${a.format} files cannot be read; save it as .xlsx (Excel workbook) or as CSV (one file per table) and run again`,
    fr: (a) => `${a.file} : les fichiers ${a.format} ne sont pas lus ; enregistrez-le au format .xlsx (classeur Excel) ou en CSV (un fichier par tableau) et relancez`,
  },
  WORKBOOK_UNREADABLE: {
    en: (a) => `cannot read the workbook ${a.file} (${a.reason}); is it really an .xlsx file? Save it again from Excel or LibreOffice as .xlsx`,
    fr: (a) => `impossible de lire le classeur ${a.file} (${a.reason}) ; est-ce bien un fichier .xlsx ? Réenregistrez-le au format .xlsx depuis Excel ou LibreOffice`,
  },
  SHEET_NOT_FOUND: {
    en: (a) =>
      a.wanted
        ? `no sheet named ${qe(a.wanted)} for the ${a.role}; sheets found: ${a.sheets}`
        : `no ${a.role} sheet (expected a sheet named ${a.expected}, or --sheet ${a.role}=NAME); sheets found: ${a.sheets}`,
    fr: (a) =>
      a.wanted
        ? `aucune feuille ${qf(a.wanted)} pour ${a.role === "criteria" ? "les critères" : "les offres"} ; feuilles présentes : ${a.sheets}`
        : `aucune feuille ${a.role === "criteria" ? "des critères" : "des offres"} (attendu : une feuille nommée ${a.expected}, ou --sheet ${a.role}=NOM) ; feuilles présentes : ${a.sheets}`,
  },
  SHEET_OPTION_INVALID: {
    en: (a) => `cannot read --sheet ${qe(a.text)}; expected e.g. --sheet criteria=Grille,offers=Notes`,
    fr: (a) => `--sheet ${qf(a.text)} illisible ; attendu par exemple : --sheet criteria=Grille,offers=Notes`,
  },
  CELL_NOT_A_NUMBER: {
    en: (a) => `${a.kind === "date" ? "a date" : "a TRUE/FALSE value"} (${a.text}) where a number is expected${where(a, "en")}`,
    fr: (a) => `${a.kind === "date" ? "une date" : "une valeur VRAI/FAUX"} (${a.text}) là où un nombre est attendu${where(a, "fr")}`,
  },
  MISSING_COLUMN: {
    en: (a) => `no "${a.field}" column (expected one of: ${a.expected})`,
    fr: (a) => `colonne « ${a.field} » absente (attendu : ${a.expected})`,
  },
  EMPTY_HEADER: {
    en: (a) => `column ${a.position} has no name in the header but holds data`,
    fr: (a) => `la colonne ${a.position} n’a pas de nom dans l’en-tête mais contient des données`,
  },
  DUPLICATE_COLUMN: {
    en: (a) => `column ${qe(a.column)} duplicates column ${qe(a.first)}`,
    fr: (a) => `la colonne ${qf(a.column)} fait double emploi avec la colonne ${qf(a.first)}`,
  },
  UNKNOWN_COLUMN: {
    en: (a) => `unknown column ${qe(a.column)}: expected offer, label, status, a leaf criterion (${a.expected}) or declared:<id>`,
    fr: (a) => `colonne inconnue ${qf(a.column)} ; attendu : offre, libellé, statut, un sous-critère noté (${a.expected}) ou publie:<id>`,
  },
  IGNORED_COLUMN: {
    en: (a) => `column ${qe(a.column)} is not a criteria field: ignored`,
    fr: (a) => `la colonne ${qf(a.column)} n’est pas un champ des critères : ignorée`,
  },
  MISSING_VALUE: {
    en: (a) => `empty "${a.field}" cell${where(a, "en")}`,
    fr: (a) => `cellule « ${a.field} » vide${where(a, "fr")}`,
  },
  NOT_A_NUMBER: {
    en: (a) => `${qe(a.text)} is not a number${where(a, "en")}`,
    fr: (a) => `${qf(a.text)} n’est pas un nombre${where(a, "fr")}`,
  },
  AMBIGUOUS_NUMBER: {
    en: (a) => `${qe(a.text)} is ambiguous: ${a.a} or ${a.b}?${where(a, "en")}`,
    fr: (a) => `${qf(a.text)} est ambigu : ${nf(a.a)} ou ${nf(a.b)} ?${where(a, "fr")}`,
  },
  UNKNOWN_VALUE: {
    en: (a) => `${a.count} value(s) unknown (empty, "?", occulted): kept as unknown, not as zero`,
    fr: (a) => `${a.count} valeur(s) inconnue(s) (vide, « ? », occultée) : gardée(s) comme inconnue(s), pas comme zéro`,
  },
  INVALID_ID: {
    en: (a) => `invalid criterion id ${qe(a.id)}: letters, digits, ".", "_" and "-" only`,
    fr: (a) => `identifiant de critère invalide ${qf(a.id)} ; attendu : lettres, chiffres, « . », « _ » et « - »`,
  },
  DUPLICATE_ID: {
    en: (a) => `criterion ${qe(a.id)} is already defined on line ${a.firstLine}`,
    fr: (a) => `le critère ${qf(a.id)} est déjà défini ligne ${a.firstLine}`,
  },
  UNKNOWN_PARENT: {
    en: (a) => `criterion ${qe(a.node)} has an unknown parent ${qe(a.parent)}`,
    fr: (a) => `le critère ${qf(a.node)} a un parent inconnu ${qf(a.parent)}`,
  },
  CYCLE: {
    en: (a) => `criteria form a cycle through their parents: ${a.cycle}`,
    fr: (a) => `les critères forment un cycle par leurs parents : ${a.cycle}`,
  },
  INVALID_TYPE: {
    en: (a) => `criterion ${qe(a.node)} has type ${qe(a.text)}; expected: ${a.expected}`,
    fr: (a) => `le critère ${qf(a.node)} a la nature ${qf(a.text)} ; attendu : ${a.expected}`,
  },
  IGNORED_FIELD: {
    en: (a) =>
      a.reason === "inner"
        ? `"${a.field}" is set on ${qe(a.node)}, which has sub-criteria: ignored (its points are the sum of theirs)`
        : `"${a.field}" is set on ${qe(a.node)}, whose method uses no score scale: ignored`,
    fr: (a) =>
      a.reason === "inner"
        ? `« ${a.field} » est renseigné pour ${qf(a.node)}, qui a des sous-critères : ignoré (ses points sont la somme des leurs)`
        : `« ${a.field} » est renseigné pour ${qf(a.node)}, dont la méthode n’utilise pas de barème : ignoré`,
  },
  METHOD_SYNTAX: {
    en: (a) => `cannot read method ${qe(a.text)} of ${qe(a.node)}; expected e.g. linear-lowest(n=3)`,
    fr: (a) => `méthode ${qf(a.text)} de ${qf(a.node)} illisible ; attendu par exemple : linear-lowest(n=3)`,
  },
  UNKNOWN_METHOD: {
    en: (a) => `unknown method ${qe(a.method)} for ${qe(a.node)}; expected one of: ${a.expected}`,
    fr: (a) => `méthode inconnue ${qf(a.method)} pour ${qf(a.node)} ; attendu : ${a.expected}`,
  },
  UNKNOWN_PARAMETER: {
    en: (a) => `method ${a.method} of ${qe(a.node)} has no parameter "${a.param}" (parameters: ${a.expected})`,
    fr: (a) => `la méthode ${a.method} de ${qf(a.node)} n’a pas de paramètre « ${a.param} » (paramètres : ${a.expected})`,
  },
  MISSING_PARAMETER: {
    en: (a) => `method ${a.method} of ${qe(a.node)} needs parameter "${a.param}"`,
    fr: (a) => `la méthode ${a.method} de ${qf(a.node)} exige le paramètre « ${a.param} »`,
  },
  INVALID_PARAMETER: {
    en: (a) => `parameter ${a.param}=${a.value} of ${a.method} (${qe(a.node)}) is invalid; expected: ${a.expected}`,
    fr: (a) => `paramètre ${a.param}=${a.value} de ${a.method} (${qf(a.node)}) invalide ; attendu : ${expectedFr(a.expected)}`,
  },
  METHOD_NOT_APPLICABLE: {
    en: (a) => `method ${a.method} does not apply to ${qe(a.node)} of type ${a.type}; it applies to: ${a.expected}`,
    fr: (a) => `la méthode ${a.method} ne s’applique pas à ${qf(a.node)} de nature ${a.type} ; elle s’applique à : ${a.expected}`,
  },
  MISSING_MAX: {
    en: (a) => `criterion ${qe(a.node)} is scored directly but has no score scale ("max" column)`,
    fr: (a) => `le critère ${qf(a.node)} est noté directement mais n’a pas de barème (colonne « bareme »)`,
  },
  INVALID_MAX: {
    en: (a) => `score scale ${qe(a.text)} of ${qe(a.node)} must be > 0`,
    fr: (a) => `le barème ${qf(a.text)} de ${qf(a.node)} doit être > 0`,
  },
  INVALID_THRESHOLD: {
    en: (a) =>
      a.max === ""
        ? `threshold ${qe(a.text)} of ${qe(a.node)} must be ≥ 0`
        : `threshold ${a.text} of ${qe(a.node)} exceeds its weight (${a.max} points): every offer would be eliminated`,
    fr: (a) =>
      a.max === ""
        ? `le seuil ${qf(a.text)} de ${qf(a.node)} doit être ≥ 0`
        : `le seuil ${nf(a.text)} de ${qf(a.node)} dépasse son poids (${nf(a.max)} points) : toute offre serait éliminée`,
  },
  INVALID_DECIMALS: {
    en: (a) => `decimals ${qe(a.text)} of ${qe(a.node)}: expected a non-negative integer`,
    fr: (a) => `arrondi ${qf(a.text)} de ${qf(a.node)} ; attendu : un entier positif ou nul`,
  },
  NEGATIVE_WEIGHT: {
    en: (a) => `weight ${qe(a.text)} of ${qe(a.node)} is negative`,
    fr: (a) => `le poids ${qf(a.text)} de ${qf(a.node)} est négatif`,
  },
  ZERO_TOTAL_WEIGHT: {
    en: () => "every top-level criterion has weight 0",
    fr: () => "tous les critères de premier niveau ont un poids nul",
  },
  ZERO_CHILD_WEIGHTS: {
    en: (a) => `every sub-criterion of ${qe(a.parent)} has weight 0, but it is worth ${ne(a.expected)} points`,
    fr: (a) => `tous les sous-critères de ${qf(a.parent)} ont un poids nul, alors qu’il vaut ${nf(a.expected)} points`,
  },
  WEIGHTS_DO_NOT_ADD_UP: {
    en: (a) => `the sub-criteria of ${qe(a.parent)} add up to ${ne(a.found)}; expected ${ne(a.expected)} (its points) or 100 (percent)`,
    fr: (a) => `les sous-critères de ${qf(a.parent)} totalisent ${nf(a.found)} ; attendu : ${nf(a.expected)} (ses points) ou 100 (pourcentage)`,
  },
  WEIGHTS_READ_AS_PERCENT: {
    en: (a) => `the sub-criteria of ${qe(a.parent)} add up to 100: read as percent of its ${ne(a.expected)} points`,
    fr: (a) => `les sous-critères de ${qf(a.parent)} totalisent 100 : lus comme pourcentages de ses ${nf(a.expected)} points`,
  },
  WEIGHTS_RESCALED: {
    en: (a) => `the sub-criteria of ${qe(a.parent)} add up to ${ne(a.found)}, not ${ne(a.expected)}: rescaled proportionally (--rescale-weights)`,
    fr: (a) => `les sous-critères de ${qf(a.parent)} totalisent ${nf(a.found)} et non ${nf(a.expected)} : pondérations ramenées proportionnellement (--rescale-weights)`,
  },
  MISSING_LEAF_COLUMN: {
    en: (a) => `no column for criterion ${qe(a.node)}`,
    fr: (a) => `aucune colonne pour le critère ${qf(a.node)}`,
  },
  INNER_NODE_COLUMN: {
    en: (a) => `column ${qe(a.column)} names criterion ${qe(a.node)}, which has sub-criteria: its points are computed, not given (use declared:${a.node} for a published figure)`,
    fr: (a) => `la colonne ${qf(a.column)} désigne le critère ${qf(a.node)}, qui a des sous-critères : ses points se calculent, ils ne se saisissent pas (publie:${a.node} pour une note publiée)`,
  },
  UNKNOWN_DECLARED_NODE: {
    en: (a) => `column ${qe(a.column)}: no criterion ${qe(a.node)} (expected total, rank or a criterion id)`,
    fr: (a) => `colonne ${qf(a.column)} : aucun critère ${qf(a.node)} (attendu : total, rang ou un identifiant de critère)`,
  },
  DUPLICATE_OFFER: {
    en: (a) => `offer ${qe(a.offer)} already appears on line ${a.firstLine}`,
    fr: (a) => `l’offre ${qf(a.offer)} figure déjà ligne ${a.firstLine}`,
  },
  UNKNOWN_STATUS: {
    en: (a) => `offer ${qe(a.offer)} has status ${qe(a.text)}; expected: ${a.expected}`,
    fr: (a) => `l’offre ${qf(a.offer)} a le statut ${qf(a.text)} ; attendu : ${a.expected}`,
  },
  NON_POSITIVE_PRICE: {
    en: (a) => `offer ${qe(a.offer)} has price ${a.text} on ${qe(a.node)}; expected > 0`,
    fr: (a) => `l’offre ${qf(a.offer)} a un prix de ${a.text} sur ${qf(a.node)} ; attendu : > 0`,
  },
  SCORE_ABOVE_SCALE: {
    en: (a) => `offer ${qe(a.offer)} has note ${a.text} on ${qe(a.node)} (scale 0–${ne(a.max)})`,
    fr: (a) => `l’offre ${qf(a.offer)} a la note ${a.text} sur ${qf(a.node)} (barème 0–${nf(a.max)})`,
  },
  SCORE_BELOW_SCALE: {
    en: (a) => `offer ${qe(a.offer)} has note ${a.text} on ${qe(a.node)} (scale 0–${ne(a.max)})`,
    fr: (a) => `l’offre ${qf(a.offer)} a la note ${a.text} sur ${qf(a.node)} (barème 0–${nf(a.max)})`,
  },
  NEGATIVE_SCORE: {
    en: (a) => `offer ${qe(a.offer)} has score ${a.text} on ${qe(a.node)}; expected ≥ 0`,
    fr: (a) => `l’offre ${qf(a.offer)} a la note ${a.text} sur ${qf(a.node)} ; attendu : ≥ 0`,
  },
  INVALID_RANK: {
    en: (a) => `offer ${qe(a.offer)} has published rank ${qe(a.text)}; expected a positive integer`,
    fr: (a) => `l’offre ${qf(a.offer)} a le rang publié ${qf(a.text)} ; attendu : un entier strictement positif`,
  },
  UNKNOWN_CRITERION: {
    en: (a) => `offer ${qe(a.offer)}: no leaf criterion ${qe(a.node)} (expected one of: ${a.expected})`,
    fr: (a) => `offre ${qf(a.offer)} : aucun sous-critère noté ${qf(a.node)} (attendu : ${a.expected})`,
  },
  DUPLICATE_PAIR: {
    en: (a) => `offer ${qe(a.offer)} already has a value for ${qe(a.node)} on line ${a.firstLine}`,
    fr: (a) => `l’offre ${qf(a.offer)} a déjà une valeur pour ${qf(a.node)} ligne ${a.firstLine}`,
  },
  MISSING_PAIR: {
    en: (a) => `offer ${qe(a.offer)} has no row for ${a.nodes}: kept as unknown`,
    fr: (a) => `l’offre ${qf(a.offer)} n’a pas de ligne pour ${a.nodes} : valeur(s) gardée(s) comme inconnue(s)`,
  },
  CONFLICTING_VALUE: {
    en: (a) => `offer ${qe(a.offer)} has ${a.field} ${qe(a.b)} here but ${qe(a.a)} on line ${a.firstLine}`,
    fr: (a) => `l’offre ${qf(a.offer)} a ici ${a.field} ${qf(a.b)} mais ${qf(a.a)} ligne ${a.firstLine}`,
  },
  UNKNOWN_WEIGHT_KIND: {
    en: (a) => `criterion ${qe(a.node)} has weight kind ${qe(a.text)}; expected: ${a.expected}`,
    fr: (a) => `le critère ${qf(a.node)} a le type de pondération ${qf(a.text)} ; attendu : ${a.expected}`,
  },
  MIXED_WEIGHT_KINDS: {
    en: (a) => `criterion ${qe(a.node)} has weight kind ${qe(a.text)}, but line ${a.firstLine} says ${qe(a.first)}: one kind per grid`,
    fr: (a) => `le critère ${qf(a.node)} a le type de pondération ${qf(a.text)}, mais la ligne ${a.firstLine} indique ${qf(a.first)} : un seul type par grille`,
  },
  INVALID_ORDER: {
    en: (a) => `criterion ${qe(a.node)} has rank ${qe(a.text)} in an order of importance; expected a positive integer (1 = most important)`,
    fr: (a) => `le critère ${qf(a.node)} a le rang ${qf(a.text)} dans un ordre d’importance ; attendu : un entier strictement positif (1 = le plus important)`,
  },
  WEIGHTS_DECIMAL: {
    en: () => "weights given as decimal fractions (sum 1): read as percent (× 100)",
    fr: () => "pondérations données en fractions décimales (somme 1) : lues en pourcentage (× 100)",
  },
  WEIGHTS_APPROXIMATE: {
    en: (a) => `the weights of ${a.nodes} are the middle of a published range: every figure that depends on them is approximate`,
    fr: (a) => `les pondérations de ${a.nodes} sont le milieu d’une fourchette publiée : tout résultat qui en dépend est approché`,
  },
  WEIGHTS_ORDER_ONLY: {
    en: () =>
      "only the order of importance of the criteria is published (ord-imp): the scores use rank-sum weights as a stand-in; only rankings robust to every weighting in that order are conclusive",
    fr: () =>
      "seul l’ordre d’importance des critères est publié (ord-imp) : les notes utilisent des poids « somme des rangs » à titre indicatif ; seuls les classements valables pour toute pondération respectant cet ordre sont probants",
  },
} satisfies Record<LoadCode | UsageCode, Record<Lang, Words>>;

const HINTS: Partial<Record<LoadCode, Record<Lang, string>>> = {
  WEIGHTS_ORDER_ONLY: {
    en: "the weight analysis and SMAA treat the weights as ordinal: only their order is known",
    fr: "l’analyse des pondérations et la SMAA traitent les poids comme ordinaux : seul leur ordre est connu",
  },
  WEIGHTS_DO_NOT_ADD_UP: {
    en: "correct the weights, or run with --rescale-weights to scale the sub-criteria proportionally",
    fr: "corrigez les pondérations, ou relancez avec --rescale-weights pour les ramener proportionnellement",
  },
  AMBIGUOUS_NUMBER: {
    en: "write the number without a thousands separator (1234) or with the file's decimal separator",
    fr: "écrivez le nombre sans séparateur de milliers (1234) ou avec le séparateur décimal du fichier",
  },
  MISSING_MAX: {
    en: "add a max column (e.g. 10 for scores out of 10)",
    fr: "ajoutez une colonne bareme (par exemple 10 pour des notes sur 10)",
  },
  UNKNOWN_COLUMN: {
    en: "offer columns are matched to the ids of criteria.csv, ignoring case",
    fr: "les colonnes des offres sont rapprochées des identifiants de criteria.csv, sans tenir compte de la casse",
  },
};

export const DIAGNOSTIC_CODES: readonly string[] = [...Object.keys(LOAD_CODES), ...Object.keys(USAGE_CODES)];

function isLoadCode(code: string): code is LoadCode | UsageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The message only, without location, severity or code. */
export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  if (!isLoadCode(d.code)) return `${d.code} ${JSON.stringify(d.args)}`;
  return MESSAGES[d.code][lang](d.args);
}

/** An optional second line telling the user what to do. */
export function diagnosticHint(d: Diagnostic, lang: Lang): string | undefined {
  return isLoadCode(d.code) ? HINTS[d.code as LoadCode]?.[lang] : undefined;
}

/**
 * Where a diagnostic is: `offers.csv:7`, or in a workbook `grid.xlsx[Offres]!D7` (a cell),
 * `grid.xlsx[Offres]:7` (a row), `grid.xlsx[Offres]` (the sheet).
 */
export function formatLocation(loc: Diagnostic["location"]): string {
  if (!loc) return "";
  if (loc.sheet !== undefined) {
    const base = `${loc.file}[${loc.sheet}]`;
    if (loc.cell !== undefined) return `${base}!${loc.cell}`;
    return hasLine(loc) ? `${base}:${loc.line}` : base;
  }
  return `${loc.file}${hasLine(loc) ? `:${loc.line}` : ""}`;
}

/** Line 0 (or none) means the whole file: no `:0`. */
const hasLine = (loc: NonNullable<Diagnostic["location"]>): boolean => loc.line !== undefined && loc.line > 0;

/** `erreur` / `avertissement` / `info` in French, the severity itself in English. */
export function severityWord(s: Diagnostic["severity"], lang: Lang): string {
  if (lang === "fr") return s === "error" ? "erreur" : s === "warning" ? "avertissement" : "info";
  return s;
}

/** `offers.csv:7: error[SCORE_ABOVE_SCALE]: …` (French: `erreur[…]`, `avertissement[…]`). */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const loc = d.location;
  const at = loc ? `${formatLocation(loc)}: ` : "";
  return `${at}${severityWord(d.severity, lang)}[${d.code}]: ${diagnosticMessage(d, lang)}`;
}
