// Small helpers for hand-written SVG: escaping, fixed-precision coordinates (so output is byte-stable),
// label truncation and the palette. Pure string building; no DOM, no chart runtime.
import { escapeHtml } from "../text-safety.js";

/** Fonts named so that browsers and pdfmake (whose family is "DejaVuSans") both find DejaVu Sans. */
export const FONT = "DejaVu Sans, DejaVuSans, Verdana, sans-serif";

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and in grey print. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];
export const WINNER_COLOR = "#0072B2";
export const CHALLENGER_COLOR = "#D55E00";
export const MUTED = "#B8B8B8";
export const INK = "#222222";

/** Coordinates with one decimal: enough on screen and in print, and identical across runs. */
export function n(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

export function esc(text: string): string {
  return escapeHtml(text);
}

/** Cut a label to `max` characters with an ellipsis (the legend keeps the full name). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

export function text(x: number, y: number, body: string, attrs = ""): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? " " + attrs : ""}>${esc(body)}</text>`;
}

/** The <svg> element: fixed pixel size for pdfmake, a viewBox so that CSS can scale it down. */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT}" font-size="11" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#FFFFFF"/>`,
    ...body,
    `</svg>`,
  ].join("\n");
}

/** Nice round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}
