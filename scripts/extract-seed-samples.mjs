// Extracts the sample requests and responses from the scraped seed pages (../shared/seeds/*.txt) into
// test/contract/seed-samples.json, which the seed contract test reads (the seeds live outside the repository).
// For each `curl` command: the seed, method, URL, headers and body as written; then the JSON blocks that follow
// it up to the next command: the first non-error one is the sample 200 body, those with an error code
// (ErrorCode, errorCode or errorcode) are the sample errors.
//   node scripts/extract-seed-samples.mjs [SEEDS_DIR]     (default ../shared/seeds)
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';

const seedsDir = path.resolve(repoRoot, process.argv[2] ?? '../shared/seeds');
if (!fs.existsSync(seedsDir)) {
  console.error(`extract-seed-samples: no seeds folder at ${seedsDir}`);
  process.exit(1);
}

/** The balanced {...} block starting at text[start], or undefined. */
function jsonBlockAt(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** Parses a scraped JSON block; the older page writes trailing commas. */
function parseLenient(block) {
  try {
    return JSON.parse(block.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

const errorCodeOf = (body) => body?.ErrorCode ?? body?.errorCode ?? body?.errorcode;
const samples = [];
for (const file of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  // The scraped pages run a command's closing quote into the response that follows (`}'{`).
  const text = fs.readFileSync(path.join(seedsDir, file), 'utf8').replace(/}'\{/g, "}'\n{");
  const commands = [...text.matchAll(/curl -X (GET|PUT|POST|DELETE)\s*\\?\s*["']([^"']+)["']([\s\S]*?)(?=\n\s*\n|\n\{|curl -X|$)/g)];
  commands.forEach((match, index) => {
    const [, method, url, rest] = match;
    const headers = Object.fromEntries([...rest.matchAll(/-H\s+["']([^:"']+):\s*([^"']*)["']/g)].map((h) => [h[1], h[2]]));
    const data = /-d\s+'([\s\S]*?)'\s*$/m.exec(rest) ?? /-d\s+"([\s\S]*)"\s*$/m.exec(rest);
    const end = index + 1 < commands.length ? commands[index + 1].index : text.length;
    const blocks = [];
    for (let at = text.indexOf('{', match.index + match[0].length); at !== -1 && at < end; ) {
      const block = jsonBlockAt(text, at);
      if (!block) break;
      const parsed = parseLenient(block);
      if (parsed !== undefined) blocks.push(parsed);
      at = text.indexOf('{', at + block.length);
    }
    // A command repeated right after itself (the page's copy button) adds nothing.
    const previous = samples.at(-1);
    if (previous && previous.seed === file && previous.method === method && previous.url === url && !blocks.length) return;
    samples.push({
      seed: file,
      method,
      url,
      headers,
      body: data ? data[1] : null,
      response: blocks.find((b) => errorCodeOf(b) === undefined) ?? null,
      errors: blocks.filter((b) => errorCodeOf(b) !== undefined),
    });
  });
}
const out = path.join(repoRoot, 'test', 'contract', 'seed-samples.json');
fs.writeFileSync(out, JSON.stringify(samples, null, 2) + '\n');
console.log(`extract-seed-samples: ${samples.length} requests from ${seedsDir} -> ${path.relative(repoRoot, out)}`);
