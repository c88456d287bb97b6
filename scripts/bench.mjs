// Benchmarks of psc-audit, run by `npm run bench` after a build (imports ../dist/). Each section is
// one function; main() runs them in turn. Numbers go to stdout as plain tables.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
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

/**
 * Runs the numpy reference on the same matrix; null (with a reason) when it cannot run. `oneThread`
 * pins OpenBLAS/OpenMP/MKL to one thread (numpy's default lets BLAS use every core).
 */
function runNumpy(script, matrixFile, samples, seed, oneThread = false) {
  // The machine notes: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set and slow numpy down; unset them
  // for this child only.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  if (oneThread) for (const k of ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]) env[k] = "1";
  const r = spawnSync("python3", [script, "--matrix", matrixFile, "--samples", String(samples), "--seed", String(seed)], {
    env,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (r.error) return { skip: `python3 not runnable (${r.error.message})` };
  if (r.status !== 0) return { skip: `reference failed: ${(r.stderr || "").trim().split("\n").pop()}` };
  return JSON.parse(r.stdout);
}

/** numpy timed on K sized from calibration runs (grown until one lasts ≥ 0.4 s) to last about `seconds`. */
function timeNumpy(script, matrixFile, seconds, oneThread) {
  let K = 100_000;
  for (;;) {
    const probe = runNumpy(script, matrixFile, K, 2, oneThread);
    if (probe.skip) return probe;
    if (probe.seconds >= 0.4) {
      K = Math.max(100_000, Math.round((probe.samplesPerSecond * seconds * 1.3) / 100_000) * 100_000);
      return runNumpy(script, matrixFile, K, 1, oneThread);
    }
    K *= 4;
  }
}

/**
 * Our engine timed (wall clock, worker start-up included) on K sized to last about `seconds`, from
 * calibration runs grown until one lasts ≥ 0.4 s (the first also warms the code paths).
 */
async function timeOurs(runSmaa, problem, workers, seconds, blockSize) {
  const base = { seed: 1, sampler: { kind: "simplex" }, workers };
  let samples = 4 * blockSize;
  for (;;) {
    const t0 = performance.now();
    await runSmaa(problem, { ...base, samples });
    const sec = (performance.now() - t0) / 1000;
    if (sec >= 0.4) {
      samples = Math.max(8, Math.ceil(((samples / sec) * seconds * 1.3) / blockSize)) * blockSize;
      break;
    }
    samples *= 4;
  }
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const result = await runSmaa(problem, { ...base, samples });
  const sec = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(c1); // all threads of this process, workers included
  return { samples, sec, rate: samples / sec, cores: (cpu.user + cpu.system) / 1e6 / sec, result };
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

/**
 * SMAA-2 throughput: our engine on every core and on one worker vs the vectorised numpy reference
 * (default threads and one BLAS thread), same matrix, each engine run sized to last ≥ `seconds`
 * (env PSC_BENCH_SECONDS, default 2.5). The ratio is ours on every core over numpy as a user runs it.
 */
export async function benchSmaa({ seconds = Number(process.env.PSC_BENCH_SECONDS ?? 2.5) } = {}) {
  const entry = join(root, "dist", "smaa", "index.js");
  if (!existsSync(entry)) {
    console.log("SMAA bench skipped: dist/ is missing; run `npm run build` first.");
    return;
  }
  const { runSmaa, BLOCK_SIZE } = await import(entry);
  const script = resolve(root, "..", "shared", "bench", "smaa_reference.py");
  const haveScript = existsSync(script);
  const numpyCheck = haveScript ? spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }) : null;
  const numpyReason = !haveScript
    ? `reference script not found at ${script}`
    : numpyCheck.error || numpyCheck.status !== 0
      ? "python3 with numpy not available"
      : null;
  const workers = availableParallelism();
  console.log(`\nSMAA-2 rank acceptability, weights uniform on the simplex; ours on ${workers} worker(s) and on 1.`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(", ")} (1, 5, 15 min) on ${cpus().length} CPU(s)`);
  if (numpyReason) console.log(`numpy reference skipped: ${numpyReason}`);
  const dir = mkdtempSync(join(tmpdir(), "psc-bench-"));
  const cases = [
    { offers: 10, leaves: 20 },
    { offers: 50, leaves: 40 },
  ];
  const rows = [
    ["case", `ours ×${workers}`, "cores used", "ours ×1", "numpy", "numpy 1 thr", "ratio", "vs best numpy", "max |Δb|", "K ours", "s ours", "K numpy", "s numpy"],
  ];
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
      const all = await timeOurs(runSmaa, problem, workers, seconds, BLOCK_SIZE);
      const one = await timeOurs(runSmaa, problem, 1, seconds, BLOCK_SIZE);
      const np = numpyReason ? { skip: "skipped" } : timeNumpy(script, file, seconds, false);
      const np1 = numpyReason ? { skip: "skipped" } : timeNumpy(script, file, seconds, true);
      const okNp = !np.skip;
      const best = Math.max(okNp ? np.samplesPerSecond : 0, np1.skip ? 0 : np1.samplesPerSecond);
      let diff = "";
      if (okNp) {
        let worst = 0;
        offers.forEach((id, i) =>
          all.result.rankAcceptability[id].forEach((b, r) => (worst = Math.max(worst, Math.abs(b - np.rankAcceptability[i][r])))),
        );
        diff = worst.toFixed(5);
      }
      rows.push([
        `${c.offers} offers × ${c.leaves} leaves`,
        fmtRate(all.rate),
        all.cores.toFixed(2),
        fmtRate(one.rate),
        okNp ? fmtRate(np.samplesPerSecond) : np.skip,
        np1.skip ? np1.skip : fmtRate(np1.samplesPerSecond),
        okNp ? `${(all.rate / np.samplesPerSecond).toFixed(2)}×` : "",
        best > 0 ? `${(all.rate / best).toFixed(2)}×` : "",
        diff,
        all.samples.toLocaleString("en"),
        all.sec.toFixed(2),
        okNp ? np.samples.toLocaleString("en") : "",
        okNp ? np.seconds.toFixed(2) : "",
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  console.log("ours: wall time of runSmaa, worker start-up included; numpy: its own timer (excludes Python start-up).");
  console.log("numpy: default threads (BLAS may use every core) and OPENBLAS/OMP/MKL_NUM_THREADS=1; ratio = ours on");
  console.log("every core / numpy default; vs best numpy = ours / the faster numpy configuration.");
  console.log("cores used: CPU time of this process (workers included) / wall time of the all-core run; well");
  console.log(`below ${workers} means other processes held the CPUs (compare with the load average above).`);
  console.log("max |Δb|: sanity only, two independent Monte Carlo runs (expect a few × 0.5/√K).");
}

/** Start-up against `node -e 0` (target ratio ≤ 2). */
async function sectionStartup() {
  const { benchStartup } = await import("./bench/startup.mjs");
  const r = benchStartup();
  console.log("\n== Start-up (medians of interleaved runs) ==");
  printTable([
    ["case", "node -e 0", "psc-audit", "ratio", "target"],
    [r.case, `${r.baselineMs.toFixed(1)} ms`, `${r.oursMs.toFixed(1)} ms`, `${r.ratio.toFixed(2)}×`, r.target],
  ]);
}

/** One process over 1,000 tenders against one process per tender (target ratio ≥ 10). */
async function sectionBatch() {
  const { benchBatch } = await import("./bench/batch.mjs");
  const r = benchBatch();
  console.log("\n== Batch: psc-audit check over a folder of tenders ==");
  printTable([
    ["case", "one process", "separate processes", "ratio", "target"],
    [r.case, `${(r.batchMs / 1000).toFixed(2)} s`, `${(r.separateMs / 1000).toFixed(1)} s`, `${r.ratio.toFixed(1)}×`, r.target],
  ]);
  console.log(`separate processes: ${r.separateNote}.`);
}

/** Exact analyses as the grid grows (target: no worse than offer pairs × leaves). */
async function sectionScale() {
  const { benchScale } = await import("./bench/scale.mjs");
  console.log("\n== Scale: scoring and exact analyses ==");
  await benchScale();
}

const SECTIONS = { startup: sectionStartup, batch: sectionBatch, scale: sectionScale, smaa: benchSmaa };

/** `npm run bench` runs every section; `npm run bench -- smaa startup` runs those only. */
async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in SECTIONS));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
    process.exit(2);
  }
  if (!existsSync(join(root, "dist", "cli", "main.js"))) {
    console.error("dist/ is missing: run npm install (or npm run build) first.");
    process.exit(2);
  }
  console.log(`psc-audit bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) await SECTIONS[name]();
}

await main();
