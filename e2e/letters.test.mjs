// PDF documents in a real browser (issue 17 item 5): a demo clinician opens a
// course at 360 and 1280 px, downloads the end-of-treatment summary, opens the
// letter form (axe-core, the overlap check, no sideways scrolling), sends it
// empty (the error summary names the field), then fills it in Spanish and gets
// a PDF. The research export page is checked the same way as the administrator.
// Screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
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
let clientName;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-letters-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  clientName = demo.stdout.match(/\n(.+) \(clinician1's client\) has a course/)?.[1];
  assert.ok(clientName, `rapport demo printed no client:\n${demo.stdout}`);
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

/** Clicks `trigger` and returns the download's file name and first bytes. */
async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 5).toString() };
}

for (const width of [360, 1280]) {
  test(`course documents and the letter form at ${width} px`, { timeout: 180_000 }, async () => {
    const page = await signIn('clinician1@demo.rapport.test', width);
    await page.goto(`${baseURL}/clients`);
    await page.getByRole('link', { name: clientName }).first().click();
    await page.waitForURL(/\/clients\/[0-9a-f-]+$/);
    await page.locator('main a[href^="/courses/"]').first().click();
    await page.waitForURL(/\/courses\/[^/]+$/);
    const documents = page.getByTestId('course-documents');
    await documents.scrollIntoViewIfNeeded();
    const summary = await download(page, () => documents.getByRole('link', { name: 'Download summary (PDF)' }).click());
    assert.match(summary.name, /^summary-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(summary.head, '%PDF-');

    await documents.getByRole('link', { name: 'Write a letter' }).click();
    await page.waitForURL(/\/letter$/);
    await checks(page, `letter form ${width}`);
    await shot(page, `letter-form-${width}.png`);
    // Sent without a recipient: the form again, the field named.
    await page.getByRole('button', { name: 'Download the letter (PDF)' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /Enter the name of the person the letter is to/);
    await checks(page, `letter form with an error ${width}`);
    await shot(page, `letter-form-error-${width}.png`);

    await page.getByLabel("Recipient's name").fill('Dra. Ana Patel');
    await page.getByLabel("Recipient's address").fill('Centro de Salud Norte\nCalle Mayor 1');
    await page.getByLabel('Short summary').fill('Trabajamos una disputa de rol.');
    await page.getByLabel('Language of the letter').selectOption('es');
    const letter = await download(page, () => page.getByRole('button', { name: 'Download the letter (PDF)' }).click());
    assert.match(letter.name, /^letter-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(letter.head, '%PDF-');
    await page.context().close();
  });

  test(`the research export page at ${width} px`, { timeout: 120_000 }, async () => {
    const page = await signIn('admin@demo.rapport.test', width);
    await page.goto(`${baseURL}/reports/research-export`);
    await checks(page, `research export ${width}`);
    await shot(page, `research-export-${width}.png`);
    await page.getByLabel('Purpose').fill('Outcomes of IPT by protocol');
    await page.getByLabel('Approval reference').fill('REC 26/LO/0042');
    const zip = await download(page, () => page.getByRole('button', { name: 'Download the data set (ZIP)' }).click());
    assert.match(zip.name, /^research-export-\d{4}-\d{2}-\d{2}\.zip$/);
    assert.equal(zip.head.slice(0, 2), 'PK');
    await page.context().close();
  });
}

test('no console errors or failed requests', () => {
  assert.deepEqual(problems, []);
});
