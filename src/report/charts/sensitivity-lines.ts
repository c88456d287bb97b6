// One-way sensitivity chart: each offer's total as a straight line over the weight share t ∈ [0, 1],
// the current weight, the range keeping the winner first, and where first place changes hands.
// With many offers only the winner and the challenger are coloured and labelled; the rest are grey.
import { CHALLENGER_COLOR, INK, MUTED, colorAt, esc, n, niceTicks, svgDocument, text, truncate } from "./svg.js";
import type { SensitivityLinesInput } from "./types.js";

const WIDTH = 720;
const HEIGHT = 340;
const LEFT = 56;
const RIGHT = 120;
const TOP = 26;
const BOTTOM = 46;

export function sensitivityLinesSvg(input: SensitivityLinesInput): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const ys = input.lines.flatMap((l) => [l.y0, l.y1]);
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const ticks = niceTicks(lo, hi, 5);
  lo = Math.min(lo, ticks[0]!);
  hi = Math.max(hi, ticks[ticks.length - 1]!);
  const X = (t: number): number => LEFT + t * plotW;
  const Y = (v: number): number => TOP + plotH - ((v - lo) / (hi - lo)) * plotH;
  const body: string[] = [];
  if (input.winnerZone) {
    const z = input.winnerZone;
    body.push(`<rect x="${n(X(z.lower))}" y="${n(TOP)}" width="${n(X(z.upper) - X(z.lower))}" height="${n(plotH)}" fill="#E8F1F8"/>`);
    body.push(text(X(z.lower) + 4, TOP - 8, z.label, `fill="#3A6F96" font-size="10"`));
  }
  for (const v of ticks) {
    body.push(`<line x1="${n(LEFT)}" y1="${n(Y(v))}" x2="${n(LEFT + plotW)}" y2="${n(Y(v))}" stroke="#E6E6E6"/>`);
    body.push(text(LEFT - 6, Y(v) + 4, input.formatY(v), `text-anchor="end" fill="#555555" font-size="10"`));
  }
  for (let k = 0; k <= 10; k += 2) {
    const t = k / 10;
    body.push(`<line x1="${n(X(t))}" y1="${n(TOP + plotH)}" x2="${n(X(t))}" y2="${n(TOP + plotH + 4)}" stroke="#555555"/>`);
    body.push(text(X(t), TOP + plotH + 16, input.formatX(t), `text-anchor="middle" fill="#555555" font-size="10"`));
  }
  body.push(`<rect x="${n(LEFT)}" y="${n(TOP)}" width="${n(plotW)}" height="${n(plotH)}" fill="none" stroke="#888888"/>`);
  body.push(text(LEFT + plotW / 2, HEIGHT - 8, input.xLabel, `text-anchor="middle" fill="${INK}"`));
  body.push(text(14, TOP + plotH / 2, input.yLabel, `text-anchor="middle" fill="${INK}" transform="rotate(-90 14 ${n(TOP + plotH / 2)})"`));
  const few = input.lines.length <= 8;
  const styled = input.lines.map((l, i) => {
    const color = few ? colorAt(i) : l.role === "winner" ? colorAt(0) : l.role === "challenger" ? CHALLENGER_COLOR : MUTED;
    const width = l.role === "winner" ? 3 : l.role === "challenger" ? 2.2 : 1.4;
    return { ...l, color, width, labelled: few || l.role !== "other" };
  });
  // Grey lines first, so the coloured ones are drawn on top.
  const order = [...styled.keys()].sort((a, b) => Number(styled[a]!.labelled) - Number(styled[b]!.labelled) || a - b);
  for (const i of order) {
    const l = styled[i]!;
    const dash = few && l.role === "other" && i >= 8 ? ` stroke-dasharray="4 3"` : "";
    body.push(`<line x1="${n(X(0))}" y1="${n(Y(l.y0))}" x2="${n(X(1))}" y2="${n(Y(l.y1))}" stroke="${l.color}" stroke-width="${l.width}"${dash}><title>${esc(l.label)}</title></line>`);
  }
  body.push(`<line x1="${n(X(input.current))}" y1="${n(TOP)}" x2="${n(X(input.current))}" y2="${n(TOP + plotH)}" stroke="${INK}" stroke-width="1.2" stroke-dasharray="5 3"/>`);
  body.push(text(X(input.current) + 4, TOP + plotH - 6, `${input.currentLabel} ${input.formatX(input.current)}`, `fill="${INK}" font-size="10"`));
  for (const c of input.crossings) {
    body.push(`<circle cx="${n(X(c.t))}" cy="${n(Y(c.y))}" r="4.5" fill="#FFFFFF" stroke="${INK}" stroke-width="1.6"/>`);
  }
  // End labels, pushed apart so that they never overlap.
  const labels = styled.filter((l) => l.labelled).map((l) => ({ y: Y(l.y1), l })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i]!.y = Math.max(labels[i]!.y, labels[i - 1]!.y + 12);
  const overflow = labels.length > 0 ? labels[labels.length - 1]!.y - (TOP + plotH + 30) : 0;
  if (overflow > 0) for (const lab of labels) lab.y -= overflow;
  for (const lab of labels) {
    body.push(text(X(1) + 6, lab.y + 4, truncate(lab.l.label, 16), `fill="${lab.l.color}" font-weight="${lab.l.role === "other" ? "normal" : "bold"}"`));
  }
  return svgDocument(WIDTH, HEIGHT, input.title, body);
}
