// The built docs in a real browser: Debian's headless Chromium (/usr/bin/chromium) driven by playwright-core,
// loading generated/docs from `npm run docs:serve` on 127.0.0.1. Checks what a reader relies on: the page loads
// without errors and without asking any other host for anything; every operation of the spec is there; search,
// deep links and the deprecated-to-successor links work; the generated reference pages render; the header shows
// the spec version. And accessibility: axe-core (WCAG 2.1 A/AA and best-practice rules) over the home page,
// every operation, "What changed", the error catalogue and the legacy mapping, in light and dark mode (Redoc 3
// follows prefers-color-scheme, which Chromium emulates), with no serious or critical violation. Saves
// screenshots to test-results/docs/ and prints the page size (raw and gzip -9), the load time and the axe
// findings (also in test-results/docs/metrics.json and axe.json). DOCS_AXE_TRACE=1 prints the time of each axe run.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasedVersions } from '../../scripts/lib/releases.mjs';
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
const AXE = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, heading order, ...). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/**
 * The rules whose outcome can differ from one operation to the next (the sections share Redoc's components; what
 * differs is the Markdown, the parameters, the schemas and the samples), for the operation sections; every rule
 * of AXE_TAGS runs on the home page (as a whole document) and the reference pages. Contrast runs everywhere.
 */
const OPERATION_RULES = [
  'heading-order', 'empty-heading', 'link-name', 'link-in-text-block', 'list', 'listitem', 'button-name',
  'label-content-name-mismatch', 'aria-allowed-attr', 'aria-valid-attr', 'aria-valid-attr-value', 'aria-required-attr',
  'aria-roles', 'nested-interactive', 'scrollable-region-focusable', 'duplicate-id-aria', 'image-alt', 'svg-img-alt',
  'td-headers-attr', 'th-has-data-cells', 'empty-table-header', 'region',
];
const REFERENCE_PAGES = [
  ['what-changed', '#/what-changed', 'What changed'],
  ['error-catalogue', '#/error-catalogue', 'Error catalogue'],
  ['legacy-mapping', '#/legacy-to-current-mapping', 'Legacy to current mapping'],
] as const;
type Mode = 'light' | 'dark';

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
/** What the light-mode axe pass saw of each operation section, by route: its headings and in-page links. */
const seenSections = new Map<string, { headings: string[]; links: string[] }>();
/** How many text elements went through axe's color-contrast rule (one per kind of text, see axe()). */
let contrastChecks = 0;
/** Every axe finding, by colour mode, written to test-results/docs/axe.json. */
const axeFindings: Record<string, AxeFinding[]> = {};

interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

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

/** Loads the page afresh in a colour mode (Redoc reads prefers-color-scheme once, when it starts). */
async function loadIn(mode: Mode, route = '') {
  await page.emulateMedia({ colorScheme: mode });
  await load(route);
  await page.locator(SIDEBAR).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), `Redoc follows prefers-color-scheme: ${mode}`).toBe(mode === 'dark');
  await page.addScriptTag({ path: AXE });
}

/**
 * Runs axe-core with the WCAG 2.1 AA and best-practice rules (or the given ones) over the given elements (CSS
 * selectors; the whole document when none), in two parts, because colour contrast is most of axe's cost and it only checks what is in
 * the viewport (the rest it leaves "incomplete"):
 *   - every rule but color-contrast, over the whole of the elements;
 *   - color-contrast over one element per kind of text: a text element is of a kind by its colour, background,
 *     size and weight; kinds already checked earlier in the same colour mode (`checkedKinds`) are not checked
 *     again. The chosen elements are checked a viewport at a time, scrolled into view, so none is left out.
 * Preloading (CSS for rules that read stylesheets) is off: no rule here needs it.
 */
async function axe(pageName: string, checkedKinds: Set<string>, include?: string[], rules?: string[]): Promise<AxeFinding[]> {
  const traceStart = Date.now();
  const result = await page.evaluate(
    async ([selectors, tags, known, only]) => {
      type AxeNode = { target: string[]; failureSummary?: string; any: { data?: { messageKey?: string } }[] };
      type AxeResult = { id: string; impact: string; help: string; nodes: AxeNode[] };
      type Axe = { run: (c: unknown, o: unknown) => Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const roots = selectors ? selectors.flatMap((s) => [...document.querySelectorAll(s)]) : [document.documentElement];
      const options = { resultTypes: ['violations'], preload: false, iframes: false };
      const found: AxeResult[] = [];
      const ruleSet = only ? { runOnly: { type: 'rule', values: only } } : { runOnly: { type: 'tag', values: tags }, rules: { 'color-contrast': { enabled: false } } };
      const structure = await axe.run({ include: roots }, { ...options, ...ruleSet });
      found.push(...structure.violations);

      const backgroundOf = (element: Element | null): string => {
        for (let e = element; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && !/^rgba\(.*,\s*0\)$|^transparent$/.test(bg)) return bg;
        }
        return 'canvas';
      };
      const kinds = new Set(known);
      const chosen: Element[] = [];
      for (const root of roots) {
        for (const element of root.querySelectorAll('*')) {
          if (![...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
          if (!element.getClientRects().length) continue;
          const style = getComputedStyle(element);
          if (style.visibility !== 'visible' || style.opacity === '0') continue;
          const kind = [style.color, backgroundOf(element), style.fontSize, style.fontWeight, style.opacity].join('|');
          if (kinds.has(kind)) continue;
          kinds.add(kind);
          chosen.push(element);
        }
      }
      const outside: string[] = [];
      const left = [...chosen];
      while (left.length) {
        left[0].scrollIntoView({ block: 'start' });
        const inView = left.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        });
        const batch = inView.length ? inView : [left[0]];
        const contrast = await axe.run({ include: batch }, { ...options, resultTypes: ['violations', 'incomplete'], runOnly: { type: 'rule', values: ['color-contrast'] } });
        found.push(...contrast.violations);
        for (const r of contrast.incomplete) for (const n of r.nodes) if (n.any.some((c) => c.data?.messageKey === 'outsideViewport')) outside.push(n.target.join(' '));
        for (const e of batch) left.splice(left.indexOf(e), 1);
      }
      return {
        kinds: [...kinds],
        checked: chosen.length,
        outside,
        violations: found.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
        })),
      };
    },
    [include, AXE_TAGS, [...checkedKinds], rules] as const,
  );
  for (const kind of result.kinds) checkedKinds.add(kind);
  if (process.env.DOCS_AXE_TRACE) console.log(`axe ${pageName}: ${Date.now() - traceStart} ms, ${result.checked} contrast checks`);
  contrastChecks += result.checked;
  // A text element that axe could not see is a check that did not happen: fail rather than pass it.
  expect(result.outside, `${pageName}: text axe could not check (outside the viewport)`).toEqual([]);
  return result.violations.map((v) => ({ page: pageName, ...v }));
}

/** The operation sections Redoc has rendered whole by now, with their headings and in-page links. */
async function renderedSections(ids: Set<string>) {
  return page.evaluate((wanted) => {
    const out: { id: string; headings: string[]; links: string[] }[] = [];
    for (const id of wanted) {
      const section = document.getElementById(id);
      // Whole: Redoc mounts a section top-down, and "Responses" (an <h3>, see scripts/docs/accessibility.mjs) comes last.
      if (!section?.querySelector('h2') || ![...section.querySelectorAll('h3')].some((h) => h.textContent?.trim() === 'Responses')) continue;
      out.push({
        id,
        headings: [...section.querySelectorAll('h1, h2')].map((h) => (h.textContent ?? '').trim().replace(/\s*deprecated$/, '')),
        links: [...section.querySelectorAll('a[href^="#/"]')].map((a) => a.getAttribute('href') ?? ''),
      });
    }
    return out;
  }, [...ids]);
}

/**
 * Every operation section through axe, in few runs: axe's cost is mostly per run (it maps the whole page), and
 * Redoc renders only the sections near the viewport. So the viewport is made tall, the page jumps (by its deep
 * link) to the first operation not yet checked, and axe checks every rendered, unchecked section at once.
 */
async function axeEveryOperation(checkedKinds: Set<string>): Promise<{ findings: AxeFinding[]; runs: number; checked: Set<string> }> {
  const ids = new Set([...routes.values()].map((r) => r.slice(2)));
  const checked = new Set<string>();
  const findings: AxeFinding[] = [];
  let runs = 0;
  await page.setViewportSize({ width: 1400, height: 6000 });
  try {
    for (const operation of specOperations) {
      const route = routes.get(operation.operationId.toLowerCase())!;
      if (checked.has(route.slice(2))) continue;
      await go(route);
      await waitForSection(route, String(operation.op.summary).trim(), 30_000);
      let fresh: Awaited<ReturnType<typeof renderedSections>> = [];
      await expect.poll(async () => (fresh = (await renderedSections(ids)).filter((s) => !checked.has(s.id))).some((s) => s.id === route.slice(2)), { timeout: 30_000 }).toBe(true);
      for (const section of fresh) {
        checked.add(section.id);
        seenSections.set(`#/${section.id}`, section);
      }
      findings.push(...(await axe(`operations near ${route}`, checkedKinds, fresh.map((s) => `[id="${s.id}"]`), OPERATION_RULES)));
      runs++;
    }
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
  }
  return { findings, runs, checked };
}

const seriousOrCritical = (findings: AxeFinding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
const describeFindings = (findings: AxeFinding[]) =>
  findings.map((f) => `${f.impact} ${f.rule} on ${f.page} (${f.nodes.length}): ${f.help}\n    ${f.nodes.slice(0, 3).map((n) => `${n.target}: ${n.summary}`).join('\n    ')}`).join('\n  ');

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
  // Redoc remembers the colour mode it started in (localStorage `redoc.colorMode`); forget it before each load so
  // that the emulated prefers-color-scheme decides, as on a reader's first visit.
  await context.addInitScript(() => {
    try {
      localStorage.removeItem('redoc.colorMode');
    } catch {
      // about:blank has no storage
    }
  });
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
    const gzipBytes = zlib.gzipSync(fs.readFileSync(path.join(docsDir, 'index.html')), { level: 9 }).length;
    const median = [...loads].sort((a, b) => a - b)[1];
    const readyMedian = [...ready].sort((a, b) => a - b)[1];
    const metrics = {
      pageBytes: size.bytes,
      gzipBytes,
      files: size.files,
      loadMs: { runs: loads, median },
      searchReadyMs: { runs: ready, median: readyMedian },
      navigationTimingMs: timing,
      operations: specOperations.length,
      how:
        'npx vitest run test/docs/browser.test.ts: headless Debian Chromium, 1400x900, fresh profile, page served by ' +
        'scripts/docs-serve.mjs on 127.0.0.1; load = navigation start to hydrated page, search ready = until the ' +
        'search index is built (medians of 3 loads); gzipBytes = gzip -9 of generated/docs/index.html (the transfer size)',
    };
    fs.writeFileSync(path.join(resultsDir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(
      `docs: ${path.relative(repoRoot, docsDir)} is ${size.bytes} bytes (${(size.bytes / 1024 / 1024).toFixed(2)} MiB, ${size.files} file${size.files === 1 ? '' : 's'}; ${gzipBytes} bytes gzip -9); ` +
        `load to hydrated page ${median} ms (median of ${loads.join(', ')} ms), search ready ${readyMedian} ms, ` +
        `DOMContentLoaded ${timing.domContentLoaded} ms, load event ${timing.load} ms`,
    );
    expect(await page.title()).toContain('LoginRadius');
    // The header names the spec version, and its "What changed" link opens that page.
    await expect.poll(() => page.locator('header [data-docs-version]').innerText()).toBe(String(spec.info.version));
    await screenshot('overview');
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  it('lists every operation of the spec in the sidebar, one entry each', async () => {
    await load();
    await page.locator(SIDEBAR).first().waitFor();
    const found = await sidebarOperationRoutes();
    for (const route of found) routes.set(route.split('/').pop() ?? '', route);
    const expected = specOperations.map((o) => o.operationId.toLowerCase()).sort();
    expect([...routes.keys()].sort()).toEqual(expected);
    expect(found.length).toBe(specOperations.length);
    expectNoConsoleErrors();
    expectLocalOnly();
  }, 60_000);

  for (const mode of ['light', 'dark'] as const) {
    it(`${mode} mode: every page and every operation opens, and axe finds no serious or critical violation`, async () => {
      const started = Date.now();
      const checkedKinds = new Set<string>();
      contrastChecks = 0;
      await loadIn(mode);
      const findings = await axe('home', checkedKinds); // the whole document: landmarks, the sidebar, the header and footer
      if (mode === 'dark') await screenshot('overview-dark');
      for (const [name, route, title] of REFERENCE_PAGES) {
        await go(route);
        await waitForSection(route, title);
        if (mode === 'dark') await screenshot(`${name}-dark`, route); // before axe scrolls the page
        // The page's section, and the sub-sections Redoc makes of its Markdown headings (siblings, with ids
        // `<page>/<heading>`); not the whole document, which holds the neighbouring pages too.
        findings.push(...(await axe(name, checkedKinds, [`[id="${route.slice(2)}"]`, `[id^="${route.slice(2)}/"]`])));
      }
      const operations = await axeEveryOperation(checkedKinds);
      findings.push(...operations.findings);
      axeFindings[mode] = findings;
      fs.writeFileSync(path.join(resultsDir, 'axe.json'), `${JSON.stringify(axeFindings, null, 2)}\n`);
      console.log(
        `docs axe (${mode}): ${operations.checked.size} operation sections in ${operations.runs} runs, home and ${REFERENCE_PAGES.length} reference pages, ` +
          `${checkedKinds.size} kinds of text (${contrastChecks} contrast checks), ` +
          `${Date.now() - started} ms; ${findings.length ? `findings:\n  ${describeFindings(findings)}` : 'no violation'}`,
      );
      // Every operation's section rendered, under its summary, reached by deep link or as a neighbour of one.
      expect([...operations.checked].sort()).toEqual([...routes.values()].map((r) => r.slice(2)).sort());
      const misheaded = specOperations.filter((o) => !seenSections.get(routes.get(o.operationId.toLowerCase())!)?.headings.includes(String(o.op.summary).trim()));
      expect(misheaded.map((o) => o.operationId), 'operations whose section does not carry their summary').toEqual([]);
      expect(seriousOrCritical(findings), describeFindings(seriousOrCritical(findings))).toEqual([]);
      if (mode === 'dark') {
        const route = routes.get(specOperations[1].operationId.toLowerCase())!;
        await go(route);
        await waitForSection(route, String(specOperations[1].op.summary).trim());
        await screenshot('operation-dark', route);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      expectNoConsoleErrors();
      expectLocalOnly();
    }, 600_000);
  }

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
    // Every deprecated operation's section (as the light-mode axe pass saw it) links each of its successors.
    const problems: string[] = [];
    for (const operation of deprecated) {
      const route = routes.get(operation.operationId.toLowerCase())!;
      const successors = ([] as string[]).concat(operation.op['x-successor'] ?? []);
      if (!successors.length) {
        const reason = String(operation.op['x-no-successor-reason'] ?? '');
        if (!reason) problems.push(`${operation.operationId}: deprecated with neither x-successor nor x-no-successor-reason`);
        continue;
      }
      const links = seenSections.get(route)?.links ?? [];
      for (const id of successors) {
        const target = routes.get(id.toLowerCase());
        if (!target || !links.includes(target)) problems.push(`${operation.operationId}: no link to its successor ${id}`);
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

  it('renders the generated What changed, error catalogue and legacy mapping, whose links all resolve', async () => {
    const known = new Set([...routes.values(), ...(await sidebarGroupRoutes())]);
    for (const [name, route, title] of REFERENCE_PAGES) {
      await load(route);
      await waitForSection(route, title);
      const section = page.locator(`[id="${route.slice(2)}"]`);
      if (name === 'what-changed') {
        // One section per release, newest first, after the unreleased changes.
        // Redoc gives each Markdown heading of the page its own sub-route (#/what-changed/<heading>) and renders
        // them as you scroll: the first is there, and the sidebar lists one per release after it.
        await expect.poll(() => page.locator('h3[id^="/what-changed/"]').first().innerText()).toMatch(/^Unreleased/);
        const entries = await page.locator(`${SIDEBAR} a[href^="#/what-changed/"]`).evaluateAll((as) => as.map((a) => a.textContent?.trim()));
        expect(entries.slice(1)).toEqual([...releasedVersions()].reverse());
      } else {
        const rows = await section.locator('table tbody tr').count();
        expect(rows, `${title}: table rows`).toBeGreaterThan(0);
      }
      const broken = (await section.locator('a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter(
        (href) => !known.has(href) && !REFERENCE_PAGES.some(([, r]) => r === href),
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
