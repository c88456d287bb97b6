// `psc-audit init [DIR]`: write a template grid (criteria.csv, offers.csv and a note explaining every
// column) that `psc-audit validate DIR` accepts as is. Never overwrites a file without --force.
import { writeNewFiles } from "../io/file-system.js";
import path from "node:path";
import { EXIT } from "../cli/exit-code.js";
import { initTemplate, initWords } from "../i18n/init.js";
import type { Lang } from "../i18n/lang.js";
import type { CommandOutcome } from "./outcome.js";

export interface InitOptions {
  lang: Lang;
  force: boolean;
}

export async function runInit(dir: string | undefined, options: InitOptions): Promise<CommandOutcome> {
  const target = dir ?? ".";
  const words = initWords(options.lang);
  const files = initTemplate(options.lang).files;
  try {
    const written = await writeNewFiles(target, files, options.force);
    if (!written.ok) {
      return "notDir" in written
        ? { exitCode: EXIT.badInput, messages: [words.notDir({ dir: target })], inputs: [] }
        : { exitCode: EXIT.badInput, messages: [words.exists({ files: written.existing.join(", ") })], inputs: [] };
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { exitCode: EXIT.badInput, messages: [words.cannotWrite({ dir: target, reason })], inputs: [] };
  }
  const note = files[2]!.name;
  const output = [words.wrote({ dir: target, files: files.map((f) => f.name).join(", ") }), words.next({ dir: target, note: path.join(target, note) })].join("\n") + "\n";
  return { exitCode: EXIT.ok, output, messages: [], inputs: [] };
}
