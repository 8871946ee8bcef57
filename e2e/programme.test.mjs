// The group programme in a real browser (issue 13): the demo clinician
// screens a new person on the screening form (a positive self-harm answer),
// sees "referred" with the crisis lines, then finds them on the programme
// page's "Referred" list. The form, the result and the programme page pass
// axe-core and the overlap check at 360 and 1280 px with no sideways scroll
// of the page (the funnel tables scroll inside their wrapper); screenshots go
// to e2e/test-results/.

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
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-programme-'));
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

async function signIn(width) {
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
  test(`at ${width} px: screen a new person, a positive item 9 refers with the crisis lines, the funnel lists them`, async () => {
    const page = await signIn(width);
    const name = `Browser Screened ${width}`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    await page.getByRole('link', { name: 'Screen a person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screen a person' }).waitFor();
    await checks(page, 'Screening form', width);
    await shot(page, `programme-screening-form-${width}.png`);

    // Nothing chosen: the error summary names the person field and links to it.
    await page.getByRole('button', { name: 'Save the screening' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Choose who is screened/);
    assert.equal(await summary.locator('a[href="#client"]').count(), 1);

    await page.getByLabel('Person', { exact: true }).selectOption('new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    // A total of 4 (below the threshold) but "several days" on question 9.
    const answers = [1, 1, 0, 0, 0, 0, 0, 1, 1];
    for (let i = 0; i < 9; i++) await page.check(`input[name=item_${i + 1}][value="${answers[i]}"]`);
    await page.getByRole('button', { name: 'Save the screening' }).click();
    const outcome = page.locator('[data-testid="screening-outcome"]');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'referred');
    assert.match(await outcome.innerText(), /qualified clinician/);
    const crisis = page.locator('[data-testid="crisis"] a.phone-link');
    assert.ok((await crisis.count()) >= 1, 'the crisis lines have tap-to-call numbers');
    await checks(page, 'Screening result', width);
    await shot(page, `programme-screening-referred-${width}.png`);

    // The programme page: the referred step lists the new person, one click from their record.
    await page.goto(`${baseURL}/programme`);
    const referred = page.locator('[data-testid="funnel"] tr[data-step="referred"] a');
    assert.ok(Number(await referred.innerText()) >= 1, 'the referred count includes them');
    await referred.click();
    const people = page.locator('[data-testid="people"]');
    await people.waitFor();
    await people.getByRole('link', { name }).waitFor();
    await checks(page, 'Programme page', width);
    await shot(page, `programme-funnel-${width}.png`);
    await people.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // The refused form answers 422 on purpose; the browser logs that status.
    const unexpected = problems.filter((p) => !/status of 422/.test(p));
    assert.deepEqual(unexpected, [], 'no page errors, CSP violations or server errors');
  });
}
