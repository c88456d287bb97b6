// `psc-audit init`: the template is accepted by validate as is, in both languages; nothing is overwritten.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInit } from "../../src/commands/init.js";
import { runValidateMany } from "../../src/commands/validate.js";
import { runScore } from "../../src/commands/score.js";

const base = mkdtempSync(path.join(tmpdir(), "psc-init-"));

describe("init → validate", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`${lang}: writes the template, which validates and scores without a warning`, async () => {
      const dir = path.join(base, lang, "new-folder");
      const init = await runInit(dir, { lang, force: false });
      expect(init.exitCode).toBe(0);
      const note = lang === "fr" ? "LISEZMOI.md" : "README.md";
      const text = readFileSync(path.join(dir, note), "utf8");
      for (const col of lang === "fr" ? ["id", "parent", "libelle", "poids", "nature", "methode", "bareme", "seuil", "arrondi", "offre", "statut"] : ["label", "weight", "type", "method", "max", "min_score", "decimals", "offer", "status"]) {
        expect(text).toContain(`\`${col}\``);
      }
      const v = await runValidateMany([dir], { lang, rescaleWeights: false, format: "text" });
      expect(v.exitCode).toBe(0);
      expect(String(v.output)).not.toMatch(/warning\[|avertissement\[|erreur\[|error\[/);
      const s = await runScore(dir, { format: "json", detail: false, lang, color: false, rescaleWeights: false });
      expect(s.exitCode).toBe(0);
    });
  }

  it("refuses to overwrite (exit 2, nothing written) unless --force", async () => {
    const dir = path.join(base, "existing");
    await runInit(dir, { lang: "fr", force: false });
    writeFileSync(path.join(dir, "offers.csv"), "mine");
    const again = await runInit(dir, { lang: "fr", force: false });
    expect(again.exitCode).toBe(2);
    expect(again.messages.join("\n")).toContain("--force");
    expect(readFileSync(path.join(dir, "offers.csv"), "utf8")).toBe("mine");
    const forced = await runInit(dir, { lang: "fr", force: true });
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, "offers.csv"), "utf8")).toContain("offre;libelle");
  });
});
