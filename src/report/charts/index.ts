// The report's charts: hand-written SVG from small plain inputs (see types.ts).
export { stackedBarsSvg } from "./stacked-bars.js";
export { sensitivityLinesSvg } from "./sensitivity-lines.js";
export { stabilityBarsSvg } from "./stability-bars.js";
export { heatMapSvg } from "./heat-map.js";
export type { HeatMapInput, SensitivityLinesInput, StabilityBarsInput, StackedBarsInput } from "./types.js";
