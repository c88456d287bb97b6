// Stability intervals as bars on the weight axis 0–100 %: where the winner stays first, with the
// current weight marked. One row per criterion; the chart grows in height with the tree.
import { INK, esc, n, svgDocument, text, truncate } from "./svg.js";
import type { StabilityBarsInput } from "./types.js";

const WIDTH = 720;
const LEFT = 170;
const RIGHT = 130;
const ROW = 20;
const TOP = 18;

export function stabilityBarsSvg(input: StabilityBarsInput): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const X = (t: number): number => LEFT + Math.min(1, Math.max(0, t)) * plotW;
  const height = TOP + input.rows.length * ROW + 26;
  const bottom = TOP + input.rows.length * ROW;
  const body: string[] = [];
  for (let k = 0; k <= 10; k += 2) {
    const t = k / 10;
    body.push(`<line x1="${n(X(t))}" y1="${n(TOP - 4)}" x2="${n(X(t))}" y2="${n(bottom)}" stroke="#E3E3E3"/>`);
    body.push(text(X(t), bottom + 14, input.formatX(t), `text-anchor="middle" fill="#555555" font-size="10"`));
  }
  input.rows.forEach((row, r) => {
    const y = TOP + r * ROW;
    body.push(text(LEFT - 8, y + 11, truncate(row.label, 26 - 2 * row.depth), `text-anchor="end" fill="${INK}" font-weight="${row.depth === 0 ? "bold" : "normal"}"`));
    body.push(`<rect x="${n(X(0))}" y="${n(y + 4)}" width="${n(plotW)}" height="8" fill="#F1F1F1"/>`);
    const w = Math.max(1.5, X(row.upper) - X(row.lower));
    body.push(`<rect x="${n(X(row.lower))}" y="${n(y + 2)}" width="${n(w)}" height="12" fill="#0072B2" fill-opacity="0.75"><title>${esc(`${row.label}: ${row.text}`)}</title></rect>`);
    const cx = X(row.current);
    body.push(`<path d="M ${n(cx)} ${n(y)} L ${n(cx + 5)} ${n(y + 8)} L ${n(cx)} ${n(y + 16)} L ${n(cx - 5)} ${n(y + 8)} Z" fill="#D55E00" stroke="#FFFFFF" stroke-width="1"/>`);
    body.push(text(LEFT + plotW + 8, y + 11, row.text, `fill="${INK}" font-size="10"`));
  });
  return svgDocument(WIDTH, height, input.title, body);
}
