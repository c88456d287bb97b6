// The renderer contract: a pure function from a report model to the bytes of one format.
// Renderers never write; io/write-output does (after hyperfine's exporters).
import type { Lang } from "../../i18n/lang.js";

export interface RenderOptions {
  lang: Lang;
  /** ANSI colours (terminal table only). Decided once by the CLI's colour policy. */
  color: boolean;
  /** Show every sub-criterion, not only the top level. */
  detail: boolean;
  /**
   * Terminal width in columns (terminal table only), when stdout is a terminal; absent otherwise, and
   * then the table is never cut.
   */
  width?: number;
}

export type Rendered = string | Uint8Array;
export type Renderer<M> = (model: M, options: RenderOptions) => Rendered | Promise<Rendered>;
