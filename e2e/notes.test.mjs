// Session notes in a real browser: autosave of a draft progress note through
// htmx (under the strict CSP), the version carried from one autosave to the
// next, the "unsaved changes" warning cleared once saved, and the private
// process note. Runs on a `rapport demo` database; screenshots of the session
// page at 360 and 1280 px go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, stop } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = 20_000;

let dataDir;
let server;
let baseURL;
let browser;
let coursePath; // the demo course with notes, printed by `rapport demo`
const problems = []; // page errors, CSP violations, 5xx

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-notes-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  coursePath = demo.stdout.match(/\/courses\/[0-9a-f-]+/)?.[0];
  assert.ok(coursePath, `rapport demo printed no course with notes:\n${demo.stdout}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
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
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console on ${page.url()}: ${m.text().slice(0, 120)}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('rapport-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/today');
  return page;
}

// The demo course, then its latest session (the draft note).
async function openDraftSession(page) {
  await page.goto(`${baseURL}${coursePath}`);
  await page.locator('#sessions a.badge', { hasText: 'Draft' }).first().click();
  await page.waitForURL((u) => /\/sessions\//.test(u.pathname));
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  // caret: 'initial': hiding the caret would inject a <style>, which the CSP (rightly) refuses.
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

test('a draft progress note autosaves, twice in a row, and survives a reload', async () => {
  const page = await signedIn('clinician1@demo.rapport.test', 1280);
  await openDraftSession(page);
  await page.getByText(/Session \d+ of 16/).first().waitFor();
  const version = async () => Number(await page.locator('#note-version').inputValue());
  const v0 = await version();
  assert.ok(v0 >= 1, `the demo draft has a version (got ${v0})`);

  const plan = page.getByLabel('Plan for the next session', { exact: true });
  await plan.fill('Review the Sunday talk; typed in the browser');
  await page.locator('#note-save-status', { hasText: 'Draft saved at' }).waitFor();
  assert.equal(await version(), v0 + 1, 'the saved version is swapped into the form');
  // A second pause saves again from the new version: no false conflict with oneself.
  await page.getByLabel('Mood (0 to 10)', { exact: true }).fill('7');
  await page.waitForFunction((v) => Number(document.querySelector('#note-version').value) === v, v0 + 2);
  await page.getByLabel('Event 3', { exact: true }).fill('Weekend with a friend');
  await page.getByLabel('Effect on mood', { exact: true }).nth(2).selectOption('better');
  await page.waitForFunction((v) => Number(document.querySelector('#note-version').value) === v, v0 + 3);
  assert.doesNotMatch(await page.locator('#note-save-status').innerText(), /Not saved/);

  // Saved, so leaving warns about nothing: no beforeunload dialog appears.
  let dialog = null;
  page.once('dialog', (d) => {
    dialog = d.type();
    d.dismiss();
  });
  await page.reload();
  assert.equal(dialog, null, 'no unsaved-changes warning after an autosave');
  assert.equal(await plan.inputValue(), 'Review the Sunday talk; typed in the browser');
  assert.equal(await page.getByLabel('Mood (0 to 10)', { exact: true }).inputValue(), '7');
  assert.equal(await page.getByLabel('Event 3', { exact: true }).inputValue(), 'Weekend with a friend');
  await shot(page, 'session-1280.png');

  // The process note is marked private and autosaves too.
  await page.getByText('Only you can read this.').first().waitFor();
  await page.getByLabel('Your process note', { exact: true }).fill('Private reflection typed in the browser');
  await page.locator('#process-save-status', { hasText: 'Draft saved at' }).waitFor();
  await page.context().close();
  assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
});

test('the session page at phone width', async () => {
  const page = await signedIn('clinician1@demo.rapport.test', 360);
  await openDraftSession(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
  await shot(page, 'session-360.png');
  // A supervisor of the clinician sees the session and the note, not the process note.
  await page.context().close();
  const sup = await signedIn('supervisor@demo.rapport.test', 1280);
  await openDraftSession(sup);
  assert.equal(await sup.getByText('Private reflection typed in the browser').count(), 0);
  assert.equal(await sup.getByText('Watch for colluding').count(), 0);
  await sup.context().close();
  assert.deepEqual(problems, []);
});
