// The layering, checked: the core is pure. Only the CLI and io edges touch the file system, the
// process and the terminal; only renderers for the terminal use colours.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}
const rel = (p: string) => path.relative(SRC, p).split(path.sep).join("/");
const sources = files(SRC).map((p) => ({ file: rel(p), text: readFileSync(p, "utf8") }));

// Edges allowed to do IO. smaa/parallel.ts checks that the compiled worker file exists.
const IO_ALLOWED = [/^cli\//, /^io\//, /^smaa\/parallel\.ts$/, /^smaa\/worker\.ts$/];

describe("architecture", () => {
  it("keeps node:fs, stdout/stderr and process.exit out of the core", () => {
    const offenders = sources
      .filter((s) => !IO_ALLOWED.some((r) => r.test(s.file)))
      .filter((s) => /from "node:fs(\/promises)?"|process\.(stdout|stderr|exit|argv)\b|console\.(log|error)/.test(s.text))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it("sets the exit code in one place", () => {
    const setters = sources.filter((s) => /process\.exitCode\s*=/.test(s.text)).map((s) => s.file);
    expect(setters).toEqual(["cli/main.ts"]);
  });

  it("uses chalk only in terminal renderers", () => {
    const users = sources.filter((s) => /from "chalk"/.test(s.text)).map((s) => s.file);
    for (const u of users) expect(u).toMatch(/^report\/renderers\/.*(terminal|table)[^/]*\.ts$|^cli\//);
  });

  it("keeps the exact core free of dependencies", () => {
    for (const s of sources.filter((x) => x.file.startsWith("exact/"))) {
      const imports = [...s.text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const i of imports) expect(i.startsWith("."), `${s.file} imports ${i}`).toBe(true);
    }
  });

  it("keeps commands free of the CLI: types only, and the exit-code contract (cli/exit-code.ts)", () => {
    for (const s of sources.filter((x) => x.file.startsWith("commands/"))) {
      const valueImports = [...s.text.matchAll(/^import (?!type )[^;]*from "(\.\.\/cli\/[^"]+)"/gm)].map((m) => m[1]!);
      for (const i of valueImports) expect(i, `${s.file} imports ${i}`).toBe("../cli/exit-code.js");
    }
  });

  it("main.ts loads the diagnostic words lazily (start-up time)", () => {
    const main = sources.find((s) => s.file === "cli/main.ts")!.text;
    expect(main).not.toMatch(/^import [^;]*from "\.\.\/i18n\/messages\.js"/m);
  });
});
