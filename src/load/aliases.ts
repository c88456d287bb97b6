// Column-name and cell-value vocabularies (English, French, eForms/OCDS), matched case- and
// accent-insensitively. Pure data plus the normaliser that makes "Pondération (%)" read "ponderation".
import type { CriterionType, OfferStatus } from "../domain/types.js";

/** Lower case, accents and a trailing "(…)" removed, runs of spaces/_/-/./' collapsed to "_". */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/°/g, "o")
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/[\s_\-.'’]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export type CriteriaField =
  | "id"
  | "parent"
  | "label"
  | "weight"
  | "type"
  | "method"
  | "max"
  | "min_score"
  | "decimals"
  | "weight_kind";

export const CRITERIA_ALIASES: Record<CriteriaField, readonly string[]> = {
  id: ["id", "critere", "code", "ref", "reference", "id_critere", "critere_id", "n", "no", "num", "numero"],
  parent: ["parent", "parent_id", "id_parent", "critere_parent", "parent_critere"],
  label: ["label", "libelle", "name", "nom", "intitule", "description", "designation", "bt_734", "award_criterion_name", "sous_critere"],
  weight: ["weight", "poids", "ponderation", "coefficient", "coef", "points", "peso", "bt_541", "number", "award_criterion_number", "criterion_number"],
  type: ["type", "nature", "type_critere", "bt_539", "award_criterion_type", "criterion_type"],
  method: ["method", "methode", "formule", "methode_de_notation", "methode_notation", "bt_543"],
  max: ["max", "max_score", "note_max", "note_maximale", "bareme", "echelle", "note_sur"],
  min_score: ["min_score", "threshold", "seuil", "note_eliminatoire", "seuil_eliminatoire", "note_minimale", "bt_5423"],
  decimals: ["decimals", "arrondi", "decimales", "nb_decimales", "precision"],
  weight_kind: [
    "weight_kind",
    "bt_5421",
    "award_criterion_number_weight",
    "number_weight",
    "weight_type",
    "weighting",
    "type_ponderation",
    "nature_ponderation",
    "type_de_ponderation",
  ],
};

export type OfferField = "offer" | "bidder" | "label" | "status" | "declared_total" | "declared_rank";

/**
 * `offer` is the id column; `bidder` is a second-choice id: when both exist, the bidder column
 * becomes the label (unless a label column exists too).
 */
export const OFFER_ALIASES: Record<OfferField, readonly string[]> = {
  offer: ["offer", "offre", "id", "bid_id", "bid", "n_offre", "no_offre", "numero_offre", "bt_3201"],
  bidder: ["bidder", "soumissionnaire", "candidat", "attributaire", "entreprise", "opt_310"],
  label: ["label", "libelle", "nom", "name", "raison_sociale"],
  status: ["status", "statut", "etat"],
  declared_total: ["declared_total", "note_publiee", "total_publie", "note_totale_publiee", "note_finale_publiee"],
  declared_rank: ["declared_rank", "rang_publie", "classement_publie"],
};

/** Long offers tables: one row per (offer, criterion) pair. */
export const LONG_ALIASES: Record<"criterion" | "value", readonly string[]> = {
  criterion: ["criterion", "critere", "criteria", "criterion_id", "id_critere", "critere_id", "sous_critere", "subcriterion", "sub_criterion", "leaf"],
  value: ["value", "valeur", "note", "score", "raw_value", "valeur_brute", "note_brute", "amount_or_note"],
};

/** Offer columns that carry commentary: accepted and ignored. */
export const OFFER_IGNORED = ["comment", "commentaire", "commentaires", "remarque", "remarques", "observations", "appreciation"];

/** `declared:<id>` / `publie:<id>` (also `published:`, `publiee:`); the id part keeps its spelling. */
export const DECLARED_PREFIX = /^\s*(declared|published|publi[eé]e?)\s*:\s*(.+?)\s*$/i;
/** `score:<leaf>` / `note:<leaf>`: an explicit leaf column. */
export const SCORE_PREFIX = /^\s*(score|note)\s*:\s*(.+?)\s*$/i;
/** `comment:<leaf>` / `commentaire:<leaf>` / `appreciation:<leaf>`: ignored. */
export const COMMENT_PREFIX = /^\s*(comment|commentaire|appr[eé]ciation)\s*:/i;

export function matchAlias<F extends string>(header: string, table: Record<F, readonly string[]>): F | undefined {
  const n = normalizeName(header);
  for (const field of Object.keys(table) as F[]) if (table[field].includes(n)) return field;
  return undefined;
}

const TYPE_VALUES: Record<string, CriterionType> = {
  price: "price",
  prix: "price",
  tarif: "price",
  montant: "price",
  cost: "cost",
  cout: "cost",
  cout_global: "cost",
  quality: "quality",
  qualite: "quality",
  technique: "quality",
  valeur_technique: "quality",
};

export function readCriterionType(text: string): CriterionType | undefined {
  return TYPE_VALUES[normalizeName(text)];
}
export const TYPE_EXPECTED = "price, cost, quality (prix, coût, qualité)";

const STATUS_VALUES: Record<string, OfferStatus> = {
  "": "ok",
  ok: "ok",
  regular: "ok",
  reguliere: "ok",
  conforme: "ok",
  admise: "ok",
  excluded: "excluded",
  exclue: "excluded",
  exclu: "excluded",
  irregular: "irregular",
  irreguliere: "irregular",
  unacceptable: "unacceptable",
  inacceptable: "unacceptable",
  inappropriate: "inappropriate",
  inappropriee: "inappropriate",
  abnormally_low: "abnormally-low",
  anormalement_basse: "abnormally-low",
  oab: "abnormally-low",
};

export function readOfferStatus(text: string): OfferStatus | undefined {
  return STATUS_VALUES[normalizeName(text)];
}
export const STATUS_EXPECTED =
  "ok, excluded, irregular, unacceptable, inappropriate, abnormally-low (exclue, irrégulière, inacceptable, inappropriée, anormalement basse, OAB)";

const UNKNOWN_MARKERS = new Set(["", "?", "occulte", "secret", "n/c", "nc", "n_c", "inconnu", "unknown"]);

/** Empty, `?`, `occulté`, `secret`, `n/c`…: a value the buyer did not publish. */
export function isUnknownMarker(text: string): boolean {
  const t = text.trim();
  return UNKNOWN_MARKERS.has(t.toLowerCase()) || UNKNOWN_MARKERS.has(normalizeName(t));
}
