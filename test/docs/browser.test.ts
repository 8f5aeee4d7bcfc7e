// The built docs in a real browser: Debian's headless Chromium (/usr/bin/chromium) driven by playwright-core,
// loading generated/docs from `npm run docs:serve` on 127.0.0.1. Checks what a reader relies on: the page loads
// without errors and without asking any other host for anything; every operation of the spec is there; search,
// deep links and the deprecated-to-successor links work; the generated reference pages render. Saves full-page
// screenshots to test-results/docs/ and prints the page size and load time (also in test-results/docs/metrics.json).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, docsDir, docsSize, operationsOf, readPage, repoRoot, resultsDir, startDocsServer, type DocOperation, type DocsServer } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SIDEBAR = '[data-component-name="Menu/Menu"]';

const spec = bundle();
const specOperations: DocOperation[] = operationsOf(spec);

let server: DocsServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const requests: string[] = [];
const consoleErrors: string[] = [];
/** Sidebar route of every operation, by lower-cased operationId (filled by the "every operation" test). */
const routes = new Map<string, string>();

function offHost(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return false;
  try {
    return new URL(url).hostname !== '127.0.0.1';
  } catch {
    return true;
  }
}

function expectLocalOnly() {
  const away = requests.filter(offHost);
  expect(away, `requests that left 127.0.0.1:\n  ${away.join('\n  ')}`).toEqual([]);
}

function expectNoConsoleErrors() {
  expect(consoleErrors, `console errors:\n  ${consoleErrors.join('\n  ')}`).toEqual([]);
}

/**
 * Saves what the reader sees (`<name>.png`, the viewport with the sidebar) and, for a route, the whole rendered
 * section (`<name>-full.png`). Redoc 3 renders only the sections near the viewport, so a screenshot of the
 * whole document would be blank below them; the section's own screenshot is the full page of that item.
 */
async function screenshot(name: string, route?: string) {
  // Not the transient "Loading..." of the search box: the picture is what stays.
  if (!(await page.getByPlaceholder('Search docs...').count())) await waitForSearchReady();
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
  if (route) await page.locator(`[id="${route.slice(2)}"]`).screenshot({ path: path.join(resultsDir, `${name}-full.png`) });
  else await page.screenshot({ path: path.join(resultsDir, `${name}-full.png`), fullPage: true });
}

/**
 * Loads the page afresh at a route (`#/...`, or none). Going through about:blank makes it a new document even
 * when only the hash differs, so no state of an earlier test carries over.
 */
async function load(route = '') {
  await page.goto('about:blank');
  await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
}

/** Whether the sidebar's search box is ready (it reads "Loading..." while Redoc builds the search index). */
async function waitForSearchReady(timeout = 15_000) {
  await page.waitForFunction(
    () => /Search/.test(document.querySelector('[data-component-name="icons/SearchIcon/SearchIcon"]')?.parentElement?.textContent ?? ''),
    null,
    { timeout },
  );
}

/** Opens a route (`#/...`) of the already loaded page the way a link click does. */
async function go(route: string) {
  await page.evaluate((r) => {
    window.location.hash = r;
  }, route);
}

/**
 * Waits until the section of a route is rendered with the given heading. Redoc 3 renders one long page, but
 * only the sections near the viewport: the section of `#/tag/op` is the element with id `tag/op`.
 */
async function waitForSection(route: string, heading: string, timeout = 10_000) {
  await page.waitForFunction(
    ([id, text]) => {
      const section = document.getElementById(id);
      // A deprecated operation's heading ends with a hidden "deprecated" for screen readers.
      const matches = (h: Element) => (h.textContent ?? '').trim().replace(/\s*deprecated$/, '') === text;
      return !!section && [...section.querySelectorAll('h1, h2')].some(matches);
    },
    [route.slice(2), heading] as const,
    { timeout },
  );
}

async function sectionHeadings(route: string): Promise<string> {
  return page.evaluate((id) => [...(document.getElementById(id)?.querySelectorAll('h1, h2') ?? [])].map((h) => h.textContent).join(' | '), route.slice(2));
}

/** The routes of the sidebar's groups (tags): their links read `/tag`, and the router serves them as `#/tag`. */
async function sidebarGroupRoutes(): Promise<string[]> {
  const hrefs = await page.locator(`${SIDEBAR} .menu-item-type-group > a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter(Boolean).map((h) => (h.startsWith('#') ? h : `#${h}`));
}

/** Every operation link the sidebar holds, group by group (a group shows its operations once opened). */
async function sidebarOperationRoutes(): Promise<string[]> {
  const found = new Set<string>();
  const collect = async () => {
    for (const href of await page.locator(`${SIDEBAR} .menu-item-type-operation a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      found.add(href);
    }
  };
  await collect();
  const groups = page.locator(`${SIDEBAR} .menu-item-type-group > a`);
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).click();
    await page.waitForTimeout(100);
    await collect();
  }
  return [...found].filter(Boolean);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the docs browser test needs it. Install it with ` +
        '`apt-get install chromium` (Debian; .ci/run does this), then rerun.',
    );
  }
  readPage(); // fails with "run npm run build" when the page is missing
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'docs-browser-'));
  server = await startDocsServer();
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('hosted docs in headless Chromium', () => {
  it('loads from the local server with no console error, and reports its size and load time', async () => {
    const loads: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(server.url, { waitUntil: 'load' });
      // Hydrated: Redoc mounts the sidebar footer's attribution only once its script runs.
      await page.locator(`${SIDEBAR}`).waitFor();
      await page.getByText('Redoc', { exact: true }).waitFor();
      loads.push(Date.now() - started);
      await waitForSearchReady();
      ready.push(Date.now() - started);
    }
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
    });
    const size = docsSize();
    const median = [...loads].sort((a, b) => a - b)[1];
    const readyMedian = [...ready].sort((a, b) => a - b)[1];
    const metrics = {
      pageBytes: size.bytes,
      files: size.files,
      loadMs: { runs: loads, median },
      searchReadyMs: { runs: ready, median: readyMedian },
      navigationTimingMs: timing,
      operations: specOperations.length,
      how:
        'npx vitest run test/docs/browser.test.ts: headless Debian Chromium, 1400x900, fresh profile, page served by ' +
        'scripts/docs-serve.mjs on 127.0.0.1; load = navigation start to hydrated page, search ready = until the ' +
        'search index is built (medians of 3 loads)',
    };
    fs.writeFileSync(path.join(resultsDir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(
      `docs: ${path.relative(repoRoot, docsDir)} is ${size.bytes} bytes (${(size.bytes / 1024 / 1024).toFixed(2)} MiB, ${size.files} file${size.files === 1 ? '' : 's'}); ` +
        `load to hydrated page ${median} ms (median of ${loads.join(', ')} ms), search ready ${readyMedian} ms, ` +
        `DOMContentLoaded ${timing.domContentLoaded} ms, load event ${timing.load} ms`,
    );
    expect(await page.title()).toContain('LoginRadius');
    await screenshot('overview');
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  it('renders every operation of the spec: one sidebar entry each, and each opens', async () => {
    const found = await sidebarOperationRoutes();
    for (const route of found) routes.set(route.split('/').pop() ?? '', route);
    const expected = specOperations.map((o) => o.operationId.toLowerCase()).sort();
    expect([...routes.keys()].sort()).toEqual(expected);
    expect(found.length).toBe(specOperations.length);

    const missing: string[] = [];
    for (const operation of specOperations) {
      const route = routes.get(operation.operationId.toLowerCase())!;
      await go(route);
      try {
        await waitForSection(route, String(operation.op.summary).trim(), 5_000);
      } catch {
        missing.push(`${operation.operationId} (${route}): headings "${await sectionHeadings(route)}"`);
      }
    }
    expect(missing, `operations that did not render:\n  ${missing.join('\n  ')}`).toEqual([]);
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 240_000);

  it('search finds "backup code"', async () => {
    await load();
    await waitForSearchReady();
    await page.getByText('Search', { exact: false }).first().click();
    const input = page.getByPlaceholder('Search docs...');
    await input.fill('backup code');
    const results = page.locator('[data-component-name="Search/SearchItem"]');
    await results.first().waitFor();
    const texts = await results.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => /backup codes?/i.test(t)), texts.join('\n---\n')).toBe(true);
    // The operations named after backup codes are among the results.
    const named = specOperations.filter((o) => /backup code/i.test(String(o.op.summary)));
    expect(named.length).toBeGreaterThan(0);
    expect(named.some((o) => texts.some((t) => t.includes(String(o.op.summary).trim())))).toBe(true);
    await screenshot('search-backup-code');
    // Choosing a result opens that operation.
    await results.first().click();
    await page.waitForFunction(() => /^#\/.+\/.+/.test(window.location.hash));
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  it('a deep link opens its operation, with curl and TypeScript samples', async () => {
    const operation = specOperations.find((o) => !o.op.deprecated && o.op.requestBody) ?? specOperations[0];
    const route = routes.get(operation.operationId.toLowerCase())!;
    await load(route);
    await waitForSection(route, String(operation.op.summary).trim());
    expect(new URL(page.url()).hash).toBe(route);
    // Scrolled to it: its heading is in the viewport.
    const section = page.locator(`[id="${route.slice(2)}"]`);
    const top = await section.locator('h2').first().evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    // The sample panel shows our generated curl first, and TypeScript on request.
    await expect.poll(() => section.innerText()).toContain(`curl -X ${operation.method.toUpperCase()}`);
    await section.getByRole('button', { name: 'curl', exact: true }).click();
    await page.getByRole('menuitem', { name: 'TypeScript', exact: true }).click();
    await expect.poll(() => section.innerText()).toContain(`client.${operation.method.toUpperCase()}('${operation.path}'`);
    await screenshot('operation-deep-link', route);
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  it('a deprecated operation shows its successor, and the link opens it', async () => {
    const deprecated = specOperations.filter((o) => o.op.deprecated);
    expect(deprecated.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const operation of deprecated) {
      const route = routes.get(operation.operationId.toLowerCase())!;
      await go(route);
      await waitForSection(route, String(operation.op.summary).trim());
      const successors = ([] as string[]).concat(operation.op['x-successor'] ?? []);
      if (!successors.length) {
        const reason = String(operation.op['x-no-successor-reason'] ?? '');
        if (!reason) problems.push(`${operation.operationId}: deprecated with neither x-successor nor x-no-successor-reason`);
        continue;
      }
      for (const id of successors) {
        const target = routes.get(id.toLowerCase());
        const link = page.locator(`[id="${route.slice(2)}"] a[href="${target}"]`);
        if (!target || (await link.count()) === 0) problems.push(`${operation.operationId}: no link to its successor ${id}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);

    const first = deprecated.find((o) => o.op['x-successor'])!;
    const successorId = ([] as string[]).concat(first.op['x-successor'])[0];
    const successor = specOperations.find((o) => o.operationId === successorId)!;
    const firstRoute = routes.get(first.operationId.toLowerCase())!;
    const successorRoute = routes.get(successorId.toLowerCase())!;
    await load(firstRoute);
    await waitForSection(firstRoute, String(first.op.summary).trim());
    const section = page.locator(`[id="${firstRoute.slice(2)}"]`);
    await section.getByText(/^deprecated$/i).first().waitFor({ timeout: 5_000 }); // the badge
    await screenshot('deprecated-operation', firstRoute);
    await section.locator(`a[href="${successorRoute}"]`).first().click();
    await waitForSection(successorRoute, String(successor.op.summary).trim());
    expect(new URL(page.url()).hash).toBe(successorRoute);
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 120_000);

  it('renders the generated error catalogue and legacy mapping, whose links all resolve', async () => {
    const known = new Set([...routes.values(), ...(await sidebarGroupRoutes())]);
    for (const [name, route, title] of [
      ['error-catalogue', '#/error-catalogue', 'Error catalogue'],
      ['legacy-mapping', '#/legacy-to-current-mapping', 'Legacy to current mapping'],
    ] as const) {
      await load(route);
      await waitForSection(route, title);
      const section = page.locator(`[id="${route.slice(2)}"]`);
      const rows = await section.locator('table tbody tr').count();
      expect(rows, `${title}: table rows`).toBeGreaterThan(0);
      const broken = (await section.locator('a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter(
        (href) => !known.has(href) && !['#/error-catalogue', '#/legacy-to-current-mapping'].includes(href),
      );
      expect(broken, `${title}: links to no operation`).toEqual([]);
      await screenshot(name, route);
    }
    // One catalogue row per error example the operations return, and one mapping row per deprecated operation.
    const catalogueRows = await page.locator('[id="error-catalogue"] table tbody tr').count();
    const mappingRows = await page.locator('[id="legacy-to-current-mapping"] table tbody tr').count();
    expect(mappingRows).toBe(specOperations.filter((o) => o.op.deprecated).length);
    const errorExamples = Object.values(spec.components?.examples ?? {}).filter((e: unknown) => (e as { 'x-http-status'?: unknown })['x-http-status'] !== undefined);
    expect(catalogueRows).toBeGreaterThanOrEqual(errorExamples.length);
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  it('asked no host but 127.0.0.1 for anything during the whole session', () => {
    expect(requests.length).toBeGreaterThan(0);
    expectLocalOnly();
    expectNoConsoleErrors();
  });
});
