// Scale benchmark (issue 7, item 4): synthetic grids of m offers × n leaves, scored and analysed
// exactly. Times scoreTender, linearModel, stabilityIntervals and minimalWeightChanges, prints a table
// and the empirical growth exponents (time ∝ m^a · n^b), against the target "≤ m²·n".
//
// Plain Node ESM on the build output: run `npx tsc -p tsconfig.json` first (or `npm run build`).
// `node scripts/bench/scale.mjs [--quick]`; the lead's scripts/bench.mjs calls `benchScale()`.
// PSC_DIST=/path/to/dist runs the same bench on another build (e.g. a build of an older commit).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, median } from "./util.mjs";

/** Deterministic 32-bit generator (mulberry32): same grid for the same seed on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic tender: one "Prix" group with max(1, round(n/50)) price leaves (default method
 * proportional, prices 80 000–160 000 € in whole euros) and quality groups of up to 10 direct leaves
 * (integer notes 0–20 on /20). Leaf weights are integer points 1–5 (group weight = Σ of its leaves;
 * the price group weighs about 40 % of the total). Offers get a latent quality so the grid has a
 * realistic spread and a clear but contestable top.
 */
export function syntheticTender(Rational, m, n, seed = 1) {
  const rand = rng(seed * 1_000_003 + m * 7919 + n);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const nPrice = Math.max(1, Math.round(n / 50));
  const nQual = n - nPrice;
  const leafSpecs = [];
  for (let j = 0; j < nPrice; j++) leafSpecs.push({ id: `P${j + 1}`, group: "Prix", type: "price", weight: 0 });
  for (let j = 0; j < nQual; j++) leafSpecs.push({ id: `Q${j + 1}`, group: `G${Math.floor(j / 10) + 1}`, type: "quality", weight: int(1, 5) });
  const qualityPoints = leafSpecs.reduce((s, l) => s + l.weight, 0);
  const pricePoints = Math.max(nPrice, Math.round((qualityPoints * 2) / 3));
  leafSpecs.filter((l) => l.type === "price").forEach((l, k) => (l.weight = Math.floor(pricePoints / nPrice) + (k < pricePoints % nPrice ? 1 : 0)));
  const groups = [...new Set(leafSpecs.map((l) => l.group))];
  const nodes = [];
  const byId = new Map();
  const mk = (id, parent, weight, type, children, depth, extra = {}) => {
    const node = {
      id,
      parent,
      label: id,
      weight: Rational.of(weight),
      declaredWeight: Rational.of(weight),
      type,
      method: null,
      max: null,
      minScore: null,
      decimals: null,
      children,
      depth,
      source: { file: "synthetic" },
      ...extra,
    };
    nodes.push(node);
    byId.set(id, node);
    return node;
  };
  const twenty = Rational.of(20);
  for (const g of groups) {
    const kids = leafSpecs.filter((l) => l.group === g);
    const type = kids.every((l) => l.type === "price") ? "price" : "quality";
    mk(g, null, kids.reduce((s, l) => s + l.weight, 0), type, kids.map((l) => l.id), 0);
    for (const l of kids) mk(l.id, g, l.weight, l.type, [], 1, l.type === "quality" ? { method: { id: "direct", params: {}, text: "direct" }, max: twenty } : {});
  }
  const leaves = leafSpecs.map((l) => l.id);
  const criteria = {
    nodes,
    byId,
    roots: groups,
    leaves,
    totalPoints: Rational.sum(groups.map((g) => byId.get(g).weight)),
    weightReading: "points",
    groups: [],
    rescaled: false,
  };
  const offers = [];
  for (let a = 0; a < m; a++) {
    const skill = rand();
    const values = new Map();
    for (const l of leafSpecs) {
      if (l.type === "price") values.set(l.id, Rational.of(80_000 + Math.floor(80_000 * (0.3 * skill + 0.7 * rand()))));
      else values.set(l.id, Rational.of(Math.max(0, Math.min(20, Math.round(20 * (0.55 * skill + 0.45 * rand()))))));
    }
    offers.push({ id: `O${String(a + 1).padStart(4, "0")}`, label: `Offer ${a + 1}`, status: "ok", values, source: { file: "synthetic" } });
  }
  return { criteria, offers, declared: [], inputs: [] };
}

function time(fn, repeats) {
  const ts = [];
  let out;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    out = fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { s: median(ts), out };
}

/** Least-squares fit of log t = c + a·log m + b·log n over the measured cells. */
function fitExponents(rows, key) {
  const pts = rows.filter((r) => r[key] > 0).map((r) => [Math.log(r.m), Math.log(r.n), Math.log(r[key])]);
  if (pts.length < 3) return null;
  // Normal equations for [1, x, y].
  const S = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const v = [0, 0, 0];
  for (const [x, y, z] of pts) {
    const f = [1, x, y];
    for (let i = 0; i < 3; i++) {
      v[i] += f[i] * z;
      for (let j = 0; j < 3; j++) S[i][j] += f[i] * f[j];
    }
  }
  // Gaussian elimination (3×3).
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(S[r][c]) > Math.abs(S[p][c])) p = r;
    [S[c], S[p]] = [S[p], S[c]];
    [v[c], v[p]] = [v[p], v[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = S[r][c] / S[c][c];
      for (let k = c; k < 3; k++) S[r][k] -= f * S[c][k];
      v[r] -= f * v[c];
    }
  }
  return { a: v[1] / S[1][1], b: v[2] / S[2][2] };
}

const fmt = (s) => (s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s >= 0.01 ? s.toFixed(3) : s.toFixed(4));

/**
 * Run the scale benchmark. Options: `offers` (default [100, 300, 1000]), `leaves` (default [50, 200]),
 * `repeats` (median of, default 1), `dist` (build directory, default PSC_DIST or ./dist), `quiet`.
 * Returns the measured rows and the fitted exponents.
 */
export async function benchScale(options = {}) {
  const dist = resolve(options.dist ?? process.env.PSC_DIST ?? join(ROOT, "dist"));
  const entry = join(dist, "sensitivity", "min-change.js");
  if (!existsSync(entry)) {
    console.log(`Scale bench skipped: ${entry} is missing; run \`npx tsc -p tsconfig.json\` first.`);
    return null;
  }
  const imp = (p) => import(pathToFileURL(join(dist, p)).href);
  const { Rational } = await imp("exact/rational.js");
  const { scoreTender } = await imp("scoring/score-tender.js");
  const { linearModel } = await imp("sensitivity/model.js");
  const { stabilityIntervals } = await imp("sensitivity/stability.js");
  const { minimalWeightChanges } = await imp("sensitivity/min-change.js");
  const offersList = options.offers ?? [100, 300, 1000];
  const leavesList = options.leaves ?? [50, 200];
  const repeats = options.repeats ?? 1;
  const log = options.quiet ? () => {} : (...a) => console.log(...a);
  log(`\nScale: exact analyses on synthetic grids (m offers × n leaves; median of ${repeats}; build ${dist}).`);
  const rows = [];
  for (const n of leavesList) {
    for (const m of offersList) {
      const tender = syntheticTender(Rational, m, n, 1);
      const score = time(() => scoreTender(tender, { rounding: false }), repeats);
      const model = time(() => linearModel(tender, score.out), repeats);
      const stab = time(() => stabilityIntervals(model.out), repeats);
      const minc = time(() => minimalWeightChanges(model.out), repeats);
      const mc = minc.out;
      const sole = mc.pairs.filter((p) => p.soleWinner.l1.status === "ok").length;
      const lpPairs = mc.pairs.filter((p) => p.linf.method === "lp").length;
      const row = {
        m,
        n,
        score: score.s,
        model: model.s,
        stability: stab.s,
        minChange: minc.s,
        total: score.s + model.s + stab.s + minc.s,
        nodes: stab.out.length,
        soleComputed: sole,
        linfLp: lpPairs,
        margin: mc.margin ? `${mc.margin.distancePoints.toFixed(4)} pts (${mc.margin.challenger})` : "—",
      };
      rows.push(row);
      if (options.onRow) options.onRow(row);
    }
  }
  const table = [["m × n", "score s", "model s", "stability s", "min-change s", "total s", "intervals", "sole-winner solved", "L∞ via LP", "margin"]];
  for (const r of rows) {
    table.push([`${r.m} × ${r.n}`, fmt(r.score), fmt(r.model), fmt(r.stability), fmt(r.minChange), fmt(r.total), r.nodes, r.soleComputed, r.linfLp, r.margin]);
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
  table.forEach((r, k) => {
    log(r.map((v, c) => String(v).padEnd(widths[c])).join("  "));
    if (k === 0) log(widths.map((w) => "-".repeat(w)).join("  "));
  });
  const exps = {};
  log("\nGrowth exponents (least squares, time ∝ m^a · n^b); target ≤ m²·n (a ≤ 2, b ≤ 1):");
  for (const key of ["score", "model", "stability", "minChange", "total"]) {
    const e = fitExponents(rows, key);
    exps[key] = e;
    if (e) log(`  ${key.padEnd(10)} a = ${e.a.toFixed(2)}  b = ${e.b.toFixed(2)}  ${e.a <= 2.2 && e.b <= 1.2 ? "ok" : "ABOVE TARGET"}`);
  }
  log(
    "  (min-change = pair L1/L∞/L2 for every challenger, O(m·n log n) on integers, plus the exact sole-winner LPs of the\n" +
      "   5 closest challengers (all when m ≤ 12): a fixed number of bounded-simplex LPs whose cost grows faster than n.)",
  );
  return { rows, exponents: exps };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1].split(",").map(Number) : undefined;
  };
  const quick = process.argv.includes("--quick");
  const opts = quick ? { offers: [50, 100, 200], leaves: [20, 50] } : {};
  if (arg("--offers")) opts.offers = arg("--offers");
  if (arg("--leaves")) opts.leaves = arg("--leaves");
  if (arg("--repeats")) opts.repeats = arg("--repeats")[0];
  await benchScale(opts);
}
