// The supervisor's pages in a real browser (issue 14), on the demo: the
// dashboard (cases as cards on a phone), the supervision log with its
// overdue action point, the new-meeting form (errors, then a meeting saved)
// and a supervisee's professional record. Each passes axe-core and the
// overlap check at 360 and 1280 px with no sideways scroll of the page;
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
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-supervision-pages-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(width, email) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('rapport-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  return page;
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

async function checks(page, label, width) {
  for (const check of [checkA11y, checkNoOverlap]) await check(page, `${label} at ${width} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} at ${width} px scrolls sideways by ${overflow} px`);
}

for (const width of [360, 1280]) {
  test(`at ${width} px: the dashboard, the log, a meeting recorded and a record`, async () => {
    const page = await signIn(width, 'supervisor@demo.rapport.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supervision' }).waitFor();
    const cases = page.getByTestId('supervision-cases');
    assert.match(await cases.innerText(), /Initial phase overdue/);
    await checks(page, 'Dashboard', width);
    await shot(page, `supervision-dashboard-${width}.png`);

    await page.getByRole('link', { name: 'Supervision log' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Supervision log' }).waitFor();
    assert.ok((await page.getByTestId('overdue').count()) >= 1, 'the overdue action point is marked');
    await checks(page, 'Supervision log', width);
    await shot(page, `supervision-log-${width}.png`);

    await page.getByTestId('record-meeting').click();
    await page.getByRole('heading', { level: 1, name: 'Record a supervision meeting' }).waitFor();
    await checks(page, 'New meeting', width);
    await shot(page, `supervision-meeting-new-${width}.png`);
    await page.getByLabel('Length in minutes').fill('2');
    await page.getByTestId('save-meeting').click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checks(page, 'New meeting with errors', width);
    await shot(page, `supervision-meeting-errors-${width}.png`);
    await page.getByLabel('Length in minutes').fill('50');
    await page.locator('input[name="supervisee_ids"]').first().check();
    await page.getByLabel('Action point 1').fill(`Bring a role play (${width})`);
    await page.getByTestId('save-meeting').click();
    await page.getByText('Supervision meeting recorded.').waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`Bring a role play \\(${width}\\)`));

    await page.goto(`${baseURL}/supervision`);
    await page.locator('section[aria-labelledby="people-title"] a').first().click();
    await page.getByRole('heading', { name: 'Certification' }).waitFor();
    await checks(page, 'Professional record', width);
    await shot(page, `supervision-record-${width}.png`);
    await page.context().close();
  });
}

test('no page errors, CSP violations or server errors', () => {
  // The refused form answers 422 on purpose; the browser logs that status.
  assert.deepEqual(problems.filter((p) => !/status of 422/.test(p)), []);
});
