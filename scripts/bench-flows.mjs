// `npm run bench:flows`: the mock in flows mode under a long soak. Bounded, loopback only. (The journeys/s figure
// is a row of `npm run bench:mock`, next to the example path's.)
//   node scripts/bench-flows.mjs [soak] [--server=URL [--pid=PID]]
// SOAK_REQUESTS requests (default 300,000, at most 1,000,000) of mixed journeys (SMS MFA login, passwordless phone
// login, step-up by password validated by UID) on 10 keep-alive connections, each with its own API key; every 300
// journeys a connection moves its key's clock forward an hour (POST /__mock/clock), so tokens expire as they would
// over a day. Prints the mock's resident memory (process tree, /proc) every twentieth of the run: it must level off.
// Without --server it starts `node scripts/mock.mjs --flows --quiet` on a free port and stops it at the end.
import http from 'node:http';
import { startServerScript, treeRss } from './lib/processes.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mode = args.find((a) => !a.startsWith('--')) ?? 'soak';
if (mode !== 'soak') throw new Error(`bench-flows: unknown mode ${mode}: it runs the soak; the journeys/s figure is in npm run bench:mock`);
const SOAK_REQUESTS = Math.min(1_000_000, Math.max(10_000, Number(process.env.SOAK_REQUESTS ?? 300_000)));
const PASSWORD = 'Password1!';

/** One keep-alive connection; JSON in, JSON out. */
function connection(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  let requests = 0;
  const call = (method, path, body) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request({ host: url.hostname, port: url.port, method, path, agent, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          requests++;
          try {
            resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject);
      req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
      req.end(data);
    });
  return { call, requests: () => requests, close: () => agent.destroy() };
}

const q = encodeURIComponent;

/** Password -> SMS code from the outbox -> verify. True when the login completed. */
async function mfaSmsLogin(c, key) {
  const login = await c.call('POST', `/identity/v2/auth/login?apikey=${q(key)}`, { email: 'mfa-sms@example.com', password: PASSWORD });
  const token = login.body?.SecondFactorAuthenticationToken;
  if (login.status !== 200 || !token) return false;
  const outbox = await c.call('GET', `/__mock/outbox?apikey=${q(key)}&to=${q('+15550000001')}&limit=1`);
  const code = outbox.body?.messages?.[0]?.code;
  const done = await c.call('PUT', `/identity/v2/auth/login/2fa/sms?apikey=${q(key)}&secondfactorauthenticationtoken=${q(token)}`, { otp: code });
  return done.status === 200 && typeof done.body?.access_token === 'string';
}

async function passwordlessPhone(c, key) {
  const sent = await c.call('GET', `/identity/v2/auth/login/passwordlesslogin/otp?apikey=${q(key)}&phone=${q('+15550000000')}`);
  if (sent.status !== 200) return false;
  const outbox = await c.call('GET', `/__mock/outbox?apikey=${q(key)}&to=${q('+15550000000')}&limit=1`);
  const done = await c.call('PUT', `/identity/v2/auth/login/passwordlesslogin/otp/verify?apikey=${q(key)}`, { Phone: '+15550000000', OTP: outbox.body?.messages?.[0]?.code });
  return done.status === 200;
}

async function stepUpByPassword(c, key) {
  const login = await c.call('POST', `/identity/v2/auth/login?apikey=${q(key)}`, { email: 'no-mfa@example.com', password: PASSWORD });
  const access = login.body?.access_token;
  if (login.status !== 200 || !access) return false;
  const reauth = await c.call('PUT', `/identity/v2/auth/account/reauth/password?apikey=${q(key)}&access_token=${q(access)}`, { password: PASSWORD });
  const valid = await c.call('POST', `/identity/v2/manage/account/f1000000000000000000000000000000/reauth/password?apikey=${q(key)}&apisecret=bench`, {
    secondfactorvalidationtoken: reauth.body?.SecondFactorValidationToken,
  });
  return valid.status === 200 && valid.body?.IsValid === true;
}

async function soak(base, pid) {
  console.log(`soak: ${SOAK_REQUESTS.toLocaleString('en')} requests of mixed journeys on 10 connections${pid ? '' : ' (no pid: RSS not sampled)'}`);
  const conns = Array.from({ length: 10 }, () => connection(base));
  const total = () => conns.reduce((n, c) => n + c.requests(), 0);
  const samples = [];
  const sample = () => pid && samples.push({ requests: total(), seconds: (performance.now() - started) / 1000, rssMb: treeRss(pid) / 1048576 });
  const started = performance.now();
  sample();
  let nextSample = SOAK_REQUESTS / 20;
  let failures = 0;
  let journeysDone = 0;
  const kinds = [mfaSmsLogin, passwordlessPhone, stepUpByPassword];
  await Promise.all(
    conns.map(async (c, i) => {
      const key = `bench-soak-${i}`;
      for (let n = 0; total() < SOAK_REQUESTS; n++) {
        if (!(await kinds[n % kinds.length](c, key))) failures++;
        journeysDone++;
        if (n % 300 === 299) await c.call('POST', `/__mock/clock?apikey=${q(key)}`, { advanceSeconds: 3600 });
        if (total() >= nextSample) {
          nextSample += SOAK_REQUESTS / 20;
          sample();
        }
      }
    }),
  );
  sample();
  conns.forEach((c) => c.close());
  const seconds = (performance.now() - started) / 1000;
  console.log(`soak: ${total().toLocaleString('en')} requests, ${journeysDone.toLocaleString('en')} journeys in ${seconds.toFixed(0)} s (${(total() / seconds).toFixed(0)} req/s), ${failures} failed journeys`);
  if (samples.length) {
    console.log('   requests  seconds    RSS MB');
    for (const s of samples) console.log(`  ${String(s.requests).padStart(9)}  ${s.seconds.toFixed(0).padStart(7)}  ${s.rssMb.toFixed(1).padStart(8)}`);
    const half = samples.filter((s) => s.requests >= SOAK_REQUESTS / 2);
    const growth = half.length > 1 ? ((half.at(-1).rssMb - half[0].rssMb) / half[0].rssMb) * 100 : 0;
    console.log(`soak: RSS ${samples[0].rssMb.toFixed(1)} -> ${samples.at(-1).rssMb.toFixed(1)} MB; growth over the second half ${growth.toFixed(1)} %`);
  }
}

const serverOption = option('server');
const mock = serverOption ? undefined : await startServerScript('mock.mjs', { args: ['--flows', '--quiet'], timeoutMs: 30_000, captureStdout: false });
const base = serverOption ?? mock.baseUrl;
const pid = serverOption ? Number(option('pid')) || undefined : mock.pid;
try {
  await soak(base, pid);
} finally {
  await mock?.stop();
}

