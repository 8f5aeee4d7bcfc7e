// Extracts the sample requests and responses shown on LoginRadius's documentation pages (the API reference
// pages and the older MFA guide, kept as text outside the repository) into test/contract/documentation-samples.json,
// which test/contract/documentation-samples.test.ts reads. For each `curl` command: the page's public name, the
// method, URL, headers and body as written; then the JSON blocks that follow it up to the next command: the first
// non-error one is the sample 200 body, those with an error code (ErrorCode, errorCode or errorcode) are the
// sample errors.
//   node scripts/extract-documentation-samples.mjs [PAGES_DIR]     (default ../shared/seeds, the team's copies)
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/run.mjs';

const pagesDir = path.resolve(repoRoot, process.argv[2] ?? '../shared/seeds');
if (!fs.existsSync(pagesDir)) {
  console.error(`extract-documentation-samples: no folder of documentation pages at ${pagesDir}`);
  process.exit(1);
}

/**
 * The name a reader knows a page by: an API reference page opens with its title and describes its `apikey` as
 * the "Tenant API Key"; the older MFA guide, which documents many operations, does not.
 */
function publicName(text) {
  const title = text.split('\n', 1)[0].trim();
  return /Tenant API Key for authentication/.test(text) ? `the API reference page for ${title}` : "LoginRadius's older MFA guide";
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
for (const file of fs.readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort()) {
  // The scraped pages run a command's closing quote into the response that follows (`}'{`).
  const text = fs.readFileSync(path.join(pagesDir, file), 'utf8').replace(/}'\{/g, "}'\n{");
  const page = publicName(text);
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
    if (previous && previous.page === page && previous.method === method && previous.url === url && !blocks.length) return;
    samples.push({
      page,
      method,
      url,
      headers,
      body: data ? data[1] : null,
      response: blocks.find((b) => errorCodeOf(b) === undefined) ?? null,
      errors: blocks.filter((b) => errorCodeOf(b) !== undefined),
    });
  });
}
const out = path.join(repoRoot, 'test', 'contract', 'documentation-samples.json');
fs.writeFileSync(out, JSON.stringify(samples, null, 2) + '\n');
console.log(`extract-documentation-samples: ${samples.length} requests from ${new Set(samples.map((s) => s.page)).size} pages -> ${path.relative(repoRoot, out)}`);
