// The clinician's day in a real browser (issue 12's "done when"): the demo
// clinician opens Today, starts the 10:00 session from it, records a PHQ-9
// dated that day in under 6 clicks plus the answers and sees its score, signs
// the note with the score and question 9 beside the risk check, and finds the
// session in their iCalendar feed. Then the portal client, on a phone, taps a
// crisis number on Help now and gets a tel: link, not text to retype.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, watchProblems } from './pages.mjs';
import { serve, stop } from './server.mjs';
import { checkA11y, checkNoOverlap } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const PASSWORD = 'rapport-demo-2026';
const TIMEOUT_MS = 20_000;

let dataDir;
let server;
let baseURL;
let browser;
let clientName; // clinician1's first client, named by `rapport demo`
let feedPath; // clinician1's private calendar feed, printed by `rapport demo`
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-day-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  clientName = demo.stdout.match(/\n(.+) \(clinician1's client\) has a course/)?.[1];
  feedPath = demo.stdout.match(/\/calendar\/feed\/[0-9a-f]+\.ics/)?.[0];
  assert.ok(clientName && feedPath, `rapport demo printed no client or feed:\n${demo.stdout}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function newPage(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  return page;
}

// Today's date where the demo organisation is (Europe/London), as YYYY-MM-DD.
function localToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

test("a clinician's day: Today, the 10:00 session, a PHQ-9, the signed note, the calendar feed", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill('clinician1@demo.rapport.test');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/today');

  // Start the 10:00 session with the demo's first client from Today.
  const row = page.locator('[data-testid="sessions-today"] li').filter({ hasText: '10:00' }).filter({ hasText: clientName });
  assert.equal(await row.count(), 1, `one 10:00 session with ${clientName} today`);
  await row.getByRole('link', { name: /Open session/ }).click();
  await page.waitForURL((u) => /^\/courses\/[0-9a-f-]+\/sessions\/[0-9a-f-]+$/.test(u.pathname));
  const sessionPath = new URL(page.url()).pathname;
  const sessionId = sessionPath.split('/').pop();

  // Record a PHQ-9 dated that day: clicks counted, the nine answers not.
  let clicks = 0;
  const click = async (locator) => {
    clicks += 1;
    await locator.click();
  };
  await click(page.getByTestId('record-phq9'));
  await page.waitForURL((u) => u.pathname.endsWith('/measures/new'));
  assert.equal(await page.locator('#date_taken').inputValue(), localToday(), 'dated the session day, today');
  // Option indices per item (0 = "Not at all", 1 = "Several days"); item 9 "Not at all".
  const answers = [1, 1, 0, 1, 0, 0, 0, 0, 0];
  for (const [i, option] of answers.entries()) {
    await page.locator(`input[name=item_${i + 1}][aria-labelledby$="-o${option}"]`).check();
  }
  await click(page.getByTestId('save-measure'));
  await page.waitForURL((u) => u.pathname.includes('/responses/'));
  assert.match(await page.getByTestId('score-sentence').innerText(), /PHQ-9 = 3 \(none or minimal\)/);
  await click(page.getByTestId('back-to-session'));
  await page.waitForURL((u) => u.pathname === sessionPath);
  assert.ok(clicks < 6, `clicks from the session page to the score and back: ${clicks}`);

  // The score and question 9 stand beside the risk check while signing.
  assert.match(await page.getByTestId('session-scores').innerText(), /PHQ-9 = 3 \(none or minimal\)/);
  const riskCheck = page.locator('#risk');
  await riskCheck.scrollIntoViewIfNeeded();
  const context = riskCheck.getByTestId('risk-context');
  assert.match(await context.innerText(), /Question 9 \(thoughts of self-harm\): Not at all/);
  assert.ok(await context.isVisible(), 'question 9 is in view at the risk check');
  await riskCheck.getByRole('radio', { name: 'No risk identified', exact: true }).check();
  // The client has an open flag: signing "No risk identified" asks for the confirmation.
  await page.locator('#confirm_open_flag').check();
  await page.getByRole('button', { name: 'Sign note', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, sign the note' }).click();
  await page.getByTestId('note-open-flag').waitFor();
  assert.match(await page.getByTestId('risk-context').innerText(), /Question 9 \(thoughts of self-harm\): Not at all/);
  for (const check of [checkA11y, checkNoOverlap]) await check(page, 'signed session page at 1280 px');

  // The session is in the clinician's calendar feed, at 10:00 London time (GMT in December).
  const feed = await fetch(`${baseURL}${feedPath}`);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const ics = await feed.text();
  const ymd = localToday().replaceAll('-', '');
  const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:session-${sessionId}@rapport`));
  assert.ok(event, 'the session is an event in the feed');
  assert.ok(event.includes(`DTSTART:${ymd}T`), `the event is on ${ymd}:\n${event}`);
  assert.ok(!event.includes(clientName), 'the feed shows initials, not the client name');
  await page.context().close();
  assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
});

test('a portal client on a phone taps a crisis number and gets a tel: link', async () => {
  const phone = await newPage({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  await phone.goto(`${baseURL}/portal/login`);
  await phone.getByLabel('Email address', { exact: true }).fill('client1@example.org');
  await phone.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await phone.waitForURL((u) => u.pathname === '/portal');
  await phone.getByRole('link', { name: 'Help now', exact: true }).tap();
  await phone.waitForURL((u) => u.pathname === '/portal/help');
  // Record what the tap reaches; the browser hands tel: to the phone's dialler.
  await phone.evaluate(() => {
    window.tapped = [];
    document.addEventListener('click', (e) => {
      const a = e.target.closest('a');
      if (a) window.tapped.push(a.getAttribute('href'));
      e.preventDefault();
    }, true);
  });
  const number = phone.locator('.crisis-list a[href^="tel:"]').first();
  await number.tap();
  const tapped = await phone.evaluate(() => window.tapped);
  assert.equal(tapped.length, 1, 'one link tapped');
  assert.match(tapped[0], /^tel:\+?\d+$/, `the crisis number is a tel: link (${tapped[0]})`);
  await phone.context().close();
  assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
});
