// Supervision in a real browser (issue 14's done-when): a clinician the demo
// supervisor supervises (CLI) has a course with four sessions held and no
// agreed formulation (an overdue initial phase). The clinician self-rates
// session 4 on a phone; the supervisor rates the same session on a desktop,
// sees self versus supervisor item by item, and opens the dashboard where the
// overdue case comes first. axe-core and the overlap check run on every page
// of the journey; screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, shownDay, watchProblems } from './pages.mjs';
import { serve, stop } from './server.mjs';
import { checkA11y, checkNoOverlap, openAllDetails } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const TIMEOUT_MS = 20_000;
const PASSWORD = 'rapport-demo-2026';
// A supervisor of their own (the demo's supervisor also sees the demo's open
// risk flag, which rightly comes before an overdue initial phase).
const SUPERVISOR = 'supervisor.e2e@demo.rapport.test';
const CLINICIAN = 'clinician.e2e@demo.rapport.test';
const CLINICIAN_NAME = 'Tomás Herrera';
const CLIENT = 'Overdue Test';

let dataDir;
let server;
let baseURL;
let browser;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-supervision-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  for (const args of [
    ['--email', SUPERVISOR, '--name', 'Grace Okafor', '--role', 'supervisor'],
    ['--email', CLINICIAN, '--name', CLINICIAN_NAME, '--role', 'clinician', '--supervisor', SUPERVISOR],
  ]) {
    const create = spawnSync(
      RAPPORT_BIN,
      ['--data-dir', dataDir, 'user', 'create', ...args, '--password-stdin'],
      { encoding: 'utf8', input: PASSWORD },
    );
    assert.equal(create.status, 0, `rapport user create failed:\n${create.stdout}\n${create.stderr}`);
  }
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  return page;
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

async function checks(page, what) {
  await checkA11y(page, what);
  const folded = await page.evaluate(() => [...document.querySelectorAll('details:not([open])')].length);
  if (folded > 0) await openAllDetails(page);
  await checkNoOverlap(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
}

/** Posts a form as the signed-in page would (CSRF from the page at `from`); returns the response. */
async function post(page, from, action, fields) {
  await page.goto(`${baseURL}${from}`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const form = new URLSearchParams([...fields, ['csrf', csrf]]);
  return page.request.post(`${baseURL}${action}`, {
    data: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
}

function daysAgo(n) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** Chooses a point of the scale in every row of the rating grid: `pick(rowIndex)` is the column. */
async function rateEveryItem(page, pick) {
  const rows = page.locator('[data-testid="rating-grid"] tbody tr');
  const n = await rows.count();
  assert.ok(n >= 3, `the form lists the phase's items (${n})`);
  for (let i = 0; i < n; i++) {
    await rows.nth(i).locator('input[type="radio"]').nth(pick(i)).check();
  }
  return n;
}

test('a clinician self-rates, the supervisor rates and sees the agreement, then the overdue case first', { timeout: 300_000 }, async () => {
  // Set-up: a client, a 16-session course started eight weeks ago, four sessions held, no formulation agreed.
  const clin = await signIn(CLINICIAN, 360);
  let r = await post(clin, '/clients/new', '/clients/new', [['display_name', CLIENT]]);
  assert.equal(r.status(), 303, 'client registered');
  const clientId = r.headers().location.match(/\/clients\/([0-9a-f-]+)/)[1];
  r = await post(clin, `/clients/${clientId}/courses/new`, `/clients/${clientId}/courses/new`, [
    ['protocol', 'ipt-individual'], ['planned_sessions', '16'], ['frequency', 'weekly'],
    ['session_minutes', '50'], ['start_date', daysAgo(56)],
  ]);
  assert.equal(r.status(), 303, `course started: ${await r.text()}`);
  const coursePath = r.headers().location.match(/\/courses\/[0-9a-f-]+/)[0];
  for (const d of [56, 49, 42, 35]) {
    r = await post(clin, coursePath, `${coursePath}/sessions`, [
      ['date', daysAgo(d)], ['time', '10:00'], ['modality', 'in_person'], ['attendance', 'attended'],
    ]);
    assert.equal(r.status(), 303, `session of ${daysAgo(d)} recorded`);
  }

  // A second case still in time (one session), whose name sorts before the overdue one.
  r = await post(clin, '/clients/new', '/clients/new', [['display_name', 'Aaron Ontime']]);
  assert.equal(r.status(), 303, 'second client registered');
  const onTime = r.headers().location.match(/\/clients\/([0-9a-f-]+)/)[1];
  r = await post(clin, `/clients/${onTime}/courses/new`, `/clients/${onTime}/courses/new`, [
    ['protocol', 'ipt-individual'], ['planned_sessions', '16'], ['frequency', 'weekly'],
    ['session_minutes', '50'], ['start_date', daysAgo(7)],
  ]);
  assert.equal(r.status(), 303, `second course started: ${await r.text()}`);
  const onTimePath = r.headers().location.match(/\/courses\/[0-9a-f-]+/)[0];
  r = await post(clin, onTimePath, `${onTimePath}/sessions`, [
    ['date', daysAgo(7)], ['time', '10:00'], ['modality', 'in_person'], ['attendance', 'attended'],
  ]);
  assert.equal(r.status(), 303, 'its first session recorded');

  // The clinician opens session 4 and self-rates it on a phone.
  await clin.goto(`${baseURL}${coursePath}`);
  await clin.locator('#sessions a', { hasText: shownDay(daysAgo(35)) }).first().click();
  await clin.waitForURL((u) => /\/sessions\//.test(u.pathname));
  const sessionPath = new URL(clin.url()).pathname;
  await clin.getByRole('link', { name: 'Rate this session' }).click();
  await clin.waitForURL((u) => u.pathname.endsWith('/fidelity/new'));
  await checks(clin, 'Rating form at 360 px');
  await shot(clin, 'fidelity-form-360.png');
  const items = await rateEveryItem(clin, () => 2);
  await clin.getByLabel('Comment (optional)').fill('The inventory took most of the hour.');
  await clin.getByRole('button', { name: 'Save the rating' }).click();
  await clin.waitForURL((u) => u.pathname === sessionPath);
  await clin.getByText('Rating saved.').waitFor();
  const ratings = clin.locator('[data-testid="fidelity-ratings"]');
  assert.match(await ratings.innerText(), /Self-rating: Tomás Herrera/);
  await clin.locator('#fidelity').scrollIntoViewIfNeeded();
  await checks(clin, 'Session page with a self-rating at 360 px');
  await shot(clin, 'fidelity-session-self-360.png');

  // The supervisor rates the same session on a desktop, one item a point higher.
  const sup = await signIn(SUPERVISOR, 1280);
  await sup.goto(`${baseURL}${sessionPath}`);
  await sup.getByRole('link', { name: 'Rate this session' }).click();
  await sup.waitForURL((u) => u.pathname.endsWith('/fidelity/new'));
  assert.match(await sup.locator('[data-testid="rating-form"]').innerText(), /You are rating as: Supervisor/);
  await checks(sup, 'Rating form at 1280 px');
  await shot(sup, 'fidelity-form-1280.png');
  await rateEveryItem(sup, (i) => (i === 0 ? 3 : 2));
  await sup.getByRole('button', { name: 'Save the rating' }).click();
  await sup.waitForURL((u) => u.pathname === sessionPath);
  const agreement = sup.locator('[data-testid="agreement"]');
  await agreement.waitFor();
  assert.equal(await agreement.locator('tbody tr').count(), items, 'every item compared');
  assert.equal(await agreement.locator('tr.differs').count(), 1, 'one item differs');
  const summary = await sup.locator('[data-testid="agreement-summary"]').innerText();
  assert.match(summary, new RegExp(`Rated the same on ${items - 1} of ${items}`));
  await checks(sup, 'Session page with the agreement at 1280 px');
  await shot(sup, 'fidelity-agreement-1280.png');

  // The course: its summary and the agreement over time.
  await sup.goto(`${baseURL}${coursePath}#fidelity`);
  await sup.getByRole('link', { name: 'Self and supervisor ratings over time' }).click();
  await sup.waitForURL((u) => u.pathname === `${coursePath}/fidelity`);
  await sup.locator('[data-testid="trend-table"]').first().waitFor();
  await checks(sup, 'Fidelity over time at 1280 px');
  await shot(sup, 'fidelity-over-time-1280.png');

  // The dashboard: the overdue case first.
  await sup.goto(`${baseURL}/supervision`);
  await sup.getByRole('heading', { name: 'Supervision', level: 1 }).waitFor();
  const firstCase = sup.locator('main').locator('tr, li, article')
    .filter({ has: sup.locator('a[href^="/courses/"]') }).first();
  assert.match(await firstCase.innerText(), /initial phase overdue/i);
  assert.match(await firstCase.innerText(), new RegExp(CLIENT));
  const cases = sup.locator('main').locator('tr, li, article').filter({ has: sup.locator('a[href^="/courses/"]') });
  assert.match(await cases.nth(1).innerText(), /Aaron Ontime/, 'the case in time comes after');
  await checks(sup, 'Supervision dashboard at 1280 px');
  await shot(sup, 'supervision-dashboard-1280.png');

  assert.deepEqual(problems, [], 'no console errors or failed requests');
});
