// The soak's load: API callers and browser-like sessions against a running
// `rapport serve`, for a fixed time, with the server's RSS sampled throughout.
// bench/soak.sh seeds, serves and calls this; see bench/README.md ("Soak").
//
//   node bench/soak.mjs --base URL --pid PID --tokens FILE --emails FILE --password P
//        [--api 200] [--browsers 50] [--duration 600] [--warmup 60] [--writes 15]
//        [--reads client,list,outcomes] [--out FILE]
//
// --writes: the percentage of API calls that write (two thirds recorded GAD-7s,
// one third coordination notes); the rest read. 0 makes a read-only soak, which
// tells growth that follows the data from growth that follows the requests.
// --reads: which API reads the callers make (client reads, caseload lists,
// outcome reads; all three by default, in the proportions 60:15:10), so a
// growth can be traced to the reads that carry it.
//
// tokens FILE: one API token per line (one clinician each); emails FILE: the
// clinician accounts the browser sessions sign in as. Prints a JSON summary
// and exits 1 when any response was a 5xx or a transport error, or a browser
// session could not sign in.

import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const BASE = args.base;
const PID = Number(args.pid);
const API_CALLERS = Number(args.api ?? 200);
const BROWSERS = Number(args.browsers ?? 50);
const DURATION_S = Number(args.duration ?? 600);
const WARMUP_S = Number(args.warmup ?? 60);
const WRITES = Number(args.writes ?? 15) / 100;
const READ_WEIGHTS = { client: 60, list: 15, outcomes: 10 };
const READS = (args.reads ?? 'client,list,outcomes').split(',').filter(Boolean);
const TOKENS = readFileSync(args.tokens, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const EMAILS = readFileSync(args.emails, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
if (!BASE || !PID || TOKENS.length === 0 || EMAILS.length === 0 || !args.password || !(WRITES >= 0 && WRITES <= 1)
  || READS.some((r) => !(r in READ_WEIGHTS)) || (READS.length === 0 && WRITES < 1)) {
  console.error('usage: node bench/soak.mjs --base URL --pid PID --tokens FILE --emails FILE --password P [--writes 0-100] [--reads client,list,outcomes]');
  process.exit(2);
}

// --- Measurement ------------------------------------------------------------------
// Latency histogram in 0.1 ms buckets up to 30 s (beyond counts in the last).
const BUCKETS = 300_000;
class Stats {
  constructor() {
    this.hist = new Uint32Array(BUCKETS);
    this.count = 0;
    this.status = {};
    this.transportErrors = 0;
  }
  record(ms, status) {
    this.hist[Math.min(BUCKETS - 1, Math.floor(ms * 10))] += 1;
    this.count += 1;
    this.status[status] = (this.status[status] ?? 0) + 1;
  }
  percentile(p) {
    const target = Math.ceil(this.count * p);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.hist[i];
      if (seen >= target && target > 0) return (i + 1) / 10;
    }
    return null;
  }
  fiveHundreds() {
    return Object.entries(this.status).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
  }
  summary(seconds) {
    return {
      requests: this.count,
      per_second: Math.round(this.count / seconds),
      p50_ms: this.percentile(0.5),
      p99_ms: this.percentile(0.99),
      statuses: this.status,
      status_5xx: this.fiveHundreds(),
      transport_errors: this.transportErrors,
    };
  }
}
const measured = { api: new Stats(), browser: new Stats() };
const all = { api: new Stats(), browser: new Stats() };
let measuring = false;
let signedIn = 0;
let throttledSignIns = 0;
let stopping = false;
const unexpected = [];

async function timed(kind, url, init, expect) {
  const started = performance.now();
  let status = 'error';
  try {
    const response = await fetch(url, { redirect: 'manual', ...init });
    status = response.status;
    const body = await response.text();
    if (!expect.includes(status) && unexpected.length < 20) unexpected.push(`${init?.method ?? 'GET'} ${url} -> ${status}: ${body.slice(0, 200)}`);
    return { status, body, headers: response.headers };
  } catch (e) {
    all[kind].transportErrors += 1;
    if (measuring) measured[kind].transportErrors += 1;
    if (unexpected.length < 20) unexpected.push(`${init?.method ?? 'GET'} ${url}: ${e.cause?.code ?? e.message}`);
    return { status, body: '', headers: new Headers() };
  } finally {
    const ms = performance.now() - started;
    if (status !== 'error') {
      all[kind].record(ms, status);
      if (measuring) measured[kind].record(ms, status);
    }
  }
}

function rss() {
  return residentParts().total;
}

// The resident memory and its parts (MB): anonymous (the heap and thread
// stacks), file-backed (the binary, SQLite's mapped files) and shared memory
// (SQLite's WAL index), so a growth can be told apart.
function residentParts() {
  const status = readFileSync(`/proc/${PID}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { total: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem'), threads: Number(/Threads:\s+(\d+)/.exec(status)?.[1]) };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const today = () => new Date().toISOString().slice(0, 10);

// The read kind at `u` (0 to 1) along the chosen kinds' weights.
function readKind(u) {
  const total = READS.reduce((n, r) => n + READ_WEIGHTS[r], 0);
  let at = u * total;
  for (const r of READS) {
    at -= READ_WEIGHTS[r];
    if (at < 0) return r;
  }
  return READS[READS.length - 1];
}

// --- API callers -------------------------------------------------------------------
// Mixed read and write, as an integration or a mobile app would call: mostly
// client reads, some caseload lists and outcome reads, one in ten a recorded
// GAD-7 (the response pipeline: scoring, the risk rules, the audit entry) and
// one in twenty a coordination note.
async function apiCaller(token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const list = await timed('api', `${BASE}/api/v1/clients?limit=100`, { headers }, [200]);
  const clients = list.status === 200 ? JSON.parse(list.body).map((c) => c.id) : [];
  if (clients.length === 0) throw new Error(`the token ${token.slice(0, 6)}… lists no clients`);
  while (!stopping) {
    const client = pick(clients);
    // Reads keep their proportions among the chosen kinds (client 60, list
    // 15, outcomes 10 by default); writes are WRITES of all calls, two thirds GAD-7s.
    const roll = Math.random();
    if (roll < 1 - WRITES) {
      const read = readKind(roll / (1 - WRITES));
      const path = { client: `/api/v1/clients/${client}`, list: '/api/v1/clients?limit=50', outcomes: `/api/v1/clients/${client}/outcomes` }[read];
      await timed('api', `${BASE}${path}`, { headers }, [200]);
    } else if (roll < 1 - WRITES / 3) {
      const answers = Array.from({ length: 7 }, () => Math.floor(Math.random() * 4));
      await timed('api', `${BASE}/api/v1/clients/${client}/responses`, {
        method: 'POST', headers, body: JSON.stringify({ instrument: 'gad7', answers }),
      }, [201]);
    } else {
      await timed('api', `${BASE}/api/v1/clients/${client}/coordination-notes`, {
        method: 'POST', headers, body: JSON.stringify({ date: today(), note: 'Soak: spoke with the GP practice.' }),
      }, [201]);
    }
  }
}

// --- Browser-like sessions ---------------------------------------------------------
// A clinician in a browser: signs in the way a browser does (CSRF cookie and
// field), then opens Today, the caseload and client pages with a pause of
// 0.2-1 s between pages, and the stylesheet now and then.
function cookieJar() {
  const jar = new Map();
  return {
    take(headers) {
      for (const c of headers.getSetCookie?.() ?? []) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

async function browser(email, index) {
  // Clinicians arrive over the first half of the warm-up, not all in one
  // instant: 50 sign-ins at once from one address is what the sign-in
  // throttle exists to slow down (it answers 429 with Retry-After).
  await sleep((index * WARMUP_S * 500) / Math.max(1, BROWSERS));
  const jar = cookieJar();
  let signIn;
  for (let attempt = 1; attempt <= 10 && !stopping; attempt++) {
    const login = await timed('browser', `${BASE}/login`, {}, [200]);
    jar.take(login.headers);
    const csrf = /name="csrf" value="([^"]+)"/.exec(login.body)?.[1];
    const form = new URLSearchParams({ email, password: args.password, csrf: csrf ?? '' });
    signIn = await timed('browser', `${BASE}/login`, {
      method: 'POST', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: form,
    }, [303, 429]);
    if (signIn.status !== 429) break;
    throttledSignIns += 1;
    await sleep(1000 * Number(signIn.headers.get('retry-after') ?? 2));
  }
  jar.take(signIn.headers);
  if (signIn.status !== 303) throw new Error(`${email} could not sign in (${signIn.status})`);
  signedIn += 1;
  const headers = () => ({ cookie: jar.header() });
  const caseload = await timed('browser', `${BASE}/clients`, { headers: headers() }, [200]);
  const clients = [...new Set([...caseload.body.matchAll(/href="\/clients\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
  while (!stopping) {
    await sleep(200 + Math.random() * 800);
    const roll = Math.random();
    const path = roll < 0.25 ? '/today' : roll < 0.5 || clients.length === 0 ? '/clients' : `/clients/${pick(clients)}`;
    await timed('browser', `${BASE}${path}`, { headers: headers() }, [200]);
    if (Math.random() < 0.1) await timed('browser', `${BASE}/static/app.css`, { headers: headers() }, [200, 304]);
  }
}

// --- Run ---------------------------------------------------------------------------
const rssSamples = [];
const started = Date.now();
const sampler = setInterval(() => {
  const parts = residentParts();
  rssSamples.push({ t: Math.round((Date.now() - started) / 1000), mb: parts.total, anon_mb: parts.anon, file_mb: parts.file, shmem_mb: parts.shmem, threads: parts.threads });
}, 5000);
const rssAtStart = rss();
const workers = [
  ...Array.from({ length: API_CALLERS }, (_, i) => apiCaller(TOKENS[i % TOKENS.length])),
  ...Array.from({ length: BROWSERS }, (_, i) => browser(EMAILS[i % EMAILS.length], i)),
].map((w) => w.catch((e) => { unexpected.push(String(e)); }));

await sleep(WARMUP_S * 1000);
const rssAfterWarmup = rss();
measuring = true;
const measuredFrom = Date.now();
await sleep((DURATION_S - WARMUP_S) * 1000);
measuring = false;
const seconds = (Date.now() - measuredFrom) / 1000;
const rssAtEnd = rss();
stopping = true;
await Promise.all(workers);
clearInterval(sampler);

const result = {
  duration_s: DURATION_S,
  warmup_s: WARMUP_S,
  api_callers: API_CALLERS,
  browser_sessions: BROWSERS,
  browser_sessions_signed_in: signedIn,
  sign_ins_throttled_then_retried: throttledSignIns,
  api: measured.api.summary(seconds),
  browser: measured.browser.summary(seconds),
  whole_run_5xx: all.api.fiveHundreds() + all.browser.fiveHundreds(),
  whole_run_transport_errors: all.api.transportErrors + all.browser.transportErrors,
  rss_mb: {
    at_start: Number(rssAtStart.toFixed(1)),
    after_warmup: Number(rssAfterWarmup.toFixed(1)),
    at_end: Number(rssAtEnd.toFixed(1)),
    max: Number(Math.max(...rssSamples.map((s) => s.mb), rssAtEnd).toFixed(1)),
    growth_after_warmup_pct: Number((((rssAtEnd - rssAfterWarmup) / rssAfterWarmup) * 100).toFixed(1)),
  },
  rss_samples: rssSamples,
  unexpected,
};
if (args.out) writeFileSync(args.out, JSON.stringify(result, null, 2));
const { rss_samples: _samples, ...shown } = result;
console.log(JSON.stringify(shown, null, 2));
const clean = result.whole_run_5xx === 0 && result.whole_run_transport_errors === 0 && signedIn === BROWSERS;
process.exit(clean ? 0 : 1);
