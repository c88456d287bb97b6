// Reads the DejaVu TTF files the PDF renderer embeds (they have €, accents, U+202F and U+2212, which
// the PDF standard fonts lack). The only place that touches the font files; the renderer gets bytes.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export interface PdfFonts {
  normal: Uint8Array;
  bold: Uint8Array;
  mono: Uint8Array;
}

export async function readPdfFonts(): Promise<PdfFonts> {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const [normal, bold, mono] = await Promise.all(
    ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"].map(async (f) => new Uint8Array(await readFile(path.join(dir, f)))),
  );
  return { normal: normal!, bold: bold!, mono: mono! };
}
