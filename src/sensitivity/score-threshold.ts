// Single-value thresholds (sensitivity-methods.md §4): the one raw value (a jury note, or an offer's own
// price with every relative formula recomputed) that makes a challenger tie the winner. Pure; exact.
import { Rational } from "../exact/rational.js";
import type { ScoreOptions, Tender } from "../domain/types.js";
import { scoreTender } from "../scoring/score-tender.js";
import { planLeaves } from "../scoring/inputs.js";

/** Who moves: the challenger improves its own value, or the winner worsens its own. */
export type ThresholdDirection = "raise-challenger" | "lower-winner";

/**
 * - `above-scale` / `below-scale`: the note needed lies outside [0, max] of the leaf's scale;
 * - `non-positive-price`: only a price ≤ 0 would do;
 * - `cannot-tie`: no value of this one input makes the pair tie (e.g. the leaf weighs 0).
 */
export type UnreachableReason = "above-scale" | "below-scale" | "non-positive-price" | "cannot-tie";

/** The tie threshold of one (challenger, leaf, direction). */
export interface ScoreThreshold {
  challenger: string;
  winner: string;
  leaf: string;
  direction: ThresholdDirection;
  /** The offer whose raw value moves (the challenger or the winner). */
  mover: string;
  /** "note" for quality leaves (note points on the leaf's scale), "price" for price / cost (amounts). */
  kind: "note" | "price";
  /** The mover's current raw value. */
  current: Rational;
  /** Exact raw value at the tie (also when unreachable, if it exists); null when bracketed or none. */
  target: Rational | null;
  /** target − current (note points or amount); null when bracketed or none. */
  delta: Rational | null;
  /** Monotone bisection on exact values (formulas without a closed-form inverse): the tie lies inside. */
  bracket: { lower: Rational; upper: Rational } | null;
  /**
   * The totals jump over the tie at `target` (a rule with a discontinuity, e.g. min–max with two
   * offers): any value strictly beyond `target` reverses the pair, no value ties exactly.
   */
  jump: boolean;
  /** On the scale (notes) or a positive price. */
  reachable: boolean;
  reason: UnreachableReason | null;
  /** How it was solved: closed-form inverse on a piece, or bisection. */
  method: "exact" | "bisection" | "none";
  /** Leaf scale (max note) for notes; null for prices. */
  scale: Rational | null;
}

/**
 * How much a threshold asks for, comparable across leaves, exactly: |Δ| over the leaf's scale (notes)
 * or over the current price (prices; |Δ| alone when that is 0). A bracketed tie uses its lower end;
 * null when there is no tie value at all.
 */
export function thresholdSize(t: ScoreThreshold): Rational | null {
  const d = t.delta ?? (t.bracket ? t.bracket.lower.sub(t.current) : null);
  if (d === null) return null;
  const ref = t.kind === "note" ? t.scale : t.current.abs();
  return ref && ref.sign() > 0 ? d.abs().div(ref) : d.abs();
}

/** Order thresholds by size, smallest first, those without a size last (a stable sort keeps ties in place). */
export function compareThresholdSize(x: ScoreThreshold, y: ScoreThreshold): number {
  const a = thresholdSize(x);
  const b = thresholdSize(y);
  return a && b ? a.cmp(b) : a ? -1 : b ? 1 : 0;
}

/** The smallest single-note change that decides the award (over challengers, note leaves, both directions). */
export interface NoteMargin {
  /** |delta| in note points of `leaf`'s scale. */
  points: Rational;
  scale: Rational;
  leaf: string;
  challenger: string;
  direction: ThresholdDirection;
  /** The mover's note before and at the tie. */
  from: Rational;
  to: Rational;
}

export interface ScoreSensitivity {
  /** The winner the thresholds are measured against (first of the unrounded ranking), null without offers. */
  winner: string | null;
  thresholds: ScoreThreshold[];
  /** null when no note leaf can decide the award on its scale. */
  noteMargin: NoteMargin | null;
}

/** g is affine in u(x) on [lo, hi] (null = unbounded); `samples` are two distinct points inside. */
interface Piece {
  lo: Rational | null;
  hi: Rational | null;
  u: (x: Rational) => Rational;
  uInv: (u: Rational) => Rational | null;
  samples: [Rational, Rational];
}

const TWO = Rational.of(2);
const BISECTION_STEPS_MAX = 200;
/** Bisection stops when the bracket is narrower than max(|x0|, 1) × 2⁻³² (about 2.3e-10 relative). */
const BISECTION_TOLERANCE = Rational.of(1n, 1n << 32n);

const linear = (lo: Rational | null, hi: Rational | null, samples: [Rational, Rational]): Piece => ({
  lo,
  hi,
  u: (x) => x,
  uInv: (u) => u,
  samples,
});
const reciprocal = (lo: Rational | null, hi: Rational | null, samples: [Rational, Rational]): Piece => ({
  lo,
  hi,
  u: (x) => x.inv(),
  uInv: (u) => (u.isZero() ? null : u.inv()),
  samples,
});
/** u = 1/(c − x) (x < c) or u = 1/(x − c) (x > c). */
const pole = (c: Rational, side: "below" | "above", lo: Rational | null, hi: Rational | null, samples: [Rational, Rational]): Piece => ({
  lo,
  hi,
  u: (x) => (side === "below" ? c.sub(x) : x.sub(c)).inv(),
  uInv: (u) => (u.isZero() ? null : side === "below" ? c.sub(u.inv()) : c.add(u.inv())),
  samples,
});

/**
 * The pieces on which V_b − V_a is affine in a known transform of the mover's value x, for the leaf's
 * rule, given the other admissible values on the leaf (`others`, non-empty). null: no closed form
 * (bisection). Rules (procurement-scoring.md §1):
 * - `direct`: c = x/max, affine everywhere (evaluated on [0, max], extended linearly beyond).
 * - `relative-best`: B = best other note; x ≤ B: c = x/B (affine); x ≥ B: the mover sets the best,
 *   every other note becomes n_k/x (affine in 1/x).
 * - `proportional`: m = lowest other price; x ≥ m: only the mover's note m/x moves (affine in 1/x);
 *   x ≤ m: the mover sets Pmin, every other note x/P_k (affine in x).
 * - `linear-minmax`: m, M = lowest, highest other price; x ≤ m: c_k = (M − P_k)/(M − x) (affine in
 *   1/(M − x)); m ≤ x ≤ M: affine in x; x ≥ M: c_k = (x − P_k)/(x − m) (affine in 1/(x − m)). With
 *   m = M (two offers) the middle piece is a single point and the totals jump there.
 * - `reference(ref; zero)` (absolute): constant, affine on [ref, zero], constant.
 */
function piecesFor(methodId: string, params: Record<string, Rational>, others: readonly Rational[], max: Rational | null): Piece[] | null {
  const lo = others.reduce((a, b) => Rational.min(a, b));
  const hi = others.reduce((a, b) => Rational.max(a, b));
  switch (methodId) {
    case "direct": {
      if (max === null || max.sign() <= 0) return null;
      return [linear(null, null, [Rational.ZERO, max])];
    }
    case "relative-best": {
      if (hi.sign() <= 0) return null;
      return [linear(null, hi, [hi.div(TWO), hi]), reciprocal(hi, null, [hi, hi.mul(TWO)])];
    }
    case "proportional": {
      if (lo.sign() <= 0) return null;
      return [linear(null, lo, [lo.div(TWO), lo]), reciprocal(lo, null, [lo, lo.mul(TWO)])];
    }
    case "linear-minmax": {
      if (lo.sign() <= 0) return null;
      const below = pole(hi, "below", null, lo, [lo.div(Rational.of(4)), lo.div(TWO)]);
      const above = pole(lo, "above", hi, null, [hi.mul(TWO), hi.mul(Rational.of(3))]);
      const middle = lo.eq(hi) ? linear(lo, lo, [lo, lo]) : linear(lo, hi, [lo, hi]);
      return [below, middle, above];
    }
    case "reference": {
      const ref = params["ref"];
      const zero = params["zero"];
      if (!ref || !zero || zero.le(ref)) return null;
      const flatLo = ref.sub(zero.sub(ref));
      return [
        linear(null, ref, [flatLo, ref]),
        linear(ref, zero, [ref, zero]),
        linear(zero, null, [zero, zero.add(zero.sub(ref))]),
      ];
    }
    default:
      return null;
  }
}

/** Exact totals difference V_b − V_a with the mover's value on `leaf` set to x (unrounded scoring). */
type Gap = (x: Rational) => Rational;

function gapFunction(tender: Tender, base: ScoreOptions, mover: string, leaf: string, a: string, b: string): Gap {
  return (x) => {
    const values = new Map(base.values ?? []);
    const row = new Map(values.get(mover) ?? []);
    row.set(leaf, x);
    values.set(mover, row);
    const res = scoreTender(tender, { ...base, rounding: false, values });
    const ta = res.offers.find((o) => o.id === a)!.total;
    const tb = res.offers.find((o) => o.id === b)!.total;
    return tb.sub(ta);
  };
}

interface Solved {
  target: Rational | null;
  bracket: { lower: Rational; upper: Rational } | null;
  jump: boolean;
  method: ScoreThreshold["method"];
}

const inPiece = (p: Piece, x: Rational): boolean => (p.lo === null || x.ge(p.lo)) && (p.hi === null || x.le(p.hi));

/**
 * First tie met when x moves from x0 in direction `dir` (+1 up, −1 down), g(x0) < 0, g monotone along
 * the move: on each piece (in the order met) fit g = A + B·u(x) from two exact evaluations and solve
 * A + B·u = 0; a root inside the piece and beyond x0 is the answer. If the piece's value at its near end
 * is already ≥ 0 the totals jumped at that boundary. `verify(x)` says whether x can be checked by the
 * scorer (inside the rule's domain): then g(x*) must be exactly 0, else null is returned (→ bisection).
 */
function solveOnPieces(g: Gap, pieces: Piece[], x0: Rational, dir: 1 | -1, verify: (x: Rational) => boolean): Solved | null {
  const ordered = dir > 0 ? pieces : [...pieces].reverse();
  for (const p of ordered) {
    // Skip pieces entirely behind x0.
    if (dir > 0 && p.hi !== null && p.hi.lt(x0)) continue;
    if (dir < 0 && p.lo !== null && p.lo.gt(x0)) continue;
    const [s1, s2] = p.samples;
    const g1 = g(s1);
    let A: Rational;
    let B: Rational;
    if (s1.eq(s2)) {
      A = g1;
      B = Rational.ZERO;
    } else {
      const u1 = p.u(s1);
      const u2 = p.u(s2);
      B = g(s2).sub(g1).div(u2.sub(u1));
      A = g1.sub(B.mul(u1));
    }
    const near = dir > 0 ? (p.lo !== null && p.lo.gt(x0) ? p.lo : x0) : p.hi !== null && p.hi.lt(x0) ? p.hi : x0;
    if (B.isZero()) {
      if (A.sign() >= 0 && !near.eq(x0)) return { target: near, bracket: null, jump: A.sign() > 0, method: "exact" };
      continue;
    }
    const x = p.uInv(A.neg().div(B));
    if (x !== null && inPiece(p, x) && x.sub(x0).sign() * dir >= 0) {
      if (verify(x) && !g(x).isZero()) return null;
      return { target: x, bracket: null, jump: false, method: "exact" };
    }
    // No root inside: did the totals jump at the near boundary?
    if (!near.eq(x0)) {
      const nearU = p.u(near);
      if (A.add(B.mul(nearU)).sign() > 0) return { target: near, bracket: null, jump: true, method: "exact" };
    }
  }
  return { target: null, bracket: null, jump: false, method: "none" };
}

/**
 * Bisection on exact values for monotone rules without a closed-form inverse (mean-cubic, Italian
 * rules, linear-lowest): find a far point (doubling or halving a positive price, up to 2⁴⁰, or the
 * scale end for notes) where g ≥ 0, then halve the bracket until narrower than max(|x0|, 1)·2⁻³².
 */
function bisect(g: Gap, x0: Rational, dir: 1 | -1, kind: "note" | "price", scale: Rational | null): Solved {
  let far: Rational | null = null;
  if (kind === "note") {
    const end = dir > 0 ? (scale ?? x0.mul(TWO).add(Rational.ONE)) : Rational.ZERO;
    if (g(end).sign() >= 0) far = end;
  } else if (x0.sign() > 0) {
    let x = x0;
    for (let k = 0; k < 40 && far === null; k++) {
      x = dir > 0 ? x.mul(TWO) : x.div(TWO);
      if (g(x).sign() >= 0) far = x;
    }
  }
  if (far === null) return { target: null, bracket: null, jump: false, method: "none" };
  let near = x0;
  const tol = Rational.max(x0.abs(), Rational.ONE).mul(BISECTION_TOLERANCE);
  for (let i = 0; i < BISECTION_STEPS_MAX && far.sub(near).abs().gt(tol); i++) {
    const mid = near.add(far).div(TWO);
    const v = g(mid);
    if (v.isZero()) return { target: mid, bracket: null, jump: false, method: "bisection" };
    if (v.sign() < 0) near = mid;
    else far = mid;
  }
  const [lower, upper] = near.lt(far) ? [near, far] : [far, near];
  return { target: null, bracket: { lower, upper }, jump: false, method: "bisection" };
}

function reachability(kind: "note" | "price", x: Rational | null, bracket: Solved["bracket"], scale: Rational | null, found: boolean) {
  if (!found) return { reachable: false, reason: "cannot-tie" as const };
  const v = x ?? bracket!.upper;
  if (kind === "price") return v.sign() > 0 ? { reachable: true, reason: null } : { reachable: false, reason: "non-positive-price" as const };
  if (v.sign() < 0) return { reachable: false, reason: "below-scale" as const };
  if (scale !== null && v.gt(scale)) return { reachable: false, reason: "above-scale" as const };
  return { reachable: true, reason: null };
}

/**
 * For every challenger b (ranked, in rank order) and every leaf j of weight > 0: the single raw value
 * that makes b tie the winner a* — b's own note raised / price lowered (`raise-challenger`), and a*'s
 * note lowered / price raised (`lower-winner`) — with every relative formula recomputed for every offer
 * (scoreTender with `options.values`). Exact closed-form inverse on each piece where the rule allows it
 * (see piecesFor), verified by rescoring; otherwise monotone bisection reported as a bracket.
 *
 * Units: notes in points of the leaf's own scale (e.g. /20), prices in the tender's currency. The
 * scoring is UNROUNDED (the buyer's `decimals` are ignored) so that a threshold is a property of the
 * rule, not of a rounding. For `direct` leaves, Δ = (V_a* − V_b)/(w_j/max_j) exactly (O3: B Price +10).
 * Edge cases: no or one ranked offer → no thresholds; co-winners tie already (Δ = 0); a leaf of weight
 * 0 → `cannot-tie`. Reference: sensitivity-methods.md §4, §9 (O3).
 */
export function scoreThresholds(tender: Tender, options: ScoreOptions = {}): ScoreSensitivity {
  const base: ScoreOptions = { ...options, rounding: false };
  const result = scoreTender(tender, base);
  const ranked = result.offers.filter((o) => o.rank !== null);
  const winner = ranked[0];
  if (!winner) return { winner: null, thresholds: [], noteMargin: null };
  const plans = planLeaves(tender, base);
  const rawOf = (offer: string, leaf: string): Rational => {
    const v = base.values?.get(offer)?.get(leaf) ?? tender.offers.find((o) => o.id === offer)!.values.get(leaf);
    if (!v) throw new RangeError(`scoreThresholds: no value for ${offer}/${leaf}`);
    return v;
  };
  const thresholds: ScoreThreshold[] = [];
  for (const b of ranked.slice(1)) {
    for (const plan of plans) {
      const leaf = plan.node.id;
      if (plan.node.weight.isZero()) continue;
      const kind = plan.node.type === "quality" ? "note" : "price";
      const scale = kind === "note" ? (plan.method.id === "direct" ? plan.max : plan.node.max) : null;
      for (const direction of ["raise-challenger", "lower-winner"] as const) {
        const mover = direction === "raise-challenger" ? b.id : winner.id;
        const x0 = rawOf(mover, leaf);
        const up = (kind === "note") === (direction === "raise-challenger");
        const dir: 1 | -1 = up ? 1 : -1;
        const g = gapFunction(tender, base, mover, leaf, winner.id, b.id);
        const g0 = b.total.sub(winner.total);
        let solved: Solved;
        if (g0.sign() >= 0) solved = { target: x0, bracket: null, jump: false, method: "exact" };
        else {
          const others = ranked.filter((o) => o.id !== mover).map((o) => rawOf(o.id, leaf));
          const pieces = piecesFor(plan.method.id, plan.method.params, others, plan.max);
          const verify = (x: Rational): boolean =>
            kind === "price" ? x.sign() > 0 : x.sign() >= 0 && (scale === null || x.le(scale));
          solved = (pieces && solveOnPieces(g, pieces, x0, dir, verify)) ?? bisect(g, x0, dir, kind, scale);
        }
        const found = solved.target !== null || solved.bracket !== null;
        const { reachable, reason } = reachability(kind, solved.target, solved.bracket, scale, found);
        thresholds.push({
          challenger: b.id,
          winner: winner.id,
          leaf,
          direction,
          mover,
          kind,
          current: x0,
          target: solved.target,
          delta: solved.target ? solved.target.sub(x0) : null,
          bracket: solved.bracket,
          jump: solved.jump,
          reachable,
          reason,
          method: solved.method,
          scale,
        });
      }
    }
  }
  return { winner: winner.id, thresholds, noteMargin: noteMargin(thresholds) };
}

/**
 * The jury-note margin: min |Δ| over reachable note thresholds (both directions, every challenger and
 * note leaf), in note points of that leaf's scale; ties by list order. null when none is reachable.
 */
export function noteMargin(thresholds: readonly ScoreThreshold[]): NoteMargin | null {
  let best: NoteMargin | null = null;
  for (const t of thresholds) {
    if (t.kind !== "note" || !t.reachable || t.delta === null || t.target === null || t.scale === null) continue;
    const points = t.delta.abs();
    if (best === null || points.lt(best.points)) {
      best = { points, scale: t.scale, leaf: t.leaf, challenger: t.challenger, direction: t.direction, from: t.current, to: t.target };
    }
  }
  return best;
}
