// The colour policy, decided once: colours only on a TTY, never with NO_COLOR (which chalk 5 ignores
// by itself), --no-color or FORCE_COLOR=0; FORCE_COLOR=1..3 forces them on.
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag === false) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}
