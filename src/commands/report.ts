// `psc-audit report`: load, score, analyse robustness, and render the transparency report as HTML,
// PDF, Markdown (+ chart files) or JSON. Returns bytes; the CLI writes them. Format from the output
// file's extension unless given.
import { loadDeclaredFile } from "./declared.js";
import path from "node:path";
import { EXIT } from "../cli/exit-code.js";
import type { Diagnostic } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { messagesOf } from "../i18n/messages.js";
import { rt } from "../i18n/report.js";
import { checkTender } from "../check/check-tender.js";
import { scoreWithUnknowns } from "../check/unknowns.js";
import { buildCheckModel, type CheckModel } from "../report/check-model.js";
import { analyseForReport, type AnalysisParameters, type ReportAnalysis } from "../report/report-analysis.js";
import { parseSmaaWeights } from "../sensitivity/analyse.js";
import { hasOccultedValues } from "../domain/occulted.js";
import { declaredBeside } from "./declared.js";
import type { SensitivityModel } from "../report/sensitivity-model.js";
import { buildUnknownsModel, type UnknownsModel } from "../report/unknowns-model.js";
import { buildReportDoc } from "../report/report-sections.js";
import { buildReportModel, type PluggedSection, type ReportInputFile, type ReportModel } from "../report/report-model.js";
import { renderJson } from "../report/renderers/json.js";
import { renderReportHtml } from "../report/renderers/report-html.js";
import { renderReportMarkdown } from "../report/renderers/report-markdown.js";
import { buildScoreModel, type ScoreModel } from "../report/score-model.js";
import { scoreTender } from "../scoring/score-tender.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome } from "./outcome.js";

export const REPORT_FORMATS = ["html", "pdf", "markdown", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions {
  criteria?: string;
  /** Workbook sheets: `criteria=NAME,offers=NAME`. */
  sheet?: string;
  declared?: string;
  output: string;
  format?: ReportFormat;
  lang: Lang;
  rescaleWeights: boolean;
  samples: number;
  seed: number;
  /** "simplex" | "ordinal" | "box:P" (leaves) | "box:P:top" (top-level criteria; "box-top:P" also read). */
  smaaWeights: string;
  /** `--smaa-weights` was given on the command line (else the default, which "order" weights override). */
  smaaWeightsExplicit?: boolean;
  scoreNoise: number;
  commandLine: string[];
  /** From SOURCE_DATE_EPOCH when set: the only date in the report. */
  now: Date;
  /** SMAA progress (draws done, total), for the CLI's progress bar. */
  progress?: (done: number, total: number) => void;
}

/** The outcome plus files to write beside the output (the Markdown report's charts). */
export type ReportOutcome = CommandOutcome;

export function reportFormatOf(output: string): ReportFormat | null {
  const ext = path.extname(output).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".pdf") return "pdf";
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".json") return "json";
  return null;
}

function usage(key: "e_format" | "e_sampler", args: Record<string, string>, lang: Lang): ReportOutcome {
  return { exitCode: EXIT.badInput, messages: [rt(lang, key, args)], inputs: [] };
}

export async function runReport(offersArg: string, options: ReportCommandOptions): Promise<ReportOutcome> {
  const format = options.format ?? reportFormatOf(options.output);
  if (format === null) return usage("e_format", { file: options.output }, options.lang);
  if (parseSmaaWeights(options.smaaWeights) === null) return usage("e_sampler", { value: options.smaaWeights }, options.lang);

  const loaded = await loadFromArgs(offersArg, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang: options.lang, command: "report" });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const inputs = [...loaded.inputs];
  if (!loaded.ok) return { exitCode: EXIT.badInput, messages: messagesOf(diagnostics, options.lang), inputs };
  const tender = loaded.tender;
  const files: ReportInputFile[] = tender.inputs.map((i) => ({ role: i.path === loaded.inputs[0] ? "offers" : "criteria", path: i.path, sha256: i.sha256 }));
  // Like check: a declared.csv beside the offers is read unless --declared names a file.
  const declaredPath = options.declared ?? (await declaredBeside(loaded.inputs[0] ?? offersArg));
  if (declaredPath !== undefined) {
    inputs.push(declaredPath);
    const loadedDeclared = await loadDeclaredFile(declaredPath, tender);
    diagnostics.push(...loadedDeclared.diagnostics);
    if (!loadedDeclared.ok) return { exitCode: EXIT.badInput, messages: messagesOf(diagnostics, options.lang), inputs };
    files.push({ role: "declared", ...loadedDeclared.file });
    tender.declared = loadedDeclared.declared;
  }

  // Declared figures (offers.csv columns or --declared): the check, with or without occulted values.
  const check: PluggedSection<CheckModel> =
    tender.declared.length > 0
      ? { status: "computed", model: buildCheckModel(tender, checkTender(tender, tender.declared), { inputs: files.map((f) => ({ path: f.path, sha256: f.sha256 })), warnings: [] }) }
      : { status: "not-computed", reason: "not-requested" };

  let score: ScoreModel;
  let sensitivity: PluggedSection<SensitivityModel>;
  let unknowns: PluggedSection<UnknownsModel> = { status: "not-computed", reason: "not-requested" };
  let charts: ReportAnalysis = { offers: [], lines: [] };
  const result = hasOccultedValues(tender) ? null : scoreTender(tender);
  let analysed: AnalysisParameters | null = null;
  if (result === null) {
    // Occulted values: exact intervals and possible ranks instead of single figures. The weight and
    // score analyses need every value: section 5 says so (the interval analysis is in section 6).
    const bounds = scoreWithUnknowns(tender);
    unknowns = { status: "computed", model: buildUnknownsModel(tender, bounds) };
    diagnostics.push(...bounds.warnings);
    score = buildScoreModel(tender, { offers: [], winners: [], warnings: [] }, diagnostics);
    sensitivity = { status: "not-computed", reason: "unknown-values" };
  } else {
    score = buildScoreModel(tender, result, diagnostics);
    if (score.offers.filter((o) => o.rank !== null).length < 2) sensitivity = { status: "not-computed", reason: "too-few-offers" };
    else {
      const run = await analyseForReport(tender, result, {
        samples: options.samples,
        seed: options.seed,
        smaaWeights: options.smaaWeights,
        smaaWeightsExplicit: options.smaaWeightsExplicit === true,
        scoreNoise: options.scoreNoise,
        lang: options.lang,
        ...(options.progress ? { progress: options.progress } : {}),
      });
      sensitivity = { status: "computed", model: run.model };
      analysed = run.parameters;
      charts = run.charts;
    }
  }
  const model = buildReportModel({
    tender,
    score,
    analysis: charts,
    sensitivity,
    check,
    unknowns,
    lang: options.lang,
    date: options.now,
    commandLine: options.commandLine,
    inputs: files,
    parameters: {
      rescaleWeights: options.rescaleWeights,
      samples: options.samples,
      seed: options.seed,
      smaaWeights: options.smaaWeights,
      sampler: parseSmaaWeights(options.smaaWeights)!,
      scoreNoise: options.scoreNoise,
      // What the analysis actually used (e.g. ordinal weights for an order-only grid).
      ...(analysed ?? {}),
      sensitivityModel: "unrounded-additive",
      stabilityConventions: ["local", "global"],
    },
  });
  const rendered = await renderReport(model, format, options.output);
  return { exitCode: EXIT.ok, output: rendered.output, messages: messagesOf(diagnostics, options.lang), inputs, ...(rendered.extraFiles ? { extraFiles: rendered.extraFiles } : {}) };
}


/** Render one format. PDF pulls in pdfmake and the fonts lazily, only when asked for. */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  output: string,
): Promise<{ output: string | Uint8Array; extraFiles?: { path: string; content: string }[] }> {
  const lang = model.lang;
  if (format === "json") return { output: renderJson(model, { lang, color: false, detail: true }) };
  const doc = buildReportDoc(model, lang);
  if (format === "html") return { output: renderReportHtml(doc) };
  if (format === "markdown") {
    const base = path.basename(output, path.extname(output));
    const chartsDir = `${base}-charts`;
    const md = renderReportMarkdown(doc, { chartsDir, omittedNote: rt(lang, "c_omitted"), savedNote: rt(lang, "c_filesNote", { dir: `${chartsDir}/` }) });
    return { output: md.markdown, extraFiles: md.files.map((f) => ({ path: path.join(path.dirname(output), f.path), content: f.content })) };
  }
  const [{ renderReportPdf }, { readPdfFonts }] = await Promise.all([import("../report/renderers/report-pdf.js"), import("../io/fonts.js")]);
  const fonts = await readPdfFonts();
  return { output: await renderReportPdf(doc, { fonts, date: new Date(model.date) }) };
}
