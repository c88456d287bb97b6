// A tiny progress bar on stderr, drawn only when stderr is a terminal with a known width and not in
// CI; otherwise every call does nothing (pipes, files and CI logs stay clean). The label (a path
// from the command line or the disk) is made inert first.
import { terminalSafe } from "../report/text-safety.js";

export interface Progress {
  /** Advance by `n` (default 1), with an optional label for the current item. */
  tick(n?: number, label?: string): void;
  /** Erase the bar. */
  done(): void;
}

interface TtyLike {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

const SILENT: Progress = { tick: () => {}, done: () => {} };

export function progressEnabled(stream: TtyLike = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (stream.columns ?? 0) > 0 && !env.CI;
}

export function createProgress(total: number, stream: TtyLike = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!progressEnabled(stream, env) || total <= 0) return SILENT;
  let count = 0;
  let last = "";
  const draw = (raw: string): void => {
    const label = terminalSafe(raw);
    const cols = stream.columns ?? 80;
    // Analyses report percentages (total 100); batches report tenders.
    const counter = total === 100 ? ` ${count} % ` : ` ${count}/${total} `;
    const barWidth = Math.max(10, Math.min(40, cols - counter.length - 20));
    const filled = Math.round((barWidth * count) / total);
    const room = Math.max(0, cols - barWidth - counter.length - 3);
    const text = label.length > room ? "…" + label.slice(label.length - room + 1) : label;
    const line = `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}]${counter}${text}`;
    if (line === last) return;
    last = line;
    stream.write(`\r\x1b[2K${line}`);
  };
  return {
    tick(n = 1, label = "") {
      count = Math.min(total, count + n);
      draw(label);
    },
    done() {
      if (last !== "") stream.write("\r\x1b[2K");
      last = "";
    },
  };
}

/**
 * A progress sink for commands: the bar is created on the first report (when the total is known) and
 * erased by `finish`. Silent off a terminal.
 */
export function progressSink(): { report: (done: number, total: number, label?: string) => void; finish: () => void } {
  let bar: Progress | null = null;
  let shown = 0;
  return {
    report(done, total, label = "") {
      bar ??= createProgress(total);
      bar.tick(done - shown, label);
      shown = done;
    },
    finish() {
      bar?.done();
    },
  };
}
