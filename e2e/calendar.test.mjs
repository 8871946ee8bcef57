// The calendar in a real browser: week and month views at 360 and 1280 px
// (axe-core WCAG 2.1 AA, no overlapping controls with every <details> open,
// no sideways scrolling on a phone), booking a session from the calendar, and
// the demo clinician's private iCalendar feed. Runs on a `rapport demo`
// database; screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, watchProblems } from './pages.mjs';
import { serve, stop } from './server.mjs';
import { checkA11y, checkNoOverlap } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const TIMEOUT_MS = 20_000;

let dataDir;
let server;
let baseURL;
let browser;
let feedPath; // clinician1's feed, printed by `rapport demo`
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-calendar-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  feedPath = demo.stdout.match(/\/calendar\/feed\/[0-9a-f]+\.ics/)?.[0];
  assert.ok(feedPath, `rapport demo printed no calendar feed:\n${demo.stdout}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(email, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('rapport-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/today');
  return page;
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

async function checkPage(page, label) {
  await checkA11y(page, label);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await checkNoOverlap(page, `${label} (details open)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label}: no sideways scrolling (overflow ${overflow}px)`);
}

for (const width of [360, 1280]) {
  test(`week and month calendar at ${width} px`, async () => {
    const page = await signedIn('clinician1@demo.rapport.test', width);
    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/calendar');
    // Today at 10:00 with the demo's first client, and the week's booked sessions.
    const today = page.locator('.cal-today');
    await today.getByText(/10:00–10:50/).first().waitFor();
    assert.ok(await page.locator('[data-testid=cal-session]').count() >= 2, 'sessions this week');
    await checkPage(page, `week at ${width} px`);
    await shot(page, `calendar-week-${width}.png`);
    await page.getByRole('link', { name: 'Month', exact: true }).click();
    await page.waitForURL((u) => u.search.includes('view=month'));
    await page.locator('[data-testid=calendar-title]').waitFor();
    await checkPage(page, `month at ${width} px`);
    await shot(page, `calendar-month-${width}.png`);
    await page.context().close();
    assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
  });
}

test('booking a session from the calendar, and the feed a calendar app reads', async () => {
  const page = await signedIn('clinician1@demo.rapport.test', 1280);
  await page.goto(`${baseURL}/calendar`);
  const before = await page.locator('[data-testid=cal-session]').count();
  const course = page.getByLabel('Client and course', { exact: true });
  const option = await course.locator('option').nth(1).getAttribute('value');
  await course.selectOption(option);
  await page.getByLabel('Time', { exact: true }).fill('16:45');
  await page.getByRole('button', { name: 'Book session' }).click();
  await page.getByText('Session booked.').waitFor();
  await page.locator('.cal-today').getByText(/16:45–/).waitFor();
  assert.equal(await page.locator('[data-testid=cal-session]').count(), before + 1);

  const feed = await page.request.get(`${baseURL}${feedPath}`);
  assert.equal(feed.status(), 200);
  assert.equal(feed.headers()['content-type'], 'text/calendar; charset=utf-8');
  const text = await feed.text();
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /SUMMARY:IPT session: [A-Z]\.[A-Z]\.\r\n/, 'initials only');
  await page.context().close();
  assert.deepEqual(problems, []);
});
