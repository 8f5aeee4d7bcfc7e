// Types for parity.mjs (used from the TypeScript tests).
/* eslint-disable @typescript-eslint/no-explicit-any */
type Tally = [covered: number, total: number];
export interface ParityCounts {
  operations: Tally;
  parameters: Tally;
  bodyFields: Tally;
}
export interface ParityResult {
  families: Record<string, ParityCounts>;
  totals: ParityCounts;
  missing: { operations: string[]; parameters: string[]; bodyFields: string[]; required: string[]; compositions: string[] };
  stricter: string[];
}
export function measure(spec: any, official: any): ParityResult;
