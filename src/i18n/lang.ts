// The languages psc-audit speaks. French is the default: the users are French.
export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];
