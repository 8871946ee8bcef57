// Programme outcomes in a real browser (issue 16): the demo supervisor and
// administrator open the dashboard at 360 and 1280 px (axe-core, the overlap
// check, no sideways scrolling, the charts' tables opened), change the filters
// with the form, open the printable page and download the breakdown as CSV,
// where small numbers read "< 5". Screenshots go to e2e/test-results/.

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
import { checkA11y, checkNoOverlap, openAllDetails } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const TIMEOUT_MS = 20_000;
const PASSWORD = 'rapport-demo-2026';

let dataDir;
let server;
let baseURL;
let browser;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-reports-'));
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

async function signIn(email, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
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

async function checks(page, what) {
  await checkA11y(page, what);
  await openAllDetails(page);
  await checkNoOverlap(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

/** The headline figure of a tile, e.g. "61 %". */
const tile = (page, key) => page.locator(`[data-tile="${key}"] .tile-value`).innerText();

for (const width of [360, 1280]) {
  test(`the programme dashboard at ${width} px: figures, filters, print and CSV`, { timeout: 180_000 }, async () => {
    const page = await signIn('supervisor@demo.rapport.test', width);
    await page.getByRole('link', { name: 'Programme outcomes' }).first().click();
    await page.waitForURL(/\/reports/);
    assert.match(await tile(page, 'recovery'), /^\d+ %$/, 'the supervisees have finished courses with a recovery rate');
    assert.match(await page.locator('[data-testid="risk"]').innerText(), /median \d/, 'risk times are shown');
    await checks(page, `/reports at ${width}`);
    await shot(page, `reports-${width}.png`);

    // The form: break down by protocol, individual courses only.
    await page.getByLabel('Break down by', { exact: true }).selectOption('protocol');
    await page.getByLabel('Format', { exact: true }).selectOption('individual');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/group_by=protocol/);
    const breakdown = page.locator('[data-testid="breakdown"]');
    assert.match(await breakdown.innerText(), /Individual IPT/);
    assert.match(await breakdown.innerText(), /Brief IPT|IPT-B/);
    await checks(page, `/reports by protocol at ${width}`);

    // The printable page: the same figures, every chart's table open, no navigation.
    const query = new URL(page.url()).search;
    await page.goto(`${baseURL}/reports/print${query}`);
    assert.equal(await page.locator('nav.site-nav').count(), 0);
    assert.equal(await page.locator('details.chart-table:not([open])').count(), 0);
    await checkA11y(page, `/reports/print at ${width}`);
    await checkNoOverlap(page, `/reports/print at ${width}`);
    await page.context().close();
  });
}

test('an administrator sees small numbers hidden, on the page and in the CSV', { timeout: 120_000 }, async () => {
  const page = await signIn('admin@demo.rapport.test', 1280);
  await page.goto(`${baseURL}/reports?group_by=problem_area`);
  assert.match(await page.locator('.report-scope').innerText(), /fewer than 5 people/);
  assert.match(await page.locator('[data-testid="breakdown"]').innerText(), /< 5/);
  await checks(page, '/reports as administrator');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the breakdown (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^outcomes-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-by-problem_area\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  const lines = text.trim().split('\r\n');
  assert.match(lines[0], /^Group,Finished courses,Cases at start,Recovered/);
  assert.match(lines.at(-1), /^Total,/);
  assert.ok(text.includes('< 5'), text);
  await page.context().close();
});

test('no page of the journey logged a browser problem', () => {
  assert.deepEqual(problems, []);
});

// A large organisation (here: more than two clinicians) searches the
// clinician filter by name: the matches to choose from, the note that
// everyone is counted until one is chosen, and the chosen one as the filter.
for (const width of [360, 1280]) {
  test(`the clinician filter as a search at ${width} px`, { timeout: 120_000 }, async () => {
    const { child, url } = await serve(RAPPORT_BIN, ['--data-dir', dataDir, '--report-clinician-list', '2']);
    try {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      watchProblems(page, problems);
      await page.goto(`${url}/login`);
      await page.getByLabel('Email', { exact: true }).fill('admin@demo.rapport.test');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname !== '/login');
      await page.goto(`${url}/reports`);
      await page.getByLabel('Clinician or facilitator').fill('clinician');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/clinician_name=clinician/);
      await assert.doesNotReject(page.getByText(/names contain “clinician”: choose one/).waitFor());
      await checks(page, `clinician search, ${width} px`);
      await shot(page, `reports-clinician-search-${width}.png`);
      const choice = page.getByLabel('Choose who');
      const value = await choice.locator('option').nth(1).getAttribute('value');
      await choice.selectOption(value);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(new RegExp(`clinician=${value}`));
      const csv = await page.getByRole('link', { name: 'Download the breakdown (CSV)' }).getAttribute('href');
      assert.ok(csv.includes(`clinician=${value}`), `the chosen clinician filters the report: ${csv}`);
      await context.close();
    } finally {
      await stop(child);
    }
  });
}
