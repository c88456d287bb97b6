// Bytes → text: BOM → UTF-8 (or UTF-16), else strict UTF-8, else Windows-1252 via iconv-lite.
// Node 20's own TextDecoder('windows-1252') maps 0x80–0x9F to C1 controls (loses € ’ Œ), hence iconv-lite.
import { createRequire } from "node:module";

// Loaded on first use only: most files are UTF-8, and start-up time matters (issue 7).
let iconv: typeof import("iconv-lite") | undefined;
function win1252(bytes: Uint8Array): string {
  iconv ??= createRequire(import.meta.url)("iconv-lite") as typeof import("iconv-lite");
  return iconv.decode(Buffer.from(bytes), "win1252");
}

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "cp1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  // Excel's "Unicode text" export is UTF-16LE with a BOM (and TAB-separated).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16be(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: win1252(bytes), encoding: "cp1252" };
  }
}

function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder("utf-16le").decode(swapped);
}
