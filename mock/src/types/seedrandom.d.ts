// seedrandom (a dependency of Prism too) ships no types; the mock uses only its seeded generator.
declare module 'seedrandom' {
  export default function seedrandom(seed?: string): () => number;
}
