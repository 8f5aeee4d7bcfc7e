// Compares the load time of two builds of the docs page in headless Chromium, alternating them so that both see
// the same machine noise: navigation start to hydrated page (the sidebar's "Redoc" attribution mounted), as
// test/docs/browser.test.ts measures it. Prints each side's median and the ratio.
//   node scripts/docs/bench-load.mjs <dirA> <dirB> [runs=7]      (each dir holds an index.html)
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveDocs } from '../docs-serve.mjs';

const [dirA, dirB, runsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/docs/bench-load.mjs <dirA> <dirB> [runs]');
  process.exit(2);
}
const runs = Number.parseInt(runsArg ?? '7', 10);
const servers = await Promise.all([dirA, dirB].map((root) => serveDocs({ root: path.resolve(root), port: 0 })));
const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const times = [[], []];
try {
  for (let i = 0; i < runs + 1; i++) {
    for (const side of i % 2 ? [1, 0] : [0, 1]) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(urls[side], { waitUntil: 'load' });
      await page.getByText('Redoc', { exact: true }).waitFor();
      if (i > 0) times[side].push(Date.now() - started); // the first round warms the browser up
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [a, b] = times.map(median);
console.log(`A ${dirA}: median ${a} ms (${times[0].join(', ')})`);
console.log(`B ${dirB}: median ${b} ms (${times[1].join(', ')})`);
console.log(`B/A = ${(b / a).toFixed(3)}`);
