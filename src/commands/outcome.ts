// What a command hands back to the CLI: the bytes to print or write, the messages for stderr and the
// exit code. Commands decide nothing about process, streams or files.
import type { Rendered } from "../report/renderers/types.js";
import type { ExitCode } from "../cli/exit-code.js";

export interface CommandOutcome {
  exitCode: ExitCode;
  /** The result, for stdout or for --output. */
  output?: Rendered;
  /** Lines for stderr (diagnostics, notes). */
  messages: string[];
  /** Input paths, so that --output can refuse to overwrite one. */
  inputs: string[];
  /** Files that go beside --output (the Markdown report's charts), written the same careful way. */
  extraFiles?: { path: string; content: string | Uint8Array }[];
}

/** Progress of a long run: `done` of `total` units, with an optional label. Commands call it; the CLI draws. */
export type ProgressReport = (done: number, total: number, label?: string) => void;
