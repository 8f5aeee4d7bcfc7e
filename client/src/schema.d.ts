// In the repository this re-exports the generated types; the package build (scripts/build-client.mjs)
// replaces it with the generated file itself, so the published package is self-contained.
export * from '../../generated/schema.js';
