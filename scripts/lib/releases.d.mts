// Types for releases.mjs (used from the TypeScript tests).
export const releasesDir: string;
export const RELEASE_DATES_FILE: string;
export function semver(version: string): number[];
export function compareVersions(a: string, b: string): number;
export function releasedVersions(): string[];
export function releasedVersionsIn(dir: string): string[];
export function releaseDates(dir?: string): Record<string, string>;
export function recordReleaseDate(version: string, date?: string, dir?: string): void;
