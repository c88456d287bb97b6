// Exact SMAA checks for deterministic scores, w uniform on the weight simplex: the pairwise winning
// index for any number of leaves (divided differences, confluent when entries repeat), and for 3 leaves
// the rank acceptabilities, central weights and confidence factors by exact polygon clipping.
// Pure; no IO. Used to test the Monte Carlo engine and as an exact mode when n = 3.
import { Rational } from "../exact/rational.js";
import { rankValues, type LinearModel } from "./model.js";

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** Product of two power series in h truncated to `len` terms. */
function seriesMul(x: Rational[], y: Rational[], len: number): Rational[] {
  const out = new Array<Rational>(len).fill(Rational.ZERO);
  for (let i = 0; i < len; i++) {
    if (x[i]!.isZero()) continue;
    for (let j = 0; i + j < len; j++) out[i + j] = out[i + j]!.add(x[i]!.mul(y[j]!));
  }
  return out;
}

/**
 * P(d·w > 0) for w uniform on the simplex Δ = {w ≥ 0, Σw = 1} (Dirichlet(1, …, 1)), exactly.
 * Distinct entries: P = Σ_{i: d_i > 0} d_i^{n−1} / Π_{j≠i}(d_i − d_j) (divided difference of t₊^{n−1};
 * d·w has the B-spline density with knots d, cf. Weisberg 1971). Repeated entries use the confluent
 * divided difference: for each distinct positive value x with multiplicity m, the coefficient of
 * h^{m−1} in (x + h)^{n−1} · Π_{y ≠ x}(x − y + h)^{−m_y} (a truncated power series, exact); zero
 * values contribute 0. Edge cases: d = 0 → 0 (always a tie, never strictly better); all d > 0 → 1;
 * empty d → 0. P(d·w > 0) + P(−d·w > 0) = 1 whenever d ≠ 0 (ties have measure 0).
 */
export function winProbability(d: readonly Rational[]): Rational {
  const n = d.length;
  if (n === 0 || d.every((x) => x.sign() <= 0)) return Rational.ZERO;
  if (d.every((x) => x.sign() > 0)) return Rational.ONE;
  const values: Rational[] = [];
  const mult: number[] = [];
  for (const x of d) {
    const i = values.findIndex((v) => v.eq(x));
    if (i >= 0) mult[i]!++;
    else {
      values.push(x);
      mult.push(1);
    }
  }
  let p = Rational.ZERO;
  values.forEach((x, i) => {
    if (x.sign() <= 0) return;
    const len = mult[i]!;
    let series = Array.from({ length: len }, (_, k) =>
      k <= n - 1 ? Rational.of(binomial(n - 1, k)).mul(x.pow(n - 1 - k)) : Rational.ZERO,
    );
    values.forEach((y, j) => {
      if (j === i) return;
      const c = x.sub(y);
      const m = mult[j]!;
      // (c + h)^{−m} = Σ_k (−1)^k C(m+k−1, k) c^{−m−k} h^k
      const inv = Array.from({ length: len }, (_, k) =>
        Rational.of(binomial(m + k - 1, k) * (k % 2 === 0 ? 1n : -1n)).mul(c.pow(-m - k)),
      );
      series = seriesMul(series, inv, len);
    });
    p = p.add(series[len - 1]!);
  });
  return p;
}

/**
 * Pairwise winning indices P[a][b] = P(V_a > V_b) for w uniform on the leaf simplex (any n), exact, via
 * `winProbability(coef_a − coef_b)`. Diagonal 0; P[a][b] + P[b][a] = 1 unless a and b have identical
 * coefficients (then both 0: they always tie). Reference: Leskinen et al. (2006).
 */
export function pairwiseWinningIndices(model: LinearModel): Rational[][] {
  return model.coef.map((ca, a) =>
    model.coef.map((cb, b) => (a === b ? Rational.ZERO : winProbability(ca.map((x, j) => x.sub(cb[j]!))))),
  );
}

/** A vertex (w₁, w₂) of the weight triangle; w₃ = 1 − w₁ − w₂. */
export type Point2 = readonly [Rational, Rational];

/**
 * Sutherland–Hodgman clip of a convex polygon by the half-plane a·x + b·y + c ≥ 0, exact. Vertices on
 * the line are kept; the output may be degenerate (area 0) or empty.
 */
export function clipPolygon(poly: readonly Point2[], a: Rational, b: Rational, c: Rational): Point2[] {
  const f = (p: Point2): Rational => a.mul(p[0]).add(b.mul(p[1])).add(c);
  const out: Point2[] = [];
  for (let i = 0; i < poly.length; i++) {
    const P = poly[i]!;
    const Q = poly[(i + 1) % poly.length]!;
    const fp = f(P);
    const fq = f(Q);
    if (fp.sign() >= 0) out.push(P);
    if (fp.sign() * fq.sign() < 0) {
      const s = fp.div(fp.sub(fq));
      out.push([P[0].add(Q[0].sub(P[0]).mul(s)), P[1].add(Q[1].sub(P[1]).mul(s))]);
    }
  }
  return out;
}

/** Signed area (counter-clockwise positive) and centroid of a polygon; centroid null when area is 0. */
export function polygonMoments(poly: readonly Point2[]): { area: Rational; centroid: Point2 | null } {
  let a2 = Rational.ZERO;
  let cx = Rational.ZERO;
  let cy = Rational.ZERO;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i]!;
    const [x1, y1] = poly[(i + 1) % poly.length]!;
    const cross = x0.mul(y1).sub(x1.mul(y0));
    a2 = a2.add(cross);
    cx = cx.add(x0.add(x1).mul(cross));
    cy = cy.add(y0.add(y1).mul(cross));
  }
  const area = a2.div(Rational.of(2));
  if (area.isZero()) return { area, centroid: null };
  const six = area.mul(Rational.of(6));
  return { area, centroid: [cx.div(six), cy.div(six)] };
}

/** Optional box on the leaf shares (l ≤ w ≤ u), each array of length 3. */
export interface WeightBox {
  lower?: readonly Rational[];
  upper?: readonly Rational[];
}

/** Exact SMAA-2 descriptors for three leaves. */
export interface ExactSmaa3 {
  offers: string[];
  /** acceptability[a][r − 1] = b_a^r; rank = 1 + #{strictly better} (ties share the better rank). */
  acceptability: Rational[][];
  /** Central weights (shares, Σ = 1) of each offer, null when b_a^1 = 0. */
  central: (Rational[] | null)[];
  /** Confidence factor: 1 if the offer is (weakly) first at its central weights, else 0; null if no central weights. */
  confidence: (0 | 1 | null)[];
  /** P[a][b] = P(V_a > V_b) on the (boxed) weight region. */
  pairwise: Rational[][];
  /** Number of cells of the line arrangement inside the region (diagnostic). */
  cells: number;
}

/**
 * Exact SMAA-2 for n = 3 leaves with deterministic coefficients and w uniform on the triangle Δ
 * (optionally intersected with a box l ≤ w ≤ u). The triangle, in coordinates (w₁, w₂), is cut by every
 * line (s_a − s_b)·w = 0 between offers with different coefficients (Sutherland–Hodgman, both sides,
 * exact); inside a cell the ranking is constant (read at its centroid). Areas / region area give the
 * rank acceptabilities b_a^r and pairwise indices; area-weighted centroids of the rank-1 cells give the
 * central weights. Offers with identical coefficients always tie. Reference: Lahdelma & Salminen,
 * Oper. Res. 49(3) (2001) 444–454. Throws RangeError unless the model has exactly 3 leaves; returns
 * null when the (boxed) region has zero area.
 */
export function exactSmaa3(model: LinearModel, box: WeightBox = {}): ExactSmaa3 | null {
  if (model.leaves.length !== 3) throw new RangeError(`exactSmaa3: needs 3 leaves, got ${model.leaves.length}`);
  const Z = Rational.ZERO;
  const ONE = Rational.ONE;
  let region: Point2[] = [
    [Z, Z],
    [ONE, Z],
    [Z, ONE],
  ];
  // w_j ≥ l_j and w_j ≤ u_j written as a·w₁ + b·w₂ + c ≥ 0.
  const coord = (j: number): [Rational, Rational, Rational] =>
    j === 0 ? [ONE, Z, Z] : j === 1 ? [Z, ONE, Z] : [ONE.neg(), ONE.neg(), ONE];
  for (let j = 0; j < 3; j++) {
    const [a, b, c] = coord(j);
    const l = box.lower?.[j];
    const u = box.upper?.[j];
    if (l !== undefined) region = clipPolygon(region, a, b, c.sub(l));
    if (u !== undefined) region = clipPolygon(region, a.neg(), b.neg(), u.sub(c));
  }
  const total = polygonMoments(region).area;
  if (total.sign() <= 0) return null;
  const m = model.offers.length;
  const same = (x: number, y: number): boolean => model.coef[x]!.every((v, j) => v.eq(model.coef[y]![j]!));
  let cells: Point2[][] = [region];
  for (let x = 0; x < m; x++) {
    for (let y = x + 1; y < m; y++) {
      if (same(x, y)) continue;
      const [d1, d2, d3] = model.coef[x]!.map((v, j) => v.sub(model.coef[y]![j]!)) as [Rational, Rational, Rational];
      const a = d1.sub(d3);
      const b = d2.sub(d3);
      const next: Point2[][] = [];
      for (const cell of cells) {
        for (const piece of [clipPolygon(cell, a, b, d3), clipPolygon(cell, a.neg(), b.neg(), d3.neg())]) {
          if (polygonMoments(piece).area.sign() > 0) next.push(piece);
        }
      }
      cells = next;
    }
  }
  const acc = model.offers.map(() => model.offers.map(() => Z));
  const pair = model.offers.map(() => model.offers.map(() => Z));
  const cw = model.offers.map(() => [Z, Z, Z]);
  for (const cell of cells) {
    const { area, centroid } = polygonMoments(cell);
    const [cx, cy] = centroid!;
    const w = [cx, cy, ONE.sub(cx).sub(cy)];
    const V = model.coef.map((row) => row[0]!.mul(w[0]!).add(row[1]!.mul(w[1]!)).add(row[2]!.mul(w[2]!)));
    const { ranks } = rankValues(model.offers, V);
    for (let a = 0; a < m; a++) {
      const r = ranks[a]! - 1;
      acc[a]![r] = acc[a]![r]!.add(area);
      if (r === 0) cw[a] = cw[a]!.map((s, j) => s.add(area.mul(w[j]!)));
      for (let b = 0; b < m; b++) if (V[a]!.gt(V[b]!)) pair[a]![b] = pair[a]![b]!.add(area);
    }
  }
  const central = cw.map((s, a) => (acc[a]![0]!.isZero() ? null : s.map((v) => v.div(acc[a]![0]!))));
  const confidence = central.map((c, a) => {
    if (c === null) return null;
    const V = model.coef.map((row) => row[0]!.mul(c[0]!).add(row[1]!.mul(c[1]!)).add(row[2]!.mul(c[2]!)));
    return V.every((v) => v.le(V[a]!)) ? 1 : 0;
  });
  return {
    offers: [...model.offers],
    acceptability: acc.map((row) => row.map((v) => v.div(total))),
    central,
    confidence,
    pairwise: pair.map((row) => row.map((v) => v.div(total))),
    cells: cells.length,
  };
}
