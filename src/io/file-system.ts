// The few file-system questions commands ask (is it a folder, what does it hold) and the template
// writer of `init`. Commands stay free of node:fs; this module is the edge.
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

/** "dir", "file", or null when the path does not exist (or cannot be stat'ed). */
export async function kindOf(p: string): Promise<"dir" | "file" | null> {
  try {
    return (await stat(p)).isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}

/** The entries of a folder sorted by code point, so the order is the same on every machine. */
export async function listDir(dir: string): Promise<DirEntry[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Write new text files into `dir` (created if needed). Without `force`, refuses when any of them
 * exists and writes nothing: returns the paths in the way.
 */
export async function writeNewFiles(
  dir: string,
  files: readonly { name: string; content: string }[],
  force: boolean,
): Promise<{ ok: true } | { ok: false; existing: string[] } | { ok: false; notDir: true }> {
  const k = await kindOf(dir);
  if (k === "file") return { ok: false, notDir: true };
  const existing: string[] = [];
  for (const f of files) if ((await kindOf(path.join(dir, f.name))) !== null) existing.push(path.join(dir, f.name));
  if (existing.length > 0 && !force) return { ok: false, existing };
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(path.join(dir, f.name), f.content, "utf8");
  return { ok: true };
}
