// Can some values of the unknown notes reproduce the declared figures? An exact LP decision with
// ranges for each unknown, or a proven conflict (an irreducible set of declared figures). Pure.
import { Rational } from "../exact/rational.js";
import type { DeclaredFigure, Tender } from "../domain/types.js";
import { planAggregation } from "../scoring/aggregate.js";
import { admission, planLeaves } from "../scoring/inputs.js";
import { scoreTender } from "../scoring/score-tender.js";
import { figureValue } from "./compare.js";
import { defaultTolerance } from "./tolerance.js";
import { solveExactLp, type LpRow } from "./lp.js";

export interface UnknownRange {
  offer: string;
  leaf: string;
  /** Top of the note scale. */
  scale: Rational;
  min: Rational;
  max: Rational;
}

/** A declared fact that takes part in a conflict. */
export type ConflictItem =
  | { kind: "figure"; figure: DeclaredFigure }
  | { kind: "rank-order"; above: DeclaredFigure; below: DeclaredFigure }
  | { kind: "rank-tie"; a: DeclaredFigure; b: DeclaredFigure }
  | { kind: "rank-first"; first: DeclaredFigure; other: string };

export type Feasibility =
  /** No declared figure depends on unknown values. */
  | { status: "not-needed" }
  /** Proven: the witness values reproduce every declared figure (recomputed exactly). */
  | { status: "feasible"; ranges: UnknownRange[]; witness: UnknownRange[]; relaxedRounding: boolean }
  /** Proven: no admissible values reproduce the declared facts in `conflict` (minimal: drop one and it becomes possible). */
  | { status: "inconsistent"; conflict: ConflictItem[] }
  /** Neither proven; `reason` says why. */
  | { status: "not-decided"; reason: "relative-unknowns" | "no-witness"; ranges: UnknownRange[] };

interface Group {
  item: ConflictItem;
  rows: LpRow[];
  strict: boolean;
}

/**
 * Decide whether the unknown notes (each x in [0, max] of its `direct` leaf) can reproduce all declared
 * figures together. Model: each node's unrounded points are affine in the unknowns (Σ W·x/max plus the
 * known part); the buyer's rounding makes a rounded figure differ from the unrounded one by at most
 * the sum of the half-steps of the rounded nodes below it (`slack`), so each declared figure gives
 * |expr − declared| ≤ tolerance + slack, a declared rank order T_i > T_j gives T_i − T_j ≥ t − slack_i −
 * slack_j, an equal rank |T_i − T_j| ≤ slacks, a declared rank 1 gives T_1 ≥ T_j for every admitted j.
 * This LP is a relaxation (exact when nothing is rounded): we maximise t with an exact rational
 * simplex. Infeasible, or max t = 0 while some order is strict → PROVEN inconsistent; a deletion
 * filter then keeps an irreducible conflicting set. Otherwise the LP optimum is checked by an exact
 * rescoring: if it reproduces every figure (ranks equal, points within tolerance) the figures are
 * PROVEN reproducible; if not (rounding relaxation) the answer is "not decided". Ranges: min and max
 * of each unknown over the relaxation (2 LPs each): necessary bounds, exact without rounding.
 * Unknowns on other rules (prices, relative notes) are not modelled: "not decided".
 */
export function decideFeasibility(tender: Tender, declared: readonly DeclaredFigure[], tolerance?: Rational): Feasibility {
  const leaves = planLeaves(tender, {});
  const cells: Array<{ offer: number; leaf: number; scale: Rational }> = [];
  let relative = false;
  tender.offers.forEach((o, i) =>
    leaves.forEach((l, j) => {
      if ((o.values.get(l.node.id) ?? null) !== null) return;
      if (l.method.id !== "direct" || l.max === null || l.max.sign() <= 0) relative = true;
      else cells.push({ offer: i, leaf: j, scale: l.max });
    }),
  );
  if (cells.length === 0 && !relative) return { status: "not-needed" };
  if (relative) return { status: "not-decided", reason: "relative-unknowns", ranges: [] };

  const n = cells.length; // variable n = t
  const zeros = new Map<string, Map<string, Rational>>();
  for (const c of cells) {
    const id = tender.offers[c.offer]!.id;
    if (!zeros.has(id)) zeros.set(id, new Map());
    zeros.get(id)!.set(leaves[c.leaf]!.node.id, Rational.ZERO);
  }
  const base = scoreTender(tender, { rounding: false, values: zeros });
  const plan = planAggregation(tender.criteria);
  const offerIndex = new Map(tender.offers.map((o, i) => [o.id, i] as const));
  // Leaves under each node, and each node's rounding slack.
  const leavesUnder = new Map<string, Set<number>>();
  const slackOf = new Map<string, Rational>();
  plan.order.forEach((node) => {
    const set = new Set<number>();
    let slack = Rational.ZERO;
    if (node.leafIndex !== null && node.children.length === 0) set.add(node.leafIndex);
    for (const ch of node.children) {
      const c = plan.order[ch]!;
      leavesUnder.get(c.id)!.forEach((x) => set.add(x));
      slack = slack.add(slackOf.get(c.id)!);
    }
    if (node.decimals !== null) slack = slack.add(Rational.of(1n, 2n * 10n ** BigInt(node.decimals)));
    leavesUnder.set(node.id, set);
    slackOf.set(node.id, slack);
  });
  const rootsSlack = Rational.sum(plan.roots.map((r) => slackOf.get(plan.order[r]!.id)!));
  const allLeaves = new Set(leaves.map((_, j) => j));
  const expr = (offer: string, node: string): { coef: Rational[]; constant: Rational; slack: Rational } | null => {
    const i = offerIndex.get(offer);
    if (i === undefined) return null;
    const under = node === "total" ? allLeaves : leavesUnder.get(node);
    const constant = figureValue(base, offer, node);
    if (!under || constant === null) return null;
    const coef = new Array<Rational>(n + 1).fill(Rational.ZERO);
    cells.forEach((c, v) => {
      if (c.offer === i && under.has(c.leaf)) coef[v] = leaves[c.leaf]!.node.weight.div(c.scale);
    });
    return { coef, constant, slack: node === "total" ? rootsSlack : slackOf.get(node)! };
  };
  const hasVars = (coef: readonly Rational[]) => coef.some((x) => !x.isZero());

  const groups: Group[] = [];
  for (const fig of declared) {
    if (fig.node === "rank") continue;
    const e = expr(fig.offer, fig.node);
    if (!e || !hasVars(e.coef)) continue;
    const tol = (tolerance ?? defaultTolerance(fig.text, fig.value)).add(e.slack);
    groups.push({
      item: { kind: "figure", figure: fig },
      strict: false,
      rows: [
        { coef: e.coef, sense: "<=", rhs: fig.value.add(tol).sub(e.constant) },
        { coef: e.coef, sense: ">=", rhs: fig.value.sub(tol).sub(e.constant) },
      ],
    });
  }
  const { admitted } = admission(tender, {});
  const ranks = declared.filter((d) => d.node === "rank" && admitted[offerIndex.get(d.offer) ?? -1]);
  const diff = (a: string, b: string) => {
    const ea = expr(a, "total")!;
    const eb = expr(b, "total")!;
    return { coef: ea.coef.map((x, k) => x.sub(eb.coef[k]!)), constant: ea.constant.sub(eb.constant), slack: ea.slack.add(eb.slack) };
  };
  const tCoef = (coef: Rational[]) => coef.map((x, k) => (k === n ? Rational.ONE.neg() : x));
  for (let a = 0; a < ranks.length; a++) {
    for (let b = 0; b < ranks.length; b++) {
      const A = ranks[a]!;
      const B = ranks[b]!;
      if (a === b || A.value.gt(B.value)) continue;
      const d = diff(A.offer, B.offer);
      if (!hasVars(d.coef)) continue;
      if (A.value.lt(B.value)) {
        // T_A − T_B − t ≥ −slack − constant
        groups.push({ item: { kind: "rank-order", above: A, below: B }, strict: true, rows: [{ coef: tCoef(d.coef), sense: ">=", rhs: d.slack.neg().sub(d.constant) }] });
      } else if (a < b) {
        groups.push({
          item: { kind: "rank-tie", a: A, b: B },
          strict: false,
          rows: [
            { coef: d.coef, sense: "<=", rhs: d.slack.sub(d.constant) },
            { coef: d.coef, sense: ">=", rhs: d.slack.neg().sub(d.constant) },
          ],
        });
      }
    }
  }
  for (const first of ranks.filter((r) => r.value.eq(Rational.ONE))) {
    tender.offers.forEach((o, j) => {
      if (!admitted[j] || o.id === first.offer || ranks.some((r) => r.offer === o.id)) return;
      const d = diff(first.offer, o.id);
      if (!hasVars(d.coef)) return;
      groups.push({ item: { kind: "rank-first", first, other: o.id }, strict: false, rows: [{ coef: d.coef, sense: ">=", rhs: d.slack.neg().sub(d.constant) }] });
    });
  }
  if (groups.length === 0) return { status: "not-needed" };

  const boundRows: LpRow[] = cells.map((c, v) => ({ coef: unit(n + 1, v), sense: "<=", rhs: c.scale }));
  boundRows.push({ coef: unit(n + 1, n), sense: "<=", rhs: Rational.ONE });
  const solve = (gs: readonly Group[], objective: Rational[], fixT: boolean) => {
    const rows = [...boundRows, ...gs.flatMap((g) => g.rows)];
    if (fixT) rows.push({ coef: unit(n + 1, n), sense: "<=", rhs: Rational.ZERO });
    return solveExactLp(objective, rows);
  };
  const maxT = unit(n + 1, n).map((x) => x.neg());
  const feasible = (gs: readonly Group[]): Rational[] | null => {
    const r = solve(gs, maxT, false);
    if (r.status !== "optimal") return null;
    if (gs.some((g) => g.strict) && r.x[n]!.sign() <= 0) return null;
    return r.x;
  };
  const x = feasible(groups);
  if (!x) {
    // Deletion filter: drop every group whose removal keeps the system infeasible.
    let kept = [...groups];
    for (const g of groups) {
      const without = kept.filter((k) => k !== g);
      if (!feasible(without)) kept = without;
    }
    return { status: "inconsistent", conflict: kept.map((g) => g.item) };
  }
  const ranges: UnknownRange[] = cells.map((c, v) => {
    const lo = solve(groups, unit(n + 1, v), false);
    const hi = solve(groups, unit(n + 1, v).map((q) => q.neg()), false);
    const min = lo.status === "optimal" ? lo.x[v]! : Rational.ZERO;
    const max = hi.status === "optimal" ? hi.x[v]! : c.scale;
    return { offer: tender.offers[c.offer]!.id, leaf: leaves[c.leaf]!.node.id, scale: c.scale, min, max };
  });
  const relaxedRounding = !rootsSlack.isZero();
  const candidates = [x, ranges.map((r) => r.min.add(r.max).div(Rational.of(2)))];
  for (const cand of candidates) {
    const witness = ranges.map((r, v) => ({ ...r, min: cand[v]!, max: cand[v]! }));
    if (reproducesAll(tender, involved(groups), witness, tolerance)) return { status: "feasible", ranges, witness, relaxedRounding };
  }
  return { status: "not-decided", reason: "no-witness", ranges };
}

/** The declared figures the LP constrains (the witness must reproduce exactly these). */
function involved(groups: readonly Group[]): DeclaredFigure[] {
  const out = new Set<DeclaredFigure>();
  for (const { item } of groups) {
    if (item.kind === "figure") out.add(item.figure);
    else if (item.kind === "rank-order") [item.above, item.below].forEach((f) => out.add(f));
    else if (item.kind === "rank-tie") [item.a, item.b].forEach((f) => out.add(f));
    else out.add(item.first);
  }
  return [...out];
}

function unit(len: number, k: number): Rational[] {
  return Array.from({ length: len }, (_, i) => (i === k ? Rational.ONE : Rational.ZERO));
}

/** Exact rescoring with the witness values: every declared figure within tolerance, ranks equal. */
function reproducesAll(tender: Tender, declared: readonly DeclaredFigure[], witness: readonly UnknownRange[], tolerance?: Rational): boolean {
  const values = new Map<string, Map<string, Rational>>();
  for (const w of witness) {
    if (!values.has(w.offer)) values.set(w.offer, new Map());
    values.get(w.offer)!.set(w.leaf, w.min);
  }
  const result = scoreTender(tender, { values });
  return declared.every((d) => {
    const v = figureValue(result, d.offer, d.node);
    if (v === null) return false;
    if (d.node === "rank") return v.eq(d.value);
    return d.value.sub(v).abs().le(tolerance ?? defaultTolerance(d.text, d.value));
  });
}
