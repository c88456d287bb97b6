// Stacked horizontal bars of each offer's points per top-level criterion. Horizontal, so that 30
// offers stay readable: the chart grows in height, never in label overlap.
import { INK, MUTED, colorAt, esc, n, niceTicks, svgDocument, text, truncate } from "./svg.js";
import type { StackedBarsInput } from "./types.js";

const WIDTH = 720;
const LEFT = 120;
const RIGHT = 64;
const ROW = 22;
const BAR = 14;

export function stackedBarsSvg(input: StackedBarsInput): string {
  const body: string[] = [];
  // Legend on top, wrapped: swatch + truncated label.
  let x = LEFT;
  let y = 16;
  for (const [i, s] of input.series.entries()) {
    const label = truncate(`${s.key} ${s.label}`, 34);
    const w = 18 + label.length * 6.2;
    if (x + w > WIDTH - 8) {
      x = LEFT;
      y += 16;
    }
    body.push(`<rect x="${n(x)}" y="${n(y - 9)}" width="10" height="10" fill="${colorAt(i)}"/>`);
    body.push(text(x + 14, y, label, `fill="${INK}"`));
    x += w + 10;
  }
  const top = y + 18;
  const plotW = WIDTH - LEFT - RIGHT;
  const scale = (v: number): number => (input.max > 0 ? (Math.max(0, v) / input.max) * plotW : 0);
  const height = top + input.rows.length * ROW + 28;
  for (const tick of niceTicks(0, input.max, 5)) {
    if (tick > input.max + 1e-9) continue;
    const tx = LEFT + scale(tick);
    body.push(`<line x1="${n(tx)}" y1="${n(top - 4)}" x2="${n(tx)}" y2="${n(top + input.rows.length * ROW)}" stroke="#E0E0E0" stroke-width="1"/>`);
    body.push(text(tx, top + input.rows.length * ROW + 14, input.format(tick), `text-anchor="middle" fill="#555555" font-size="10"`));
  }
  input.rows.forEach((row, r) => {
    const ry = top + r * ROW;
    const weight = row.emphasis ? ` font-weight="bold"` : "";
    body.push(text(LEFT - 6, ry + BAR - 3, truncate(row.label, 18), `text-anchor="end" fill="${INK}"${weight}`));
    let cx = LEFT;
    row.values.forEach((v, i) => {
      const w = scale(v);
      if (w <= 0) return;
      body.push(`<rect x="${n(cx)}" y="${n(ry)}" width="${n(w)}" height="${BAR}" fill="${row.muted ? MUTED : colorAt(i)}"><title>${esc(`${row.label} · ${input.series[i]?.key ?? ""}: ${input.format(v)}`)}</title></rect>`);
      cx += w;
    });
    body.push(text(cx + 5, ry + BAR - 3, input.formatTotal(row.total), `fill="${INK}"${weight}`));
  });
  return svgDocument(WIDTH, height, input.title, body);
}
