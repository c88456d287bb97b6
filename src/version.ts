// The tool's identity, recorded in every output. Kept equal to package.json by a test.
export const TOOL_NAME = "psc-audit";
export const TOOL_VERSION = "0.1.0";
