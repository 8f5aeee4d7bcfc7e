// Types for internal-labels.mjs (used from the TypeScript tests).
export const INTERNAL_LABELS: RegExp[];
export const EXCEPTIONS: Array<{ file: string | RegExp; lines?: RegExp; reason: string }>;
export const PENDING: string[];
export function shippedTextFiles(root: string): string[];
export function findInternalLabels(text: string, file?: string): Array<{ line: number; column: number; text: string }>;
