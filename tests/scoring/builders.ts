// In-memory tender builder for scoring tests: no CSV, no loader. Numbers are exact (q()).
import { Rational, q } from "../../src/exact/rational.js";
import type { CriteriaTree, CriterionNode, CriterionType, MethodSpec, Offer, OfferStatus, Tender } from "../../src/domain/types.js";

export type Num = number | string | Rational;
export const r = (x: Num): Rational => (x instanceof Rational ? x : typeof x === "number" && !Number.isInteger(x) ? q(String(x)) : q(x));

export interface NodeSpec {
  id: string;
  parent?: string | null;
  weight: Num;
  type?: CriterionType;
  method?: string | MethodSpec;
  max?: Num;
  minScore?: Num;
  decimals?: number;
}

export interface OfferSpec {
  id: string;
  status?: OfferStatus;
  values: Record<string, Num | null>;
}

/** "linear-lowest(n=3)", "reference(ref=100; zero=200)" → MethodSpec (test-only parser). */
export function method(text: string): MethodSpec {
  const m = /^([a-z-]+)(?:\((.*)\))?$/.exec(text.trim());
  if (!m) throw new Error(`bad method ${text}`);
  const params: Record<string, Rational> = {};
  for (const kv of (m[2] ?? "").split(/[;,]/).filter((s) => s.trim() !== "")) {
    const [k, v] = kv.split("=").map((s) => s.trim());
    params[k!] = q(v!);
  }
  return { id: m[1]!, params, text };
}

export function buildTender(nodes: NodeSpec[], offers: OfferSpec[]): Tender {
  const byId = new Map<string, CriterionNode>();
  const list: CriterionNode[] = nodes.map((n, i) => {
    const node: CriterionNode = {
      id: n.id,
      parent: n.parent ?? null,
      label: n.id,
      weight: r(n.weight),
      declaredWeight: r(n.weight),
      type: n.type ?? "quality",
      method: n.method === undefined ? null : typeof n.method === "string" ? method(n.method) : n.method,
      max: n.max === undefined ? null : r(n.max),
      minScore: n.minScore === undefined ? null : r(n.minScore),
      decimals: n.decimals ?? null,
      children: [],
      depth: 0,
      source: { file: "criteria.csv", line: i + 2 },
    };
    byId.set(n.id, node);
    return node;
  });
  for (const n of list) if (n.parent) byId.get(n.parent)!.children.push(n.id);
  const depthOf = (n: CriterionNode): number => (n.parent ? 1 + depthOf(byId.get(n.parent)!) : 0);
  for (const n of list) n.depth = depthOf(n);
  const roots = list.filter((n) => n.parent === null).map((n) => n.id);
  const ordered: CriterionNode[] = [];
  const visit = (id: string): void => {
    const n = byId.get(id)!;
    ordered.push(n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  const criteria: CriteriaTree = {
    weightKind: "exact",
    nodes: ordered,
    byId,
    roots,
    leaves: ordered.filter((n) => n.children.length === 0).map((n) => n.id),
    totalPoints: Rational.sum(roots.map((id) => byId.get(id)!.weight)),
    weightReading: "points",
    groups: [],
    rescaled: false,
  };
  const offerList: Offer[] = offers.map((o, i) => ({
    id: o.id,
    label: o.id,
    status: o.status ?? "ok",
    values: new Map(Object.entries(o.values).map(([k, v]) => [k, v === null ? null : r(v)] as const)),
    source: { file: "offers.csv", line: i + 2 },
  }));
  return { criteria, offers: offerList, declared: [], inputs: [] };
}

/** One price leaf `P` of weight `weight` under `methodText`, one offer per price (ids A, B, C…). */
export function priceTender(methodText: string, prices: Num[], weight: Num = 100): Tender {
  return buildTender(
    [{ id: "P", weight, type: "price", method: methodText }],
    prices.map((p, i) => ({ id: String.fromCharCode(65 + i), values: { P: p } })),
  );
}
