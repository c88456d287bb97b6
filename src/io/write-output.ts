// Writing results: to stdout, or to a file written whole or not at all (temporary file + rename),
// and never over one of the inputs.
import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Rendered } from "../report/renderers/types.js";

export class OutputRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: "is-input",
  ) {
    super(`refusing to write ${file}: it is an input file`);
  }
}

function resolveReal(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Write `content` to `file` atomically; refuse when `file` is one of `inputs`. */
export async function writeOutputFile(file: string, content: Rendered, inputs: readonly string[]): Promise<void> {
  const target = resolveReal(file);
  if (inputs.some((i) => resolveReal(i) === target)) throw new OutputRefusedError(file, "is-input");
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** Write to stdout; a closed pipe (`| head`) is not an error. */
export function writeStdout(content: Rendered): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(content, () => resolve());
  });
}
