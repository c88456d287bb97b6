// Batch benchmark (issue 7, item 5): `psc-audit check DIR` over 1,000 small tenders in one process,
// against separate invocations, one per tender. The separate runs are timed on a sample and scaled
// to 1,000 (said in the output), so the bench stays a few seconds long. Target: ratio ≥ 10.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./util.mjs";

/** A small tender with direct notes and published totals that agree (rounded to 2 decimals). */
function writeTender(dir, k) {
  mkdirSync(dir, { recursive: true });
  const weights = [40, 35, 25];
  writeFileSync(
    path.join(dir, "criteria.csv"),
    "id,label,weight,type,method,max\nq1,Qualité,40,quality,direct,20\nq2,Délais,35,quality,direct,20\nq3,Prévention,25,quality,direct,10\n",
  );
  const rows = ["offer,label,q1,q2,q3,declared_total"];
  for (let i = 0; i < 4; i++) {
    const n1 = (k * 7 + i * 3) % 21;
    const n2 = (k * 5 + i * 11) % 21;
    const n3 = (k + i * 4) % 11;
    const total = (weights[0] * n1) / 20 + (weights[1] * n2) / 20 + (weights[2] * n3) / 10;
    rows.push(`O${i},Offre ${i},${n1},${n2},${n3},${total.toFixed(2)}`);
  }
  writeFileSync(path.join(dir, "offers.csv"), rows.join("\n") + "\n");
}

export function benchBatch({ tenders = 1000, sample = 40 } = {}) {
  const bin = path.join(ROOT, "bin", "psc-audit.js");
  const dir = mkdtempSync(path.join(tmpdir(), "psc-batch-"));
  try {
    for (let k = 0; k < tenders; k++) writeTender(path.join(dir, `t${String(k).padStart(4, "0")}`), k);
    const t0 = process.hrtime.bigint();
    const one = spawnSync(process.execPath, [bin, "check", dir, "--format", "json"], { maxBuffer: 1 << 28 });
    const batchMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (one.status !== 0) throw new Error(`batch check exited ${one.status}: ${one.stderr}`);
    const records = JSON.parse(one.stdout.toString("utf8"));
    const t1 = process.hrtime.bigint();
    for (let k = 0; k < sample; k++) {
      const r = spawnSync(process.execPath, [bin, "check", path.join(dir, `t${String(k).padStart(4, "0")}`, "offers.csv")], { stdio: "ignore" });
      if (r.status !== 0) throw new Error(`single check exited ${r.status}`);
    }
    const perRunMs = Number(process.hrtime.bigint() - t1) / 1e6 / sample;
    const separateMs = perRunMs * tenders;
    return {
      case: `check ${tenders} tenders`,
      tenders: records.length,
      batchMs,
      separateMs,
      separateNote: `${sample} separate runs timed, × ${tenders / sample}`,
      ratio: separateMs / batchMs,
      target: "≥ 10",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
