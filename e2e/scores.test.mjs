// Scores where clinicians write, in a real browser (issue 12): from the
// session page a clinician records a PHQ-9 dated that day in under 6 clicks
// plus the 9 answers, reads the score sentence, goes back and sees the score
// and item 9 beside the note's risk check. axe-core and the overlap check run
// on the session page, the measure form (grid at 1280 px, stacked at 360 px)
// and the response page at both widths. Runs on a `rapport demo` database;
// screenshots go to e2e/test-results/.

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
let coursePath; // the demo course with notes and weekly scores, printed by `rapport demo`
const problems = []; // page errors, CSP violations, 5xx

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-scores-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  coursePath = demo.stdout.match(/\/courses\/[0-9a-f-]+/)?.[0];
  assert.ok(coursePath, `rapport demo printed no course:\n${demo.stdout}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill('clinician1@demo.rapport.test');
  await page.getByLabel('Password', { exact: true }).fill('rapport-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/today');
  return page;
}

// The demo course's latest session (held today, its note a draft).
async function openLatestSession(page) {
  await page.goto(`${baseURL}${coursePath}`);
  await page.locator('#sessions a.badge', { hasText: 'Draft' }).first().click();
  await page.waitForURL((u) => /\/sessions\//.test(u.pathname));
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

async function checks(page, label) {
  // <details> opened, so what they hide is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await checkA11y(page, label);
  await checkNoOverlap(page, label);
}

test('record a PHQ-9 from the session page in under 6 clicks and see it beside the risk check', async () => {
  const page = await signedIn(1280);
  await openLatestSession(page);
  const sessionURL = page.url();
  await page.getByTestId('session-scores').waitFor();
  let clicks = 0;
  const click = async (locator) => {
    clicks += 1;
    await locator.click();
  };

  await click(page.getByTestId('record-phq9'));
  await page.waitForURL((u) => u.pathname.endsWith('/measures/new'));
  const today = await page.locator('#date_taken').inputValue();
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/, 'the date taken defaults to the session day');
  await page.getByTestId('measure-grid').waitFor();
  // The 9 answers (not counted): item N's radio is named "N. <item text> <option>".
  const answers = ['Several days', 'Several days', 'Not at all', 'Several days', 'Not at all', 'Not at all', 'Not at all', 'Not at all', 'Not at all'];
  for (const [i, option] of answers.entries()) {
    await page.locator(`input[name=item_${i + 1}][aria-labelledby$="-o${['Not at all', 'Several days', 'More than half the days', 'Nearly every day'].indexOf(option)}"]`).check();
  }
  // The accessible name reads the item and the option.
  const name = await page.locator('input[name=item_9]').nth(1).evaluate((el) =>
    el.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent.trim()).join(' '));
  assert.match(name, /^9\. Thoughts that you would be better off dead.* Several days$/);
  await click(page.getByTestId('save-measure'));
  await page.waitForURL((u) => u.pathname.includes('/responses/'));
  const sentence = await page.getByTestId('score-sentence').innerText();
  assert.match(sentence, /PHQ-9 = 3 \(none or minimal\), -15 from baseline, reliable improvement/);

  await click(page.getByTestId('back-to-session'));
  await page.waitForURL((u) => u.href === sessionURL || u.pathname === new URL(sessionURL).pathname);
  const scores = await page.getByTestId('session-scores').innerText();
  assert.match(scores, /PHQ-9 = 3 \(none or minimal\)/);
  const risk = await page.locator('#risk').innerText();
  assert.match(risk, /Question 9 \(thoughts of self-harm\): Not at all/);
  assert.ok(clicks < 6, `clicks from the session page, excluding the answers: ${clicks}`);
  assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
  await page.context().close();
});

for (const width of [1280, 360]) {
  test(`the session page, measure form and response page at ${width} px pass axe and the overlap check`, async () => {
    const page = await signedIn(width);
    await openLatestSession(page);
    await checks(page, `session page at ${width} px`);
    await shot(page, `scores-session-${width}.png`);
    await page.getByTestId('record-phq9').click();
    await page.waitForURL((u) => u.pathname.endsWith('/measures/new'));
    const grid = await page.getByTestId('measure-grid').evaluate((t) => getComputedStyle(t).display);
    assert.equal(grid, width >= 768 ? 'table' : 'block', 'a grid on wide screens, stacked on phones');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
    await checks(page, `measure form at ${width} px`);
    await shot(page, `scores-form-${width}.png`);
    await page.goBack();
    await page.getByTestId('session-score').first().locator('a').first().click();
    await page.waitForURL((u) => u.pathname.includes('/responses/'));
    await checks(page, `response page at ${width} px`);
    await shot(page, `scores-response-${width}.png`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
