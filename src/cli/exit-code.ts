// The exit-code contract, in one place (documented in the README).
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The audit ran and a --fail-on condition held, or published figures disagree (check). */
  failOn: 1,
  /** Bad usage or bad input. */
  badInput: 2,
  /** Internal error: a bug; a "please report" line is printed. */
  internal: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The worst of several outcomes (batch runs): internal > bad input > fail-on > ok. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  const order: ExitCode[] = [EXIT.internal, EXIT.badInput, EXIT.failOn, EXIT.ok];
  return order.find((c) => codes.includes(c)) ?? EXIT.ok;
}
