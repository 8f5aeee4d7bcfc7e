// `npm run bench:mock`: throughput, latency and startup of the packaged mock CLI (`loginradius-mfa-mock`, packed
// from generated/mock and installed from the tarball into a scratch project, as a user runs it), against a
// minimal Node http server returning the same bytes. Bounded load on 127.0.0.1 only (autocannon, fixed duration).
//   BENCH_DURATION=5 (seconds per run, at most 10)  BENCH_RUNS=3 (runs per scenario)
// Scenarios: a static example (GET, query + Bearer credentials validated by Prism) at 1 and 10
// concurrent connections, for the mock with its default one-line log, the mock with --quiet, and the
// baseline; at 10 connections also the adapter that builds a Fetch Request/Response per call
// (LOGINRADIUS_MFA_MOCK_ADAPTER=fetch); then one validated PUT with a JSON body; flows journeys (`--flows`: a full
// MFA login = password, the SMS code read from the outbox, verify; each journey holds an API key of its own while
// it runs); the static example on the mock as it was before flows (generated/mock of BENCH_BEFORE, default the
// last commit before flows were merged, taken from git history), run alternately with today's; and startup
// (spawn -> first 200), several times. BENCH_STOCK_PRISM=1 adds the stock Prism CLI (`prism mock`).
// BENCH_JOURNEYS_BEFORE=<git ref> adds the journeys on the mock of that commit (the same load, another mock).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from './lib/run.mjs';
import { freePort } from './lib/processes.mjs';

const DURATION = Math.min(10, Math.max(1, Number(process.env.BENCH_DURATION ?? 5)));
const RUNS = Math.min(10, Math.max(1, Number(process.env.BENCH_RUNS ?? 3)));
const STARTUPS = 5;
const HOST = '127.0.0.1';
const TARGETS = { p99Ms: 2, reqPerSec: 12_000, startupMs: 600, journeysPerSec: 1_000, beforeFlowsWithin: 0.1 };
/** The last commit before flows mode was merged (`git log --first-parent`: "Merge branch 'test-strength'"). */
const BEFORE_FLOWS = process.env.BENCH_BEFORE ?? 'ab6a6c2';

const spec = JSON.parse(fs.readFileSync(path.join(repoRoot, 'generated', 'openapi.json'), 'utf8'));
const deref = (node) => {
  let n = node;
  while (n && typeof n.$ref === 'string') n = n.$ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).reduce((a, k) => a?.[k], spec);
  return n;
};

/** A valid request for an operation, from the spec's examples and security schemes. */
function requestFor(method, template) {
  const item = spec.paths[template];
  const op = item[method];
  const url = new URL(template.replace(/\{([^}]+)\}/g, 'x'), `http://${HOST}`);
  const headers = {};
  for (const name of Object.keys(op.security?.[0] ?? {})) {
    const scheme = deref(spec.components.securitySchemes[name]);
    if (scheme.type === 'http') headers.authorization = 'Bearer 493318dd-487a-439b-8302-5e27f1110244';
    else if (scheme.in === 'query') url.searchParams.set(scheme.name, 'bench-key');
    else if (scheme.in === 'header') headers[scheme.name.toLowerCase()] = 'bench-secret';
  }
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) {
    if (!p.required) continue;
    const value = p.example ?? p.schema?.example ?? p.schema?.enum?.[0] ?? 'x';
    if (p.in === 'query') url.searchParams.set(p.name, String(value));
    else if (p.in === 'header') headers[p.name.toLowerCase()] = String(value);
  }
  const media = deref(op.requestBody)?.content?.['application/json'];
  const example = media && Object.values(media.examples ?? {}).map(deref)[0]?.value;
  const body = example === undefined ? undefined : JSON.stringify(example);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method: method.toUpperCase(), path: `${url.pathname}${url.search}`, headers, body, operationId: op.operationId };
}

function pickOperation(predicate, preferred) {
  const all = Object.entries(spec.paths).flatMap(([p, item]) => ['get', 'put', 'post', 'delete'].filter((m) => item[m]).map((m) => [m, p, item[m]]));
  const hit = all.find(([, , op]) => op.operationId === preferred) ?? all.find(predicate);
  if (!hit) throw new Error(`bench: no operation for ${preferred}`);
  return requestFor(hit[0], hit[1]);
}

const staticGet = pickOperation(([m, p]) => m === 'get' && !p.includes('{'), 'mfaGetSettings');
const validatedPut = pickOperation(([m, p, op]) => m === 'put' && !p.includes('{') && op.requestBody, 'legacyMfaUpdatePhoneByAccessToken');

async function fetchOnce(port, request) {
  const response = await fetch(`http://${HOST}:${port}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

/** Flows answer the static example 403 (no such access token): they are ready when their clock answers. */
const FLOWS_PROBE = { method: 'GET', path: '/__mock/clock?apikey=bench-probe', headers: {} };

/** Spawns a node script; resolves once `probe` gets a 200, with the spawn -> 200 time. */
async function start(script, args = [], env = {}, timeoutMs = 20_000, probe = args.includes('--flows') ? FLOWS_PROBE : staticGet) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, ...args.map((a) => (a === '{PORT}' ? String(port) : a))], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => {
    if (output.length < 4096) output += d;
  });
  child.stderr.on('data', (d) => (output += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited with ${child.exitCode}:\n${output}`);
    try {
      const r = await fetchOnce(port, probe);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${path.basename(script)} did not answer 200 within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startupMs = performance.now() - t0;
  return {
    port,
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** A minimal node:http server answering every request with the given status, headers and bytes. */
function baselineScript(file, response) {
  const source = `
const http = require('node:http');
const body = Buffer.from(${JSON.stringify(response.bytes.toString('base64'))}, 'base64');
const headers = ${JSON.stringify({ 'content-type': response.headers.get('content-type') ?? 'application/json', 'content-length': String(response.bytes.length) })};
http.createServer((req, res) => { req.resume(); res.writeHead(${response.status}, headers); res.end(body); })
  .listen(Number(process.env.PORT), '${HOST}');
`;
  fs.writeFileSync(file, source);
  return file;
}

/** One autocannon run. Latency percentiles come from every response time (autocannon's own histogram
 *  has 1 ms resolution, too coarse here). */
async function load(port, request, connections) {
  const times = [];
  const instance = autocannon({
    url: `http://${HOST}:${port}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    duration: DURATION,
    pipelining: 1,
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) times.push(responseTime);
  });
  const result = await instance;
  const at = percentiles(times);
  return {
    reqPerSec: result.requests.average,
    p50: at(0.5),
    p99: at(0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * One autocannon run of flows journeys: each connection cycles login -> outbox -> verify. A journey takes a free
 * API key when it starts and gives it back when its verify is answered, so no two journeys in flight share a
 * tenant (two logins of one user on one key would void each other's codes) and the keys stay few.
 */
async function journeysLoad(port, connections) {
  const freeKeys = [];
  let keys = 0;
  const times = [];
  let done = 0;
  let failed = 0;
  const q = encodeURIComponent;
  const requests = [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mfa-sms@example.com', password: 'Password1!' }),
      setupRequest: (req, context) => {
        context.key = freeKeys.pop() ?? `bench-journeys-${keys++}`;
        context.started = performance.now();
        return { ...req, path: `/identity/v2/auth/login?apikey=${context.key}` };
      },
      onResponse: (status, body, context) => {
        context.token = status === 200 ? JSON.parse(body).SecondFactorAuthenticationToken : undefined;
      },
    },
    {
      method: 'GET',
      setupRequest: (req, context) => ({ ...req, path: `/__mock/outbox?apikey=${context.key}&to=${q('+15550000001')}&limit=1` }),
      onResponse: (status, body, context) => {
        context.code = status === 200 ? JSON.parse(body).messages[0]?.code : undefined;
      },
    },
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req, context) => ({
        ...req,
        path: `/identity/v2/auth/login/2fa/sms?apikey=${context.key}&secondfactorauthenticationtoken=${q(context.token ?? 'none')}`,
        body: JSON.stringify({ otp: context.code ?? '000000' }),
      }),
      onResponse: (status, body, context) => {
        freeKeys.push(context.key);
        if (status === 200 && context.token && typeof JSON.parse(body).access_token === 'string') {
          done++;
          times.push(performance.now() - context.started);
        } else failed++;
      },
    },
  ];
  const result = await autocannon({ url: `http://${HOST}:${port}`, requests, connections, duration: DURATION, pipelining: 1 });
  const at = percentiles(times);
  return { journeysPerSec: done / result.duration, reqPerSec: result.requests.average, p50: at(0.5), p99: at(0.99), failed: failed + result.errors + result.timeouts, keys };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Sorts `times` in place; the returned function gives its q-quantile (NaN when empty). */
function percentiles(times) {
  times.sort((a, b) => a - b);
  return (q) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN);
}

/** A discarded warm-up run, then RUNS measured ones. */
async function measuredRuns(run) {
  await run().catch(() => {});
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  return runs;
}
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : String(n));

async function scenario(label, server, request, connections) {
  const runs = await measuredRuns(() => load(server.port, request, connections));
  const row = {
    label,
    connections,
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    p99Max: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    runs: runs.map((r) => Math.round(r.reqPerSec)).join(' / '),
  };
  console.log(
    `${label.padEnd(42)} ${String(connections).padStart(4)}  ${fmt(row.reqPerSec).padStart(7)}  ${fmt(row.p50, 2).padStart(6)}  ${fmt(row.p99, 2).padStart(6)}  ${fmt(row.p99Max, 2).padStart(6)}  ${String(row.errors).padStart(5)}   ${row.runs}`,
  );
  return row;
}

async function journeyScenario(label, server, connections) {
  const runs = await measuredRuns(() => journeysLoad(server.port, connections));
  const row = {
    journeysPerSec: median(runs.map((r) => r.journeysPerSec)),
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failed: runs.reduce((a, r) => a + r.failed, 0),
  };
  console.log(
    `${label.padEnd(42)} ${String(connections).padStart(4)}  ${fmt(row.journeysPerSec).padStart(7)} journeys/s (${fmt(row.reqPerSec)} req/s), journey p50 ${fmt(row.p50, 2)} ms, p99 ${fmt(row.p99, 2)} ms, ` +
      `${row.failed} failed; journeys/s per run ${runs.map((r) => fmt(r.journeysPerSec)).join(' / ')}; API keys used ${Math.max(...runs.map((r) => r.keys))}`,
  );
  return row;
}

/** generated/mock as committed at `ref`, extracted from git history into `dir`; null when the history lacks it. */
function checkoutMockAt(ref, dir) {
  const archive = spawnSync('git', ['-C', repoRoot, 'archive', '--format=tar', ref, 'generated/mock'], { maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) return null;
  fs.mkdirSync(dir, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`extracting generated/mock of ${ref} failed: ${untar.stderr}`);
  return path.join(dir, 'generated', 'mock');
}

/** Packs a mock package folder and installs the tarball into a scratch project; returns the installed CLI's script. */
function installPackagedCli(dir, packageDir = path.join(repoRoot, 'generated', 'mock')) {
  fs.mkdirSync(dir, { recursive: true });
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const out = execFileSync('npm', ['pack', packageDir, '--pack-destination', dir, '--json'], { encoding: 'utf8', env });
  const tarball = path.join(dir, JSON.parse(out.slice(out.indexOf('[')))[0].filename);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-consumer', private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: dir, encoding: 'utf8', env });
  if (install.status !== 0) throw new Error(`installing the packed mock failed:\n${install.stderr}`);
  return path.join(dir, 'node_modules', 'loginradius-mfa-mock', 'dist', 'bin.js');
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'loginradius-mfa-mock-bench-'));
const servers = [];
try {
  const MOCK = installPackagedCli(scratch);
  console.log(`bench:mock (the packed loginradius-mfa-mock CLI, installed from its tarball)  node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`static example: ${staticGet.method} ${staticGet.path.split('?')[0]} (${staticGet.operationId}); validated body: ${validatedPut.method} ${validatedPut.path.split('?')[0]} (${validatedPut.operationId})`);
  console.log(`autocannon, ${DURATION} s per run, ${RUNS} runs per row (+1 discarded warm-up); figures are medians of the runs\n`);

  // Startup: spawn -> first 200 for the static example.
  const startups = [];
  for (let i = 0; i < STARTUPS; i++) {
    const s = await start(MOCK, ['--port', '{PORT}']);
    startups.push(s.startupMs);
    await s.stop();
  }

  const mock = await start(MOCK, ['--port', '{PORT}']);
  servers.push(mock);
  const reference = await fetchOnce(mock.port, staticGet);
  if (reference.status !== 200) throw new Error(`the mock answered ${reference.status} to the bench request`);
  const quiet = await start(MOCK, ['--port', '{PORT}', '--quiet']);
  servers.push(quiet);
  const viaFetch = await start(MOCK, ['--port', '{PORT}', '--quiet'], { LOGINRADIUS_MFA_MOCK_ADAPTER: 'fetch' });
  servers.push(viaFetch);
  const baseline = await start(baselineScript(path.join(scratch, 'baseline.cjs'), reference));
  servers.push(baseline);
  const check = await fetchOnce(baseline.port, staticGet);
  if (!check.bytes.equals(reference.bytes)) throw new Error('baseline bytes differ from the mock');

  console.log(`${'scenario'.padEnd(42)} conn    req/s  p50 ms  p99 ms  max p99 errors  req/s per run`);
  const rows = {};
  for (const connections of [1, 10]) {
    rows[`mock${connections}`] = await scenario('mock, static example (default log)', mock, staticGet, connections);
    rows[`quiet${connections}`] = await scenario('mock, static example (--quiet)', quiet, staticGet, connections);
    rows[`base${connections}`] = await scenario('node:http, same bytes (baseline)', baseline, staticGet, connections);
  }
  rows.fetch10 = await scenario('mock via Fetch Request/Response (--quiet)', viaFetch, staticGet, 10);
  rows.put = await scenario('mock, PUT + JSON body validated', mock, validatedPut, 10);
  const flows = await start(MOCK, ['--port', '{PORT}', '--flows']);
  servers.push(flows);
  rows.journeys = await journeyScenario('flows MFA login journeys (default log)', flows, 10);
  const flowsQuiet = await start(MOCK, ['--port', '{PORT}', '--flows', '--quiet']);
  servers.push(flowsQuiet);
  rows.journeysQuiet = await journeyScenario('flows MFA login journeys (--quiet)', flowsQuiet, 10);
  const journeysRef = process.env.BENCH_JOURNEYS_BEFORE;
  const journeysDir = journeysRef && checkoutMockAt(journeysRef, path.join(scratch, 'journeys-before'));
  if (journeysDir) {
    const old = await start(installPackagedCli(path.join(scratch, 'journeys-before-consumer'), journeysDir), ['--port', '{PORT}', '--flows']);
    servers.push(old);
    await journeyScenario(`flows journeys on ${journeysRef} (default log)`, old, 10);
  } else if (journeysRef) console.log(`(BENCH_JOURNEYS_BEFORE: ${journeysRef} is not in this clone's history; skipped)`);

  // The example path before flows, run alternately with today's so that both see the same machine.
  const beforeDir = checkoutMockAt(BEFORE_FLOWS, path.join(scratch, 'before'));
  let before;
  if (beforeDir) {
    const beforeMock = await start(installPackagedCli(path.join(scratch, 'before-consumer'), beforeDir), ['--port', '{PORT}']);
    servers.push(beforeMock);
    await load(beforeMock.port, staticGet, 10); // warm-up run, discarded
    const now = [];
    const then = [];
    for (let i = 0; i < RUNS; i++) {
      now.push((await load(mock.port, staticGet, 10)).reqPerSec);
      then.push((await load(beforeMock.port, staticGet, 10)).reqPerSec);
    }
    before = { now: median(now), then: median(then) };
    console.log(`${`static example, today / before flows (${BEFORE_FLOWS})`.padEnd(42)}   10  ${fmt(before.now).padStart(7)} / ${fmt(before.then)} req/s   runs ${now.map((r) => fmt(r)).join(' / ')} against ${then.map((r) => fmt(r)).join(' / ')}`);
  } else console.log(`(the mock before flows: ${BEFORE_FLOWS} is not in this clone's history; skipped)`);
  if (process.env.BENCH_STOCK_PRISM) {
    // For context: the stock Prism CLI (what scripts/mock.mjs used to spawn), default logging.
    const prismCli = fs.realpathSync(path.join(repoRoot, 'node_modules', '.bin', 'prism'));
    const t0 = performance.now();
    const stock = await start(prismCli, ['mock', path.join(repoRoot, 'generated', 'openapi.yaml'), '-h', HOST, '-p', '{PORT}'], {}, 120_000);
    servers.push(stock);
    console.log(`${'(stock prism CLI startup)'.padEnd(42)}       ${fmt(performance.now() - t0)} ms`);
    for (const connections of [1, 10]) await scenario('stock prism CLI, static example', stock, staticGet, connections);
  }

  console.log('\nratios (mock / baseline):');
  for (const connections of [1, 10]) {
    const m = rows[`mock${connections}`];
    const q = rows[`quiet${connections}`];
    const b = rows[`base${connections}`];
    console.log(
      `  ${String(connections).padStart(2)} conn: req/s ${fmt((m.reqPerSec / b.reqPerSec) * 100, 1)}% (quiet ${fmt((q.reqPerSec / b.reqPerSec) * 100, 1)}%), ` +
        `p99 ${fmt(m.p99, 2)} vs ${fmt(b.p99, 2)} ms; logging costs ${fmt((1 - m.reqPerSec / q.reqPerSec) * 100, 1)}% of req/s`,
    );
  }
  console.log(
    `  Fetch Request/Response per call (10 conn, --quiet): ${fmt(rows.fetch10.reqPerSec)} req/s, ${fmt((rows.fetch10.reqPerSec / rows.quiet10.reqPerSec) * 100, 1)}% of the light adapter; p99 ${fmt(rows.fetch10.p99, 2)} vs ${fmt(rows.quiet10.p99, 2)} ms`,
  );
  console.log(`  flows journeys (10 conn): ${fmt(rows.journeys.journeysPerSec)} journeys/s with the default log, ${fmt(rows.journeysQuiet.journeysPerSec)} with --quiet`);
  if (before)
    console.log(`  static example, today / before flows (${BEFORE_FLOWS}), alternating runs: ${fmt(before.now)} / ${fmt(before.then)} req/s = ${fmt((before.now / before.then) * 100, 1)}%`);
  const startup = median(startups);
  console.log(`\nstartup (spawn -> first 200), ${STARTUPS} runs: median ${fmt(startup)} ms, min ${fmt(Math.min(...startups))}, max ${fmt(Math.max(...startups))} (${startups.map((s) => fmt(s)).join(' / ')})`);

  const m10 = rows.mock10;
  const verdicts = [
    [`p99 at 10 connections <= ${TARGETS.p99Ms} ms`, m10.p99 <= TARGETS.p99Ms, `${fmt(m10.p99, 2)} ms`],
    [`req/s at 10 connections >= ${TARGETS.reqPerSec}`, m10.reqPerSec >= TARGETS.reqPerSec, fmt(m10.reqPerSec)],
    [`startup <= ${TARGETS.startupMs} ms`, startup <= TARGETS.startupMs, `${fmt(startup)} ms`],
    [`flows journeys at 10 connections >= ${TARGETS.journeysPerSec}/s (default log)`, rows.journeys.journeysPerSec >= TARGETS.journeysPerSec, fmt(rows.journeys.journeysPerSec)],
    ...(before ? [[`static example within ${TARGETS.beforeFlowsWithin * 100}% of before flows`, before.now >= before.then * (1 - TARGETS.beforeFlowsWithin), `${fmt((before.now / before.then) * 100, 1)}%`]] : []),
    ['no errors / non-2xx / failed journeys under load', Object.values(rows).every((r) => (r.errors ?? r.failed) === 0), String(Object.values(rows).reduce((a, r) => a + (r.errors ?? r.failed), 0))],
  ];
  console.log('\ntargets:');
  for (const [name, ok, value] of verdicts) console.log(`  ${ok ? 'PASS' : 'MISS'}  ${name}: ${value}`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(scratch, { recursive: true, force: true });
}
