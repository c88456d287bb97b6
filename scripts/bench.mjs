// Benchmarks of psc-audit, run by `npm run bench` after a build (imports ../dist/). Each section is
// one function; main() runs them in turn. Numbers go to stdout as plain tables.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Deterministic uniform [0, 10) matrix (xoshiro-free: a plain LCG is enough for a benchmark input). */
function randomScores(offers, leaves, seed) {
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
  return Array.from({ length: offers }, () => Array.from({ length: leaves }, () => 10 * next()));
}

/** Runs the numpy reference on the same matrix; null (with a reason) when it cannot run. */
function runNumpy(script, matrixFile, samples, seed) {
  // The machine notes: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set and slow numpy down; unset them
  // for this child only.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawnSync("python3", [script, "--matrix", matrixFile, "--samples", String(samples), "--seed", String(seed)], {
    env,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (r.error) return { skip: `python3 not runnable (${r.error.message})` };
  if (r.status !== 0) return { skip: `reference failed: ${(r.stderr || "").trim().split("\n").pop()}` };
  return JSON.parse(r.stdout);
}

function fmtRate(x) {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`;
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [k, r] of rows.entries()) {
    console.log(r.map((v, c) => String(v).padEnd(widths[c])).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/** SMAA-2 throughput: our engine on every core vs the vectorised numpy reference, same matrix, same K. */
export async function benchSmaa() {
  const entry = join(root, "dist", "smaa", "index.js");
  if (!existsSync(entry)) {
    console.log("SMAA bench skipped: dist/ is missing; run `npm run build` first.");
    return;
  }
  const { runSmaa } = await import(entry);
  const script = resolve(root, "..", "shared", "bench", "smaa_reference.py");
  const haveScript = existsSync(script);
  const numpyCheck = haveScript ? spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }) : null;
  const numpyReason = !haveScript
    ? `reference script not found at ${script}`
    : numpyCheck.error || numpyCheck.status !== 0
      ? "python3 with numpy not available"
      : null;
  const workers = availableParallelism();
  console.log(`\nSMAA-2 rank acceptability, weights uniform on the simplex; ours on ${workers} worker(s).`);
  if (numpyReason) console.log(`numpy reference skipped: ${numpyReason}`);
  const dir = mkdtempSync(join(tmpdir(), "psc-bench-"));
  const cases = [
    { offers: 10, leaves: 20, samples: 8_000_000 },
    { offers: 50, leaves: 40, samples: 1_000_000 },
  ];
  const rows = [["case", "K", "ours", "numpy", "ratio", "max |Δb|", "ours s", "numpy s"]];
  try {
    for (const c of cases) {
      const scores = randomScores(c.offers, c.leaves, 20240601 + c.offers);
      const file = join(dir, `scores-${c.offers}x${c.leaves}.json`);
      writeFileSync(file, JSON.stringify({ scores }));
      const offers = scores.map((_, i) => `o${i + 1}`);
      const problem = {
        offers,
        leaves: scores[0].map((_, j) => `l${j + 1}`),
        coef: Float64Array.from(scores.flat(), (s) => s / 10),
        weights: new Float64Array(c.leaves).fill(100 / c.leaves),
        totalPoints: 100,
      };
      const opts = { samples: c.samples, seed: 1, sampler: { kind: "simplex" }, workers };
      await runSmaa(problem, { ...opts, samples: 50_000 }); // warm the main thread's code paths
      const t0 = performance.now();
      const ours = await runSmaa(problem, opts);
      const sec = (performance.now() - t0) / 1000;
      const oursRate = c.samples / sec;
      let np = null;
      if (!numpyReason) np = runNumpy(script, file, c.samples, 1);
      const okNp = np && !np.skip;
      let diff = "";
      if (okNp) {
        let worst = 0;
        offers.forEach((id, i) =>
          ours.rankAcceptability[id].forEach((b, r) => (worst = Math.max(worst, Math.abs(b - np.rankAcceptability[i][r])))),
        );
        diff = worst.toFixed(5);
      }
      rows.push([
        `${c.offers} offers × ${c.leaves} leaves`,
        c.samples.toLocaleString("en"),
        fmtRate(oursRate),
        okNp ? fmtRate(np.samplesPerSecond) : np?.skip ?? "skipped",
        okNp ? `${(oursRate / np.samplesPerSecond).toFixed(2)}×` : "",
        diff,
        sec.toFixed(2),
        okNp ? np.seconds.toFixed(2) : "",
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  console.log("ours: wall time of runSmaa including worker start-up; numpy: its own timer (excludes Python start-up).");
  console.log("max |Δb|: sanity only, two independent Monte Carlo runs (expect a few × 0.5/√K).");
}

async function main() {
  await benchSmaa();
}

await main();
