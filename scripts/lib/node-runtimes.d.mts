// Types for node-runtimes.mjs (used from the TypeScript tests).
export const NODE_RUNTIMES: Record<22 | 24, string>;
export function nodeRuntime(major: 22 | 24): string;
