// Load benchmark (npm run bench:load): a bounded burst against `npm run mock` on 127.0.0.1.
// 20,000 valid requests spread over every operation of the spec at 50 concurrent connections; reports
// 5xx and error counts, latency percentiles and the mock's RSS before and after (target growth < 10%).
//   node scripts/bench-load.mjs [--requests N] [--connections N]
import autocannon from 'autocannon';
import { listOperations, loadSpec, rawRequest } from './lib/spec-requests.mjs';
import { startMockProcess, treeRss } from './lib/processes.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) {
    console.error(`bench-load: --${name} takes a whole number from 1 to 1000000`);
    process.exit(2);
  }
  return value;
};
const amount = option('requests', 20_000);
const connections = option('connections', 50);
const HARD_LIMIT_MS = 180_000; // the run stops by itself, whatever happens

const spec = loadSpec();
const credentials = { apiKey: 'bench-api-key', accessToken: 'bench-access-token', apiSecret: 'bench-api-secret' };
const requests = listOperations(spec).map((operation) => rawRequest(spec, operation, credentials));

let lastResponseAt = 0;
const run = (baseUrl, count) =>
  new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, amount: count, requests, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon notices the end of an `amount` run only on its once-a-second tick, so the run's own duration is
    // rounded up to it: the wall time measured here ends at the last response instead.
    instance.on('response', () => (lastResponseAt = performance.now()));
    const guard = setTimeout(() => instance.stop(), HARD_LIMIT_MS);
    instance.on('done', () => clearTimeout(guard));
  });

const mock = await startMockProcess();
try {
  await run(mock.baseUrl, 1_000); // warm-up: JIT, caches, connection pools
  const rssBefore = treeRss(mock.pid);
  const started = performance.now();
  const result = await run(mock.baseUrl, amount);
  const seconds = (lastResponseAt - started) / 1000;
  const rssAfter = treeRss(mock.pid);
  const stats = result.statusCodeStats ?? {};
  const count = (predicate) => Object.entries(stats).filter(([code]) => predicate(Number(code))).reduce((n, [, v]) => n + v.count, 0);
  const fivexx = count((c) => c >= 500);
  const fourxx = count((c) => c >= 400 && c < 500);
  const growth = (rssAfter - rssBefore) / rssBefore;
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  // autocannon's own average is over whole-second samples; this is the requests over the measured wall time.
  console.log(`bench-load: ${requests.length} operations, ${result.requests.total} requests, ${connections} connections, ${seconds.toFixed(2)} s`);
  console.log(`  throughput   ${(result.requests.total / seconds).toFixed(0)} req/s`);
  console.log(`  latency      p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms`);
  console.log(`  5xx          ${fivexx}   (target 0)`);
  console.log(`  4xx          ${fourxx}   (valid requests: expected 0)`);
  console.log(`  errors       ${result.errors}  timeouts ${result.timeouts}`);
  console.log(`  RSS          before ${mb(rssBefore)} MB  after ${mb(rssAfter)} MB  growth ${(growth * 100).toFixed(1)}% (target < 10%)`);
  const ok = fivexx === 0 && result.errors === 0 && growth < 0.1;
  console.log(`bench-load: ${ok ? 'targets met' : 'TARGETS MISSED'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await mock.stop();
}
