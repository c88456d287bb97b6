// Explanations of discrepancies between declared and recomputed figures, each one verified by an
// exact recomputation under the hypothesis (never guessed). Pure; no IO.
import { Rational } from "../exact/rational.js";
import type { CriterionNode, DeclaredFigure, MethodSpec, ScoreOptions, ScoreResult, Tender } from "../domain/types.js";
import { FORMULA_DEFS } from "../scoring/formulas/catalog.js";
import { methodText } from "../scoring/formulas/index.js";
import { scoreTender } from "../scoring/score-tender.js";
import { figureValue, type FigureCheck } from "./compare.js";

export type Explanation =
  /** The tree announces rounding (`decimals`); the declared figure is the unrounded recomputation. */
  | { kind: "rounding-not-applied"; value: Rational }
  /** No (or other) rounding announced; every stage rounded half-up to `decimals` reproduces the figure. */
  | { kind: "rounding-unannounced"; decimals: number; value: Rational }
  /** The published figure is the recomputed one rounded at publication (half-up or truncated). */
  | { kind: "published-rounding"; decimals: number; mode: "half-up" | "down"; value: Rational }
  /** Reading one sub-weight group the other way (points ↔ percent of the parent) reproduces it. */
  | { kind: "weights-reading"; group: string; announced: "points" | "percent"; used: "points" | "percent"; value: Rational }
  /** Another price method of the catalogue (default parameters) on a leaf reproduces the node's figures. */
  | { kind: "price-method"; leaf: string; announced: string; methods: string[]; value: Rational }
  /** The declared figure is not the sum of the declared parts. */
  | { kind: "sum-mismatch"; parts: string[]; sum: Rational; difference: Rational; partsAgree: boolean }
  /** The declared rank does not follow from the declared totals. */
  | { kind: "rank-not-from-totals"; implied: number }
  /** The declared rank follows from the declared totals, which themselves differ from the recomputation. */
  | { kind: "rank-from-declared-totals"; implied: number };


/**
 * Attach explanations to every disagreeing figure (mutates `checks[i].explanations`). Hypotheses, each
 * verified by recomputing the whole tender exactly and requiring the figure to fall within its
 * tolerance under the hypothesis:
 * - rounding: the announced `decimals` not applied (options.rounding false); every stage rounded to the
 *   figure's published decimals although not announced; the recomputed figure rounded half-up or
 *   truncated to the published decimals at publication;
 * - weights: one sub-weight group read as points instead of percent of its parent, or the reverse;
 * - price method: each other price/cost rule of the catalogue that needs no parameter, on each price
 *   leaf; named only when it reproduces every declared figure of the same node (all offers);
 * - sums: the declared figure of a node (or total) vs the sum of its declared parts (all parts declared
 *   for that offer), beyond the parts' and the node's own tolerances (rounded exactly when the node
 *   has `decimals`);
 * - ranks: the rank implied by the declared totals (when every ranked offer has one).
 * Cost: one full rescoring per hypothesis (groups + price leaves × rules + 2 or 3), only when some
 * figure disagrees.
 */
export function explainDiscrepancies(tender: Tender, result: ScoreResult, checks: FigureCheck[], declared: readonly DeclaredFigure[]): void {
  const bad = checks.filter((c) => c.status === "disagrees");
  if (bad.length === 0) return;
  const tree = tender.criteria;
  const safeScore = (t: Tender, o: ScoreOptions): ScoreResult | null => {
    try {
      return scoreTender(t, o);
    } catch {
      return null;
    }
  };
  const reproduces = (r: ScoreResult | null, c: FigureCheck): Rational | null => {
    if (!r) return null;
    const v = figureValue(r, c.offer, c.node);
    return v !== null && c.declared.sub(v).abs().le(c.tolerance) ? v : null;
  };

  // Rounding announced but not applied.
  const hasDecimals = tree.nodes.some((n) => n.decimals !== null);
  const unrounded = hasDecimals ? safeScore(tender, { rounding: false }) : null;
  // Rounding applied at every stage to k decimals.
  const byDecimals = new Map<number, ScoreResult | null>();
  const roundedTo = (k: number): ScoreResult | null => {
    if (!byDecimals.has(k)) byDecimals.set(k, safeScore(withNodes(tender, (n) => ({ ...n, decimals: k })), {}));
    return byDecimals.get(k)!;
  };
  // Weight readings.
  const readings = tree.groups
    .filter((g) => g.parent !== null && (g.reading === "points" || g.reading === "percent"))
    .map((g) => ({ group: g.parent!, announced: g.reading as "points" | "percent", result: safeScore(flipGroup(tender, g.parent!), {}) }));
  // Price methods.
  const priceLeaves = tree.leaves.map((id) => tree.byId.get(id)!).filter((n) => n.type === "price" || n.type === "cost");
  const alternatives = priceLeaves.flatMap((leaf) =>
    FORMULA_DEFS.filter((d) => d.appliesTo.includes(leaf.type) && d.params.every((p) => p.default !== undefined) && d.id !== (leaf.method?.id ?? "proportional")).map((d) => {
      const spec: MethodSpec = { id: d.id, params: {}, text: d.id };
      spec.text = methodText(spec);
      return { leaf, spec, result: safeScore(tender, { methods: { [leaf.id]: spec } }) };
    }),
  );
  const declaredOf = (offer: string, node: string) => declared.find((d) => d.offer === offer && d.node === node);

  for (const c of bad) {
    const add = (e: Explanation | null) => {
      if (e) c.explanations.push(e);
    };
    if (c.kind === "rank") {
      explainRank(c, result, declared, add);
      continue;
    }
    if (unrounded) {
      const v = reproduces(unrounded, c);
      if (v) add({ kind: "rounding-not-applied", value: v });
    }
    if (c.decimals !== null && c.recomputed !== null) {
      const k = c.decimals;
      const already = tree.nodes.every((n) => n.decimals === k);
      if (!already) {
        const v = reproduces(roundedTo(k), c);
        if (v) add({ kind: "rounding-unannounced", decimals: k, value: v });
      }
      for (const mode of ["half-up", "down"] as const) {
        const v = c.recomputed.round(k, mode);
        if (v.eq(c.declared) && !c.explanations.some((e) => e.kind === "published-rounding")) add({ kind: "published-rounding", decimals: k, mode, value: v });
      }
    }
    for (const r of readings) {
      const v = reproduces(r.result, c);
      if (v) add({ kind: "weights-reading", group: r.group, announced: r.announced, used: r.announced === "points" ? "percent" : "points", value: v });
    }
    const sameNode = (x: FigureCheck) => x.node === c.node;
    for (const leaf of priceLeaves) {
      const ok = alternatives.filter((a) => a.leaf === leaf && checks.filter(sameNode).every((x) => reproduces(a.result, x) !== null));
      if (ok.length === 0) continue;
      const v = reproduces(ok[0]!.result, c)!;
      add({ kind: "price-method", leaf: leaf.id, announced: leaf.method?.text ?? "proportional", methods: ok.map((a) => a.spec.text), value: v });
    }
    add(sumMismatch(tender, c, declaredOf, checks));
  }
}

function explainRank(c: FigureCheck, result: ScoreResult, declared: readonly DeclaredFigure[], add: (e: Explanation) => void): void {
  const ranked = result.offers.filter((o) => o.rank !== null).map((o) => o.id);
  const totals = new Map(declared.filter((d) => d.node === "total").map((d) => [d.offer, d.value] as const));
  const mine = totals.get(c.offer);
  if (!mine || !ranked.every((id) => totals.has(id))) return;
  const implied = 1 + ranked.filter((id) => id !== c.offer && totals.get(id)!.gt(mine)).length;
  if (!Rational.of(implied).eq(c.declared)) add({ kind: "rank-not-from-totals", implied });
  else add({ kind: "rank-from-declared-totals", implied });
}

function sumMismatch(
  tender: Tender,
  c: FigureCheck,
  declaredOf: (offer: string, node: string) => DeclaredFigure | undefined,
  checks: readonly FigureCheck[],
): Explanation | null {
  const tree = tender.criteria;
  const node = c.node === "total" ? null : tree.byId.get(c.node);
  const parts = node === null ? tree.roots : (node?.children ?? []);
  if (parts.length === 0) return null;
  const figs = parts.map((p) => declaredOf(c.offer, p));
  if (figs.some((f) => f === undefined)) return null;
  const sum = Rational.sum(figs.map((f) => f!.value));
  const decimals = node?.decimals ?? null;
  const partChecks = parts.map((p) => checks.find((x) => x.offer === c.offer && x.node === p));
  const slack = decimals !== null ? Rational.ZERO : Rational.sum(partChecks.map((x) => x?.tolerance ?? Rational.ZERO));
  const expected = decimals !== null ? sum.round(decimals, "half-up") : sum;
  const difference = c.declared.sub(expected);
  if (difference.abs().le(c.tolerance.add(slack))) return null;
  return { kind: "sum-mismatch", parts, sum, difference, partsAgree: partChecks.every((x) => x?.status === "agrees") };
}

/** A copy of the tender with every criterion node transformed (weights and tree shape kept). */
function withNodes(tender: Tender, f: (n: CriterionNode) => CriterionNode): Tender {
  const nodes = tender.criteria.nodes.map(f);
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  return { ...tender, criteria: { ...tender.criteria, nodes, byId } };
}

/**
 * The tender with the children of `parent` read the other way: percent of the parent's points instead
 * of points, or the reverse; weights below are recomputed top-down with their own groups' readings.
 */
function flipGroup(tender: Tender, parent: string): Tender {
  const tree = tender.criteria;
  const reading = new Map(tree.groups.map((g) => [g.parent, g] as const));
  const weights = new Map<string, Rational>();
  for (const id of tree.roots) weights.set(id, tree.byId.get(id)!.weight);
  const visit = (id: string): void => {
    const node = tree.byId.get(id)!;
    const W = weights.get(id)!;
    const g = reading.get(id);
    let r = g?.reading ?? "points";
    if (id === parent) r = r === "percent" ? "points" : "percent";
    for (const ch of node.children) {
      const child = tree.byId.get(ch)!;
      const dw = child.declaredWeight;
      const w = r === "percent" ? W.mul(dw).div(Rational.of(100)) : r === "rescaled" && g ? W.mul(dw).div(g.found) : dw;
      weights.set(ch, w);
      visit(ch);
    }
  };
  tree.roots.forEach(visit);
  return withNodes(tender, (n) => ({ ...n, weight: weights.get(n.id) ?? n.weight }));
}
