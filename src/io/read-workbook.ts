// Reading a spreadsheet file into sheets of cells. The only module that opens workbooks; read-excel-file
// is imported lazily, only when a workbook is opened (start-up time of every other command matters).
// .ods and the old binary .xls have no maintained reader here: UNSUPPORTED_FORMAT tells the user to
// save as .xlsx or CSV.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../domain/types.js";
import type { WorkbookInput } from "../load/load-workbook.js";
import type { SheetCell } from "../load/sheet-table.js";

export type SpreadsheetFormat = "xlsx" | "ods" | "xls" | "numbers";

const EXTENSIONS: Record<string, SpreadsheetFormat> = {
  ".xlsx": "xlsx",
  ".xlsm": "xlsx",
  ".ods": "ods",
  ".xls": "xls",
  ".numbers": "numbers",
};

const FORMAT_NAMES: Record<Exclude<SpreadsheetFormat, "xlsx">, string> = {
  ods: "OpenDocument (.ods)",
  xls: "Excel 97-2003 (.xls)",
  numbers: "Apple Numbers (.numbers)",
};

/** The spreadsheet format a path names by its extension, or null for anything else (CSV). */
export function spreadsheetFormat(file: string): SpreadsheetFormat | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

export type WorkbookRead = { ok: true; workbook: WorkbookInput } | { ok: false; diagnostics: Diagnostic[] };

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function readWorkbook(file: string): Promise<WorkbookRead> {
  const format = spreadsheetFormat(file);
  if (format !== null && format !== "xlsx") return unsupported(file, FORMAT_NAMES[format]);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail({ code: "FILE_NOT_FOUND", severity: "error", location: { file }, args: { file } });
    return fail({ code: "FILE_UNREADABLE", severity: "error", location: { file }, args: { file, reason: String(code ?? error) } });
  }
  if (bytes.length === 0) return fail({ code: "EMPTY_FILE", severity: "error", location: { file }, args: { file } });
  // An old .xls renamed .xlsx: say so rather than "invalid zip".
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return unsupported(file, FORMAT_NAMES.xls);
  try {
    const { default: readXlsxFile } = await import("read-excel-file/node");
    const sheets = await readXlsxFile<{ xlsxNumber: string }>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      // Keep each number's text as written in the file; sheet-table.ts turns it into an exact value.
      parseNumber: (text: string) => ({ xlsxNumber: text }),
    });
    return {
      ok: true,
      workbook: { path: file, bytes, sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data as unknown as SheetCell[][] })) },
    };
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    if (e.code === "XLS_FILE_NOT_SUPPORTED") return unsupported(file, FORMAT_NAMES.xls);
    const reason = [e.name, e.code ?? e.message].filter(Boolean).join(": ");
    return fail({ code: "WORKBOOK_UNREADABLE", severity: "error", location: { file }, args: { file, reason } });
  }
}

function unsupported(file: string, format: string): WorkbookRead {
  return fail({ code: "UNSUPPORTED_FORMAT", severity: "error", location: { file }, args: { file, format } });
}

function fail(d: Diagnostic): WorkbookRead {
  return { ok: false, diagnostics: [d] };
}
