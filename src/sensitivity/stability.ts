// Weight stability intervals (Mareschal 1988), breakpoint maps and Triantaphyllou–Sánchez critical
// changes, exactly, on the unrounded linear model. Pure; no IO. Shares are fractions in [0, 1];
// "points" are shares × the points of the varied group (local) or of the total (global).
import { Rational } from "../exact/rational.js";
import { leafShares, nodePoints, rankValues, scaledModel, spreadMass, subtreeLeaves, totals, type LinearModel } from "./model.js";

/**
 * - `local`: the node's share λ of its parent varies; its siblings keep their proportions; the
 *   parent's weight and every other group stay fixed (Hiview / M-MACBETH). Top-level nodes: share of
 *   the total.
 * - `global` (leaves only): the leaf's share t of the total varies; ALL other leaves keep their
 *   proportions (flat).
 */
export type WeightConvention = "local" | "global";

/** A pair of offers [a, b]: a ranks above b on the current side of the bound; they tie at the bound. */
export type OfferPair = [string, string];

/**
 * The straight path of leaf weights along which one node's share t moves 0 → 1:
 * w(t) = (1 − t)·at0 + t·at1 (points). Every total is then affine in t:
 * V_a(t) = (1 − t)·V_a(at0) + t·V_a(at1).
 */
export interface WeightPath {
  criterion: string;
  convention: WeightConvention;
  /** Depth of the node (0 = top level). */
  level: number;
  /** Current share (λ for local, t for global). */
  weight: Rational;
  /** Points of a share of 1: the parent's points (local) or totalPoints (global). */
  scale: Rational;
  /** Leaf weights (points) at share 0 and at share 1. */
  at0: Rational[];
  at1: Rational[];
  /** "only-child": the node has no sibling (local) or is the only leaf (global); its share cannot move. */
  note: "only-child" | null;
}

/**
 * Build the weight path of `criterion` under a convention.
 *
 * local, node k in sibling group G with points W_G: at1 gives W_G to k's subtree, at0 gives W_G to
 * G \ {k} in their current proportions; leaves outside G keep their points. Current λ = W_k / W_G.
 * global, leaf j: at1 = T on j; at0 = T spread over the other leaves in proportion.
 *
 * Zero weights (defined, no division by zero): when the receiving nodes all weigh 0 (the node has
 * share 1, or the node itself weighs 0) the mass is split **equally** among them, recursively
 * (`spreadMass`). When W_G = 0 the current share is reported as 1/|G| (all totals are then constant
 * in λ). A node without a sibling (or a single leaf, global) gets a constant path, note "only-child".
 * Throws RangeError for an unknown id, or `global` on a non-leaf.
 */
export function weightPath(model: LinearModel, criterion: string, convention: WeightConvention): WeightPath {
  const node = model.tree.byId.get(criterion);
  if (!node) throw new RangeError(`weightPath: unknown criterion "${criterion}"`);
  const current = [...model.weights];
  if (convention === "global") {
    const j = model.leaves.indexOf(criterion);
    if (j < 0) throw new RangeError(`weightPath: global convention needs a leaf, "${criterion}" is not one`);
    const T = model.totalPoints;
    const weight = leafShares(model)[j]!;
    if (model.leaves.length === 1) {
      return { criterion, convention, level: node.depth, weight, scale: T, at0: current, at1: current, note: "only-child" };
    }
    const at1 = model.leaves.map((_, i) => (i === j ? T : Rational.ZERO));
    const others = model.leaves.filter((_, i) => i !== j);
    const rest = T.sub(model.weights[j]!);
    const at0 = model.weights.map((w, i) =>
      i === j ? Rational.ZERO : rest.isZero() ? T.div(Rational.of(others.length)) : w.mul(T).div(rest),
    );
    return { criterion, convention, level: node.depth, weight, scale: T, at0, at1, note: null };
  }
  const group = node.parent === null ? model.tree.roots : model.tree.byId.get(node.parent)!.children;
  const WG = Rational.sum(group.map((id) => nodePoints(model, id)));
  const Wk = nodePoints(model, criterion);
  const weight = WG.isZero() ? Rational.of(1, group.length) : Wk.div(WG);
  if (group.length === 1) {
    return { criterion, convention, level: node.depth, weight, scale: WG, at0: current, at1: current, note: "only-child" };
  }
  const inGroup = new Set<number>();
  for (const id of group) for (const j of subtreeLeaves(model, id)) inGroup.add(j);
  const base = model.weights.map((w, j) => (inGroup.has(j) ? Rational.ZERO : w));
  const plus = (v: Rational[]): Rational[] => base.map((b, j) => b.add(v[j]!));
  const at1 = plus(spreadMass(model, [criterion], WG));
  const at0 = plus(spreadMass(model, group.filter((id) => id !== criterion), WG));
  return { criterion, convention, level: node.depth, weight, scale: WG, at0, at1, note: null };
}

/** Offer totals (points) at both ends of a path: V_a(t) = (1 − t)·from[a] + t·to[a]. */
export function pathTotals(model: LinearModel, path: WeightPath): { from: Rational[]; to: Rational[] } {
  return { from: totals(model, path.at0), to: totals(model, path.at1) };
}

/** One side-bounded interval on the share, with its binding pairs. */
export interface StabilityRange {
  /** Share bounds, closed: at a bound not equal to the current share some pair ties. */
  lower: Rational;
  upper: Rational;
  /** The same bounds in points (share × scale). */
  lowerPoints: Rational;
  upperPoints: Rational;
  /** First binding pair (deterministic: challengers in current rank order), or null if none ties there. */
  lowerPair: OfferPair | null;
  upperPair: OfferPair | null;
  /** Every pair tying at the bound (e.g. a three-way tie gives two pairs). */
  lowerPairs: OfferPair[];
  upperPairs: OfferPair[];
}

/** Stability of one node under one convention. */
export interface StabilityInterval {
  criterion: string;
  convention: WeightConvention;
  level: number;
  /** Current share (λ local, t global) and in points. */
  weight: Rational;
  weightPoints: Rational;
  /** Points of a share of 1 (parent's points for local, totalPoints for global). */
  scale: Rational;
  /** Current rank-1 offers (more than one: a tie decides the award). */
  winners: string[];
  /** Interval where every current winner stays (weakly) first: see `stabilityInterval`. */
  winner: StabilityRange;
  /** Interval where the current competition ranking is kept (closure). */
  ranking: StabilityRange;
  note: "only-child" | null;
}

/** Affine g(t) = α + β t for a pair, from the two path ends. */
interface PairLine {
  pair: OfferPair;
  alpha: Rational;
  beta: Rational;
}

function pairLine(ids: readonly string[], from: Rational[], to: Rational[], a: number, b: number): PairLine {
  const alpha = from[a]!.sub(from[b]!);
  const beta = to[a]!.sub(to[b]!).sub(alpha);
  return { pair: [ids[a]!, ids[b]!], alpha, beta };
}

/**
 * Closed interval around tc where every g_p(t) = α + βt (p = pairs, all g_p(tc) ≥ 0) keeps its sign:
 * β > 0 bounds below at t* = −α/β, β < 0 bounds above, β = 0 never binds. A pair tied at tc with
 * β ≠ 0 makes the interval degenerate [tc, tc] (the tie breaks either way). Clipped to [0, 1].
 */
function rangeFor(lines: PairLine[], tc: Rational, scale: Rational): StabilityRange {
  let lower = Rational.ZERO;
  let upper = Rational.ONE;
  const lowerCands: { t: Rational; pair: OfferPair }[] = [];
  const upperCands: { t: Rational; pair: OfferPair }[] = [];
  for (const { pair, alpha, beta } of lines) {
    if (beta.isZero()) continue;
    const root = alpha.neg().div(beta);
    const gc = alpha.add(beta.mul(tc));
    if (gc.isZero()) {
      lowerCands.push({ t: tc, pair });
      upperCands.push({ t: tc, pair });
    } else if (beta.sign() > 0) lowerCands.push({ t: root, pair });
    else upperCands.push({ t: root, pair });
  }
  for (const c of lowerCands) lower = Rational.max(lower, c.t);
  for (const c of upperCands) upper = Rational.min(upper, c.t);
  const lowerPairs = lowerCands.filter((c) => c.t.eq(lower)).map((c) => c.pair);
  const upperPairs = upperCands.filter((c) => c.t.eq(upper)).map((c) => c.pair);
  return {
    lower,
    upper,
    lowerPoints: lower.mul(scale),
    upperPoints: upper.mul(scale),
    lowerPair: lowerPairs[0] ?? null,
    upperPair: upperPairs[0] ?? null,
    lowerPairs,
    upperPairs,
  };
}

/**
 * Weight stability interval of one node (Mareschal 1988), exact. Along the path w(t) (see
 * `weightPath`), V_a(t) is affine; for a pair (a above b), f_ab(t) = α + βt, crossing t* = −α/β.
 *
 * - `winner`: t_lo = max(0, max_{β>0} t*), t_hi = min(1, min_{β<0} t*) over the pairs (a*, b), b ≠ a*.
 *   Closed: at a bound inside (0, 1), and at 0 or 1 when a crossing falls exactly there, the stated pair
 *   ties. **Tied winners** at the current weight (several rank-1 offers): the interval is where every
 *   current winner stays among the (weak) winners, i.e. the pairs (a, b) for every winner a; two
 *   co-winners whose totals move differently make it degenerate [t, t] (any move breaks the tie, so the
 *   tie-break no longer decides), bound pairs = the co-winners; co-winners with identical totals on the
 *   whole path do not bind.
 * - `ranking`: the same over the adjacent pairs of the current ranking (a chain of weak inequalities
 *   gives the whole order); a tie in the current ranking that the move breaks makes it degenerate.
 *
 * Units: shares (λ local, t global) and points (share × scale). With a single offer, or constant
 * totals, both intervals are [0, 1] with null pairs. References: Mareschal, EJOR 33 (1988) 54–64.
 */
export function stabilityInterval(
  model: LinearModel,
  criterion: string,
  convention: WeightConvention,
): StabilityInterval {
  const path = weightPath(model, criterion, convention);
  const { from, to } = pathTotals(model, path);
  const tc = path.weight;
  const now = from.map((f, a) => f.add(to[a]!.sub(f).mul(tc)));
  const ids = model.offers;
  const { order, ranks } = rankValues(ids, now);
  const winners = order.filter((a) => ranks[a] === 1);
  const winnerLines: PairLine[] = [];
  winners.forEach((a, i) => {
    for (const b of order) {
      if (b === a || (ranks[b] === 1 && winners.indexOf(b) < i)) continue;
      winnerLines.push(pairLine(ids, from, to, a, b));
    }
  });
  const rankingLines: PairLine[] = [];
  for (let i = 0; i + 1 < order.length; i++) rankingLines.push(pairLine(ids, from, to, order[i]!, order[i + 1]!));
  return {
    criterion,
    convention,
    level: path.level,
    weight: tc,
    weightPoints: tc.mul(path.scale),
    scale: path.scale,
    winners: winners.map((a) => ids[a]!),
    winner: rangeFor(winnerLines, tc, path.scale),
    ranking: rangeFor(rankingLines, tc, path.scale),
    note: path.note,
  };
}

/** Options of `stabilityIntervals`. */
export interface StabilityOptions {
  /** Use the generic path-by-path computation (O(m·n) per node) instead of the fast one (tests). */
  generic?: boolean;
}

/**
 * Stability intervals of every node: `local` for every node (tree order, depth-first), followed
 * directly by `global` for each leaf. Deterministic order.
 *
 * Cost: the current ranking is computed once, each node's subtree contribution to every offer's
 * total once (integers, O(m·n·depth)), and then each node costs O(m): its path lines come from those
 * contributions (no weight vector is built) and only the m − 1 winner pairs and m − 1 adjacent pairs
 * are examined, with roots compared by cross-multiplication. Nodes of weight 0 or of their whole group
 * take the generic path (`stabilityInterval`), which gives the same results.
 */
export function stabilityIntervals(model: LinearModel, options: StabilityOptions = {}): StabilityInterval[] {
  const out: StabilityInterval[] = [];
  const leaves = new Set(model.leaves);
  const ctx = options.generic ? null : stabilityContext(model);
  const one = (id: string, convention: WeightConvention): StabilityInterval =>
    (ctx && fastInterval(model, ctx, id, convention)) ?? stabilityInterval(model, id, convention);
  for (const node of model.tree.nodes) {
    out.push(one(node.id, "local"));
    if (leaves.has(node.id)) out.push(one(node.id, "global"));
  }
  return out;
}

/** Precomputed, per model: integer contributions, current ranking, pairs to examine. */
interface StabilityContext {
  /** Offer denominators (coef[a] = E[a] / L[a]) and leaf weights × Lw (W). */
  L: bigint[];
  W: bigint[];
  /** u.get(node)[a] = Σ_{j under node} E[a][j]·W[j] (numerator over L[a]·Lw); v[a] = the total's. */
  u: Map<string, bigint[]>;
  v: bigint[];
  /** Σ W under each node. */
  omega: Map<string, bigint>;
  /** Sum of all W. */
  S: bigint;
  order: number[];
  ranks: number[];
  winners: number[];
  winnerPairs: [number, number][];
  rankingPairs: [number, number][];
}

function stabilityContext(model: LinearModel): StabilityContext {
  const sm = scaledModel(model);
  const m = model.offers.length;
  // With totalPoints = 0 the scaled model uses equal shares; the generic path handles that case.
  const W = model.totalPoints.isZero() ? model.leaves.map(() => 0n) : sm.W;
  const leafIdx = new Map(model.leaves.map((id, j) => [id, j]));
  const u = new Map<string, bigint[]>();
  const omega = new Map<string, bigint>();
  const visit = (id: string): bigint[] => {
    const j = leafIdx.get(id);
    let acc: bigint[];
    let om = 0n;
    if (j !== undefined) {
      acc = new Array<bigint>(m);
      const wj = W[j]!;
      for (let a = 0; a < m; a++) acc[a] = sm.E[a]![j]! * wj;
      om = wj;
    } else {
      acc = new Array<bigint>(m).fill(0n);
      for (const c of model.tree.byId.get(id)!.children) {
        const sub = visit(c);
        for (let a = 0; a < m; a++) acc[a] = acc[a]! + sub[a]!;
        om += omega.get(c)!;
      }
    }
    u.set(id, acc);
    omega.set(id, om);
    return acc;
  };
  const v = new Array<bigint>(m).fill(0n);
  let S = 0n;
  for (const r of model.tree.roots) {
    const sub = visit(r);
    for (let a = 0; a < m; a++) v[a] = v[a]! + sub[a]!;
    S += omega.get(r)!;
  }
  // Current totals (any common positive factor): v[a] / L[a].
  const V = v.map((x, a) => Rational.of(x, sm.L[a]!));
  const { order, ranks } = rankValues(model.offers, V);
  const winners = order.filter((a) => ranks[a] === 1);
  const winnerPairs: [number, number][] = [];
  winners.forEach((a, i) => {
    for (const b of order) {
      if (b === a || (ranks[b] === 1 && winners.indexOf(b) < i)) continue;
      winnerPairs.push([a, b]);
    }
  });
  const rankingPairs: [number, number][] = [];
  for (let i = 0; i + 1 < order.length; i++) rankingPairs.push([order[i]!, order[i + 1]!]);
  return { L: sm.L, W, u, v, omega, S, order, ranks, winners, winnerPairs, rankingPairs };
}

/**
 * The interval of one node by the fast path, or null when the generic path is needed (a weight of 0,
 * a node with all of its group's weight, zero total, an only child). Lines, up to a common positive
 * factor per path and a positive factor per pair: with ω_G, ω_k the group's and node's weights (× Lw),
 * u_k, u_G, v the contributions of the node, the group and the whole tree,
 *   TO_a   = (v − u_G)·ω_k(ω_G − ω_k) + ω_G·u_k·(ω_G − ω_k)   (share 1: all of ω_G on k, proportionally)
 *   FROM_a = (v − u_G)·ω_k(ω_G − ω_k) + ω_G·(u_G − u_k)·ω_k   (share 0: ω_G on the siblings)
 * and for a pair, α̃ = FROM_a L_b − FROM_b L_a, β̃ = (TO_a L_b − TO_b L_a) − α̃ (same roots and signs as
 * α, β). The global convention is the same with G = every leaf.
 */
function fastInterval(model: LinearModel, ctx: StabilityContext, id: string, convention: WeightConvention): StabilityInterval | null {
  if (model.totalPoints.sign() <= 0 || model.offers.length === 0) return null;
  const node = model.tree.byId.get(id);
  if (!node) return null;
  let group: string[];
  if (convention === "global") {
    if (!model.leaves.includes(id) || model.leaves.length < 2) return null;
    group = model.tree.roots;
  } else {
    group = node.parent === null ? model.tree.roots : model.tree.byId.get(node.parent)!.children;
    if (group.length < 2) return null;
  }
  const wk = ctx.omega.get(id)!;
  let wG = 0n;
  for (const g of group) wG += ctx.omega.get(g)!;
  if (wk <= 0n || wG - wk <= 0n) return null;
  const uk = ctx.u.get(id)!;
  let uG: bigint[];
  if (convention === "global" || node.parent === null) uG = ctx.v;
  else uG = ctx.u.get(node.parent)!;
  const m = model.offers.length;
  const k1 = wk * (wG - wk);
  const FROM = new Array<bigint>(m);
  const TO = new Array<bigint>(m);
  for (let a = 0; a < m; a++) {
    const outside = (ctx.v[a]! - uG[a]!) * k1;
    TO[a] = outside + wG * uk[a]! * (wG - wk);
    FROM[a] = outside + wG * (uG[a]! - uk[a]!) * wk;
  }
  // Points of a share of 1: the group's points (local) or the total (global); weight = ω_k / ω_G.
  const scale = convention === "global" ? model.totalPoints : model.totalPoints.mul(Rational.of(wG, ctx.S));
  const tc = Rational.of(wk, wG);
  const ids = model.offers;
  const range = (pairs: [number, number][]): StabilityRange => {
    let loN = 0n;
    let loD = 1n;
    let hiN = 1n;
    let hiD = 1n;
    const lowerCands: { n: bigint; d: bigint; pair: OfferPair }[] = [];
    const upperCands: { n: bigint; d: bigint; pair: OfferPair }[] = [];
    for (const [a, b] of pairs) {
      const La = ctx.L[a]!;
      const Lb = ctx.L[b]!;
      const alpha = FROM[a]! * Lb - FROM[b]! * La;
      const beta = TO[a]! * Lb - TO[b]! * La - alpha;
      if (beta === 0n) continue;
      const pair: OfferPair = [ids[a]!, ids[b]!];
      if (ctx.v[a]! * Lb === ctx.v[b]! * La) {
        // Tied now: the move breaks the tie either way.
        lowerCands.push({ n: wk, d: wG, pair });
        upperCands.push({ n: wk, d: wG, pair });
        if (wk * loD > loN * wG) [loN, loD] = [wk, wG];
        if (wk * hiD < hiN * wG) [hiN, hiD] = [wk, wG];
      } else {
        // root = −α/β with a positive denominator.
        const rn = beta > 0n ? -alpha : alpha;
        const rd = beta > 0n ? beta : -beta;
        if (beta > 0n) {
          lowerCands.push({ n: rn, d: rd, pair });
          if (rn * loD > loN * rd) [loN, loD] = [rn, rd];
        } else {
          upperCands.push({ n: rn, d: rd, pair });
          if (rn * hiD < hiN * rd) [hiN, hiD] = [rn, rd];
        }
      }
    }
    const lower = Rational.of(loN, loD);
    const upper = Rational.of(hiN, hiD);
    const lowerPairs = lowerCands.filter((c) => c.n * loD === loN * c.d).map((c) => c.pair);
    const upperPairs = upperCands.filter((c) => c.n * hiD === hiN * c.d).map((c) => c.pair);
    return {
      lower,
      upper,
      lowerPoints: lower.mul(scale),
      upperPoints: upper.mul(scale),
      lowerPair: lowerPairs[0] ?? null,
      upperPair: upperPairs[0] ?? null,
      lowerPairs,
      upperPairs,
    };
  };
  return {
    criterion: id,
    convention,
    level: node.depth,
    weight: tc,
    weightPoints: tc.mul(scale),
    scale,
    winners: ctx.winners.map((a) => ids[a]!),
    winner: range(ctx.winnerPairs),
    ranking: range(ctx.rankingPairs),
    note: null,
  };
}

/** A crossing of two offers' totals on the path. */
export interface Breakpoint {
  /** Share where the totals tie, and in points. */
  t: Rational;
  points: Rational;
  /** Tying pairs [a, b]: a is ahead just below t (a's total grows more slowly), b just above. */
  pairs: OfferPair[];
}

/** A stretch of the path between consecutive breakpoints with a constant ranking. */
export interface RankingSegment {
  from: Rational;
  to: Rational;
  /** Offer ids, best first (ties by id), inside the segment. */
  order: string[];
  /** Competition ranks inside the segment, aligned with `order`. */
  ranks: number[];
}

/** Everything a "total of each offer as this weight moves 0 → 100 %" chart needs. */
export interface BreakpointMap {
  criterion: string;
  convention: WeightConvention;
  weight: Rational;
  scale: Rational;
  /** Offer totals (points) at share 0 and 1; in between they are linear. */
  lines: { offer: string; at0: Rational; at1: Rational }[];
  /** All crossings in [0, 1] (including at 0 and 1), sorted by t. */
  breakpoints: Breakpoint[];
  /** The ranking on each open segment between breakpoints (and 0, 1), in order. */
  segments: RankingSegment[];
}

/** Options of `breakpointMap`. */
export interface BreakpointOptions {
  /**
   * Only the N best offers at the current weights (ties by id): their lines, their crossings and their
   * order on each segment. Default: every offer (O(m²) crossings, for charts of small tenders).
   */
  topN?: number;
}

/**
 * The breakpoint map of a node: every crossing t* = −α/β ∈ [0, 1] of two offers' totals (pairs with
 * identical lines never cross and stay tied), sorted, and the ranking inside each segment (evaluated
 * at its midpoint). An offer's rank as a function of t need not be an interval: read the segments.
 * O(m² log m) per node: computed on demand (charts), never by `stabilityIntervals`; `options.topN`
 * restricts it to the best offers. Same path and conventions as `stabilityInterval`.
 */
export function breakpointMap(model: LinearModel, criterion: string, convention: WeightConvention, options: BreakpointOptions = {}): BreakpointMap {
  if (options.topN !== undefined && options.topN < model.offers.length) {
    const { order } = rankValues(model.offers, totals(model));
    const keep = order.slice(0, Math.max(0, options.topN));
    model = { ...model, offers: keep.map((a) => model.offers[a]!), coef: keep.map((a) => model.coef[a]!) };
  }
  const path = weightPath(model, criterion, convention);
  const { from, to } = pathTotals(model, path);
  const ids = model.offers;
  const found: { t: Rational; pair: OfferPair }[] = [];
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const { alpha, beta } = pairLine(ids, from, to, a, b);
      if (beta.isZero()) continue;
      const t = alpha.neg().div(beta);
      if (t.sign() < 0 || t.gt(Rational.ONE)) continue;
      // g = V_a − V_b grows with β: β > 0 → b ahead before, a after.
      found.push({ t, pair: beta.sign() > 0 ? [ids[b]!, ids[a]!] : [ids[a]!, ids[b]!] });
    }
  }
  found.sort((x, y) => x.t.cmp(y.t) || cmpPair(x.pair, y.pair));
  const breakpoints: Breakpoint[] = [];
  for (const f of found) {
    const last = breakpoints[breakpoints.length - 1];
    if (last && last.t.eq(f.t)) last.pairs.push(f.pair);
    else breakpoints.push({ t: f.t, points: f.t.mul(path.scale), pairs: [f.pair] });
  }
  const cuts = [Rational.ZERO, ...breakpoints.map((b) => b.t).filter((t) => t.sign() > 0 && t.lt(Rational.ONE)), Rational.ONE];
  const segments: RankingSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i]!;
    const hi = cuts[i + 1]!;
    const mid = lo.add(hi).div(Rational.of(2));
    const vals = from.map((f, a) => f.add(to[a]!.sub(f).mul(mid)));
    const { order, ranks } = rankValues(ids, vals);
    segments.push({ from: lo, to: hi, order: order.map((a) => ids[a]!), ranks: order.map((a) => ranks[a]!) });
  }
  return {
    criterion,
    convention,
    weight: path.weight,
    scale: path.scale,
    lines: ids.map((offer, a) => ({ offer, at0: from[a]!, at1: to[a]! })),
    breakpoints,
    segments,
  };
}

function cmpPair(x: OfferPair, y: OfferPair): number {
  const a = x.join("\u0000");
  const b = y.join("\u0000");
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One Triantaphyllou–Sánchez threshold: the absolute change δ′ of leaf k that makes i and j tie. */
export interface CriticalChange {
  /** [i, j]: i currently ranks above j (or ties, ordered by id). */
  pair: OfferPair;
  /** δ′ = (V_j − V_i)/(s_jk − s_ik) in shares (w_k → w_k − δ′, then all weights ÷ (1 − δ′)); null when s_jk = s_ik. */
  delta: Rational | null;
  /** δ′ ≤ w_k (the change keeps w_k ≥ 0). */
  feasible: boolean;
  /** Relative change δ′ / w_k × 100 (percent); null when w_k = 0 or δ′ is null. */
  percent: Rational | null;
  /** The share at the tie on the global path, t = (w_k − δ′)/(1 − δ′); null if δ′ null or 1. */
  t: Rational | null;
}

/**
 * Triantaphyllou & Sánchez (1997) critical changes of leaf k for every pair (i above j) in the current
 * ranking: δ′_{k,i,j} = (V_j − V_i)/(s_jk − s_ik), V as shares-weighted totals, s = coefficients.
 * It is the global path: t = (w_k − δ′)/(1 − δ′). Feasible iff δ′ ≤ w_k. Pairs in rank order.
 * Reference: Decision Sciences 28(1) (1997) 151–194.
 */
export function criticalChanges(model: LinearModel, leaf: string): CriticalChange[] {
  const k = model.leaves.indexOf(leaf);
  if (k < 0) throw new RangeError(`criticalChanges: "${leaf}" is not a leaf`);
  const s = leafShares(model);
  const V = totals(model, s);
  const { order } = rankValues(model.offers, V);
  const wk = s[k]!;
  const out: CriticalChange[] = [];
  for (let x = 0; x < order.length; x++) {
    for (let y = x + 1; y < order.length; y++) {
      const i = order[x]!;
      const j = order[y]!;
      const den = model.coef[j]![k]!.sub(model.coef[i]![k]!);
      const pair: OfferPair = [model.offers[i]!, model.offers[j]!];
      if (den.isZero()) {
        out.push({ pair, delta: null, feasible: false, percent: null, t: null });
        continue;
      }
      const delta = V[j]!.sub(V[i]!).div(den);
      const oneMinus = Rational.ONE.sub(delta);
      out.push({
        pair,
        delta,
        feasible: delta.le(wk),
        percent: wk.isZero() ? null : delta.div(wk).mul(Rational.of(100)),
        t: oneMinus.isZero() ? null : wk.sub(delta).div(oneMinus),
      });
    }
  }
  return out;
}
