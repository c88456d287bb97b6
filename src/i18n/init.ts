// The words and files of `psc-audit init`: a template grid (criteria.csv, offers.csv) and a note that
// explains every column, in French (LISEZMOI.md, `;` and decimal comma, as French Excel saves) or in
// English (README.md, `,` and decimal point). The template data is synthetic but realistic.
import type { Lang } from "./lang.js";

export interface InitTemplate {
  files: { name: string; content: string }[];
}

const CRITERIA_FR = `id;parent;libelle;poids;nature;methode;bareme;seuil;arrondi
A;;Rapport qualité des garanties / tarif;45;;;;;
A.tarif;A;Tarif (cotisation mensuelle TTC);25;prix;proportional;;;2
A.garanties;A;Niveau des garanties;20;qualité;direct;20;;2
B;;Maîtrise financière du contrat;20;;;;;
B.pilotage;B;Pilotage et suivi du régime;20;qualité;direct;20;;2
C;;Qualité de gestion et des services;30;;;;;
C.agents;C;Services aux agents;20;qualité;direct;20;;2
C.rh;C;Services aux gestionnaires RH;10;qualité;direct;10;;2
D;;Actions de prévention;5;;;;;
D.actions;D;Actions de prévention incluses;5;qualité;direct;5;;2
`;

const OFFERS_FR = `offre;libelle;statut;A.tarif;A.garanties;B.pilotage;C.agents;C.rh;D.actions
O1;Mutuelle exemple 1 (fictive);;61,40;16;15;16;8;4
O2;Assureur exemple 2 (fictif);;54,90;14;13;15;7;3
O3;Groupement exemple 3 (fictif);;58,75;17;16;17;9;4,5
`;

const CRITERIA_EN = `id,parent,label,weight,type,method,max,min_score,decimals
price,,Price (monthly premium),40,price,proportional,,,2
quality,,Technical merit,60,,,,,
quality.cover,quality,Level of cover,30,quality,direct,10,,2
quality.service,quality,Service to members,20,quality,direct,10,,2
quality.prevention,quality,Prevention actions,10,quality,direct,10,,2
`;

const OFFERS_EN = `offer,label,status,price,quality.cover,quality.service,quality.prevention
T1,Example insurer 1 (fictitious),,61.40,8,7,6
T2,Example insurer 2 (fictitious),,54.90,7,6.5,5
T3,Example group 3 (fictitious),,58.75,8.5,8,7
`;

const NOTE_FR = `# Grille de notation à compléter (modèle psc-audit)

Ce dossier contient un modèle **fictif** : remplacez les lignes par celles de votre marché, puis vérifiez :

    psc-audit validate .
    psc-audit score offers.csv

Les fichiers sont au format du « CSV (séparateur : point-virgule) » d’Excel : séparateur \`;\`, virgule décimale.
Ils s’ouvrent et s’enregistrent dans Excel ou LibreOffice ; gardez ce format (ou enregistrez un classeur
.xlsx avec une feuille « Critères » et une feuille « Offres » ayant les mêmes colonnes).

## criteria.csv : une ligne par critère ou sous-critère

| colonne | sens |
|---|---|
| \`id\` | identifiant unique du critère (lettres, chiffres, \`.\`, \`_\`, \`-\`), ex. \`A.tarif\` |
| \`parent\` | identifiant du critère parent ; vide pour un critère de premier niveau |
| \`libelle\` | intitulé du critère tel que publié dans le règlement de consultation |
| \`poids\` | pondération en points de la note totale ; les sous-critères se partagent les points de leur parent (A = 45 = 25 + 20). Des sous-critères qui totalisent 100 sont lus comme des pourcentages du parent |
| \`nature\` | \`prix\`, \`coût\` ou \`qualité\` (sous-critères notés seulement ; défaut : qualité) |
| \`methode\` | méthode de notation : \`proportional\` (prix : poids × prix le plus bas / prix), \`linear-minmax\`, \`direct\` (note / barème)… ; \`psc-audit methods\` les liste toutes |
| \`bareme\` | note maximale d’un critère noté directement (5, 10, 20…) ; obligatoire pour \`direct\` |
| \`seuil\` | facultatif : note éliminatoire, en points de ce critère |
| \`arrondi\` | facultatif : nombre de décimales auxquelles l’acheteur arrondit les points (2 = au centième) |

## offers.csv : une ligne par offre

| colonne | sens |
|---|---|
| \`offre\` | identifiant unique de l’offre (O1, O2… ou le nom du soumissionnaire) |
| \`libelle\` | nom affiché |
| \`statut\` | vide si l’offre est admise ; sinon \`exclue\`, \`irrégulière\`, \`inacceptable\`, \`inappropriée\` ou \`anormalement basse\` : l’offre n’est pas classée et n’entre dans aucune formule relative |
| une colonne par sous-critère noté (\`A.tarif\`, \`A.garanties\`…) | la valeur brute : le prix pour un critère prix, la note sur le barème pour un critère noté directement. Une cellule vide ou \`?\` signifie « non publiée » (inconnue, jamais zéro) |

Facultatif : une colonne \`publie:total\` (ou \`publie:<id>\`, \`rang_publie\`) pour comparer les notes publiées
par l’acheteur à celles que psc-audit recalcule.

Les offres peuvent aussi être données « en long », une ligne par offre et par critère :
\`offre;critere;valeur\`.
`;

const NOTE_EN = `# Scoring grid to fill in (psc-audit template)

This folder holds a **fictitious** example: replace its rows with your tender's, then check them:

    psc-audit validate .
    psc-audit score offers.csv

The files are plain CSV (\`,\` separator, decimal point). They open in Excel or LibreOffice; keep the
format (or save an .xlsx workbook with a "criteria" sheet and an "offers" sheet with the same columns).

## criteria.csv: one row per criterion or sub-criterion

| column | meaning |
|---|---|
| \`id\` | unique id of the criterion (letters, digits, \`.\`, \`_\`, \`-\`), e.g. \`quality.cover\` |
| \`parent\` | id of the parent criterion; empty for a top-level criterion |
| \`label\` | the criterion's name as published in the tender documents |
| \`weight\` | weight in points of the total score; sub-criteria share their parent's points (quality = 60 = 30 + 20 + 10). Sub-criteria adding up to 100 are read as percent of the parent |
| \`type\` | \`price\`, \`cost\` or \`quality\` (scored leaves only; default quality) |
| \`method\` | scoring method: \`proportional\` (price: weight × lowest price / price), \`linear-minmax\`, \`direct\` (note / max)…; \`psc-audit methods\` lists them all |
| \`max\` | top of the note scale of a directly scored criterion (5, 10, 20…); required for \`direct\` |
| \`min_score\` | optional: elimination threshold, in this criterion's points |
| \`decimals\` | optional: the number of decimals the buyer rounds the points to (2 = hundredths) |

## offers.csv: one row per offer

| column | meaning |
|---|---|
| \`offer\` | unique id of the offer (T1, T2… or the bidder's name) |
| \`label\` | display name |
| \`status\` | empty when the offer is admitted; else \`excluded\`, \`irregular\`, \`unacceptable\`, \`inappropriate\` or \`abnormally-low\`: the offer is not ranked and left out of every relative formula |
| one column per scored leaf (\`price\`, \`quality.cover\`…) | the raw value: the amount for a price criterion, the note on its scale for a directly scored one. An empty cell or \`?\` means "not published" (unknown, never zero) |

Optional: a \`declared:total\` column (or \`declared:<id>\`, \`declared_rank\`) to compare the buyer's
published figures with psc-audit's recomputation.

Offers may also be given in long form, one row per offer and criterion: \`offer,criterion,value\`.
`;

export function initTemplate(lang: Lang): InitTemplate {
  return lang === "fr"
    ? {
        files: [
          { name: "criteria.csv", content: CRITERIA_FR },
          { name: "offers.csv", content: OFFERS_FR },
          { name: "LISEZMOI.md", content: NOTE_FR },
        ],
      }
    : {
        files: [
          { name: "criteria.csv", content: CRITERIA_EN },
          { name: "offers.csv", content: OFFERS_EN },
          { name: "README.md", content: NOTE_EN },
        ],
      };
}

type Args = Record<string, string | number>;
const WORDS = {
  fr: {
    exists: (a: Args) => `psc-audit init : ${a.files} existe(nt) déjà ; rien n’a été écrit (--force pour écraser)`,
    notDir: (a: Args) => `psc-audit init : ${a.dir} n’est pas un dossier`,
    cannotWrite: (a: Args) => `psc-audit init : impossible d’écrire dans ${a.dir} (${a.reason})`,
    wrote: (a: Args) => `Modèle écrit dans ${a.dir} : ${a.files}`,
    next: (a: Args) => `Complétez-le (voir ${a.note}), puis : npx psc-audit validate ${a.dir}`,
  },
  en: {
    exists: (a: Args) => `psc-audit init: ${a.files} already exist(s); nothing was written (--force to overwrite)`,
    notDir: (a: Args) => `psc-audit init: ${a.dir} is not a folder`,
    cannotWrite: (a: Args) => `psc-audit init: cannot write to ${a.dir} (${a.reason})`,
    wrote: (a: Args) => `Template written to ${a.dir}: ${a.files}`,
    next: (a: Args) => `Fill it in (see ${a.note}), then: npx psc-audit validate ${a.dir}`,
  },
} satisfies Record<Lang, Record<string, (a: Args) => string>>;

export function initWords(lang: Lang): (typeof WORDS)["en"] {
  return WORDS[lang];
}
