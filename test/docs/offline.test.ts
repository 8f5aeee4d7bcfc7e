// Static checks of generated/docs: it is one self-contained page that cannot load anything from another host,
// every remote URL left in it is something a reader may click (or mere text), and it is what the build makes
// of the bundle, byte for byte (a rebuild is identical). The browser test checks the same live.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsDir, outDir, pageDefinition, readPage, repoRoot } from './support.js';

/**
 * Hosts named by Redoc's own code (not by the API description) that the page never loads, and why.
 * A new host here after a Redoc upgrade fails this test on purpose: check what it is before adding it.
 */
const NOT_LOADED: Record<string, string> = {
  'www.w3.org': 'XML namespace names in inline SVG (xmlns), never fetched',
  'redocly.com': 'the "API docs by Redoc" attribution link and documentation links in Redoc messages',
  'chatgpt.com': '"Open in ChatGPT" page action, a link the reader may click',
  'claude.ai': '"Open in Claude" page action and MCP connector links, links the reader may click',
  'github.com': 'URLs inside error messages of bundled libraries',
  'react.dev': 'URLs inside React error messages',
  'reactrouter.com': 'URLs inside React Router error messages',
  'yarnpkg.com': 'URL inside a GraphQL duplicate-module error message',
  'en.wikipedia.org': 'link text in GraphQL built-in scalar descriptions',
  'commonmark.org': 'link text in GraphQL built-in directive descriptions',
  localhost: 'the router\'s URL base for parsing paths, never requested',
  'localhost:4000': 'example URL in an OpenAPI rule description',
  'localhost:4318': 'default OpenTelemetry collector URL of the (disabled) telemetry exporter',
};

/** Hosts the unpatched page loads from (scripts/docs/offline.mjs). None may be named in the page at all. */
const LOADED = ['cdn.redoc.ly', 'cdn.redocly.com', 'otel.cloud.redocly.com', 'fonts.googleapis.com', 'fonts.gstatic.com'];

const URL_PATTERN = /\bhttps?:\/\/[A-Za-z0-9.-]+(?::\d+)?/g;
const hostsIn = (text: string) => new Set([...text.matchAll(URL_PATTERN)].map((m) => new URL(m[0]).host));

describe('generated/docs works offline', () => {
  const html = readPage();

  it('is one self-contained HTML file', () => {
    const files = fs.readdirSync(docsDir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(docsDir, f)).isFile());
    expect(files).toEqual(['index.html']);
    // No external script, stylesheet, preload, icon, font or frame: everything is inline.
    const loads = [...html.matchAll(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?\/\//gi)];
    expect(loads.map((m) => m[0])).toEqual([]);
    expect(html).toMatch(/<link rel="icon" href="data:,">/);
  });

  it('declares a Content-Security-Policy that lets the page load nothing from another host', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp, 'no CSP meta tag').toBeDefined();
    const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'none'"]);
    for (const [name, values] of Object.entries(directives)) {
      for (const value of values as string[]) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|blob:|data:)$/);
      }
    }
  });

  it('names no host it would load from, and reader telemetry is off', () => {
    expect(LOADED.filter((host) => html.includes(host))).toEqual([]);
    expect(html).toMatch(/const __redoc_options = \{[^\n]*"disableTelemetry":true/);
  });

  it('every other remote host is the API description\'s own text or a known link', () => {
    const definition = pageDefinition(html);
    const contentHosts = hostsIn(JSON.stringify(definition));
    const unknown = [...hostsIn(html)].filter((host) => !contentHosts.has(host) && !(host in NOT_LOADED));
    expect(unknown, `hosts in generated/docs/index.html that are neither content nor a known link: ${unknown.join(', ')}`).toEqual([]);
    // The description's own URLs are text or links; none is an image the page would fetch.
    const markdown = JSON.stringify(definition);
    expect(markdown.match(/!\[[^\]]*\]\(https?:[^)]*\)|<img[^>]*src=\\?["']?https?:/gi) ?? []).toEqual([]);
  });

  it('rebuilds byte for byte from the same bundle (deterministic)', () => {
    fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    const scratch = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'docs-determinism-'));
    try {
      const pages: Buffer[] = [];
      for (const name of ['a', 'b']) {
        const dir = path.join(scratch, name);
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(path.join(outDir, 'openapi.json'), path.join(dir, 'openapi.json'));
        const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-docs.mjs'), dir], { encoding: 'utf8' });
        expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
        pages.push(fs.readFileSync(path.join(dir, 'docs', 'index.html')));
      }
      expect(pages[0].equals(pages[1]), 'two builds of the same bundle differ').toBe(true);
      expect(pages[0].equals(fs.readFileSync(path.join(docsDir, 'index.html'))), 'generated/docs is not what the build makes of generated/openapi.json: run `npm run build`').toBe(true);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
