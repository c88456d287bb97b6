// SMAA rank-acceptability heat map: offers × ranks, darker = more probable, the value printed in the
// cell when it fits. Sequential single-hue scale, legible in grey print.
import { INK, esc, n, svgDocument, text, truncate } from "./svg.js";
import type { HeatMapInput } from "./types.js";

const LEFT = 120;
const TOP = 40;
const MAX_WIDTH = 720;

/** White → dark blue, by probability. */
function shade(p: number): string {
  const v = Math.min(1, Math.max(0, p));
  const mix = (a: number, b: number): string => Math.round(a + (b - a) * v).toString(16).padStart(2, "0");
  return `#${mix(255, 8)}${mix(255, 48)}${mix(255, 107)}`;
}

export function heatMapSvg(input: HeatMapInput): string {
  const cols = input.columnLabels.length;
  const cell = Math.max(16, Math.min(56, Math.floor((MAX_WIDTH - LEFT - 10) / Math.max(1, cols))));
  const rowH = Math.max(18, Math.min(24, cell));
  const width = Math.max(320, LEFT + cols * cell + 10);
  const height = TOP + input.rowLabels.length * rowH + 10;
  const showText = cell >= 30;
  const body: string[] = [];
  body.push(text(LEFT + (cols * cell) / 2, 14, input.columnTitle, `text-anchor="middle" fill="${INK}"`));
  input.columnLabels.forEach((c, j) => body.push(text(LEFT + j * cell + cell / 2, TOP - 8, c, `text-anchor="middle" fill="#555555" font-size="10"`)));
  input.rowLabels.forEach((r, i) => {
    const y = TOP + i * rowH;
    body.push(text(LEFT - 6, y + rowH / 2 + 4, truncate(r, 18), `text-anchor="end" fill="${INK}"`));
    input.columnLabels.forEach((c, j) => {
      const p = input.values[i]?.[j] ?? 0;
      const x = LEFT + j * cell;
      body.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(cell - 1)}" height="${n(rowH - 1)}" fill="${shade(p)}"><title>${esc(`${r} · ${c}: ${input.format(p)}`)}</title></rect>`);
      const label = input.format(p);
      if (showText && label !== "") {
        body.push(text(x + cell / 2, y + rowH / 2 + 4, label, `text-anchor="middle" font-size="9" fill="${p > 0.5 ? "#FFFFFF" : INK}"`));
      }
    });
  });
  return svgDocument(width, height, input.title, body);
}
