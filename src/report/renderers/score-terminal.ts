// Terminal table for `psc-audit score`. The only renderer that knows about colour (chalk), and it
// gets its colour level from the CLI's policy: cli-table3's own border colours are switched off.
// It fits the terminal when the CLI gives its width: first the offer-name column is shortened (to
// 10 characters at least, with "…"); if the table is still too wide (many criteria, --detail), it is
// printed transposed: one row per criterion, indented by depth, one column per offer, total and rank
// rows at the bottom.
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import { describeMethod } from "../../i18n/methods.js";
import { t } from "../../i18n/ui.js";
import { buildScoreTable, type ScoreTable } from "../score-table.js";
import type { ScoreModel } from "../score-model.js";
import { terminalSafe } from "../text-safety.js";
import { wrapText } from "../text-wrap.js";
import type { RenderOptions } from "./types.js";

/** The shortest the offer-name column gets before the table is transposed. */
const MIN_LABEL = 10;
/** A French method name is added to the legend when it is at most this long. */
const SHORT_METHOD_NAME = 40;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleWidth = (text: string): number => Math.max(0, ...text.split("\n").map((l) => [...l.replace(ANSI, "")].length));
const cut = (text: string, max: number): string => ([...text].length <= max ? text : [...text].slice(0, max - 1).join("") + "…");

export function renderScoreTerminal(model: ScoreModel, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const table = buildScoreTable(model, options.lang, options.detail);
  let grid = offerRows(table, chalk);
  if (options.width !== undefined && visibleWidth(grid) > options.width) {
    const hasLabels = table.rows.some((r) => r.cells[2] !== "");
    if (hasLabels) {
      const longest = Math.max(...table.rows.map((r) => [...r.cells[2]!].length));
      const room = Math.max(MIN_LABEL, longest - (visibleWidth(grid) - options.width));
      grid = offerRows(table, chalk, room);
    }
    if (visibleWidth(grid) > options.width) grid = criterionRows(table, chalk, options);
  }

  const lines: string[] = [grid, ""];
  const shown = table.legend.filter((l) => options.detail || l.depth === 0 || table.columns.includes(l.id));
  const idWidth = Math.max(...shown.map((l) => l.id.length + 2 * l.depth));
  // Prose wraps to the terminal when its width is known; colour goes on after wrapping.
  const fit = (text: string): string => (options.width ? wrapText(text, options.width) : text);
  for (const l of shown) {
    const id = terminalSafe(("  ".repeat(l.depth) + l.id).padEnd(idWidth));
    const method = l.method ? `  [${terminalSafe(methodLabel(l.method, l.spec, options))}]` : "";
    const text = `${terminalSafe(l.label)} (${l.weight}\u00A0pts)${method}`;
    // The label wraps in its own column, past the id column.
    const room = options.width ? Math.max(20, options.width - idWidth - 4) : Infinity;
    const [first = "", ...more] = (Number.isFinite(room) ? wrapText(text, room) : text).split("\n");
    lines.push(`  ${chalk.cyan(id)}  ${first}`, ...more.map((m) => " ".repeat(idWidth + 4) + m));
  }
  lines.push("");
  for (const n of table.notes) lines.push(fit(terminalSafe(n)));
  for (const w of table.warnings) lines.push(chalk.yellow(fit(terminalSafe(w))));
  return lines.join("\n") + "\n";
}

/** The method id as written, and in French its name when short: `proportional — Proportionnelle…`. */
function methodLabel(text: string, spec: ScoreTable["legend"][number]["spec"], options: RenderOptions): string {
  if (options.lang !== "fr" || spec === null) return text;
  const name = describeMethod(spec, "fr").name;
  return name !== spec.id && name.length <= SHORT_METHOD_NAME ? `${text} — ${name}` : text;
}

/** One row per offer (the usual table); offer names cut to `labelWidth` when given. */
function offerRows(table: ScoreTable, chalk: ChalkInstance, labelWidth?: number): string {
  const hasLabels = table.rows.some((r) => r.cells[2] !== "");
  const keep = (cells: string[]) => (hasLabels ? cells : cells.filter((_, i) => i !== 2));
  const numericFrom = hasLabels ? 3 : 2;
  const out = new Table({
    head: keep(table.header).map((h) => chalk.bold(terminalSafe(h))),
    style: { head: [], border: [], compact: true },
    colAligns: keep(table.header).map((_, i) => (i === 0 || i >= numericFrom ? "right" : "left")),
  });
  for (const row of table.rows) {
    const paint = row.kind === "winner" ? chalk.green.bold : row.kind === "unranked" ? chalk.dim : (s: string) => s;
    const cells = row.cells.map((c, i) => (i === 2 && labelWidth !== undefined ? cut(terminalSafe(c), labelWidth) : terminalSafe(c)));
    out.push(keep(cells).map((c) => paint(c)));
  }
  return out.toString();
}

/** Transposed: one row per criterion (indented by depth), one column per offer, then total and rank. */
function criterionRows(table: ScoreTable, chalk: ChalkInstance, options: RenderOptions): string {
  const depth = new Map(table.legend.map((l) => [l.id, l.depth]));
  const offers = table.rows;
  const out = new Table({
    head: [chalk.bold(t(options.lang, "criterion")), ...offers.map((r) => (r.kind === "winner" ? chalk.green.bold : chalk.bold)(terminalSafe(r.cells[1]!)))],
    style: { head: [], border: [], compact: true },
    colAligns: ["left", ...offers.map(() => "right" as const)],
  });
  table.columns.forEach((id, j) => {
    out.push([terminalSafe("  ".repeat(depth.get(id) ?? 0) + id), ...offers.map((r) => terminalSafe(r.cells[3 + j]!))]);
  });
  const paint = (r: ScoreTable["rows"][number], s: string) => (r.kind === "winner" ? chalk.green.bold(s) : r.kind === "unranked" ? chalk.dim(s) : s);
  out.push([chalk.bold(t(options.lang, "total")), ...offers.map((r) => paint(r, terminalSafe(r.cells.at(-1)!)))]);
  out.push([chalk.bold(t(options.lang, "rank")), ...offers.map((r) => paint(r, terminalSafe(r.cells[0]!)))]);
  return out.toString();
}
