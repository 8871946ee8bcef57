// Today in a real browser (issue 12): the demo clinician signs in, lands on
// Today, opens the first of today's sessions with one click and reaches the
// session page. Today and the client page (with its "Reminders sent") pass
// axe-core and the overlap check at 360 and 1280 px; screenshots go to
// e2e/test-results/.

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
let reminded; // the client with a reminder sent, named by `rapport demo`
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-today-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  reminded = demo.stdout.match(/; (.+) has a session tomorrow at 10:00/)?.[1];
  assert.ok(reminded, `rapport demo printed no reminded client:\n${demo.stdout}`);
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

for (const width of [1280, 360]) {
  test(`at ${width} px: sign in, land on Today, open the first session`, async () => {
    const page = await signIn(width);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    // Each part of the day is there for the demo clinician.
    const today = page.locator('[data-testid="sessions-today"] li');
    assert.ok((await today.count()) >= 2, 'sessions today');
    assert.match(await today.first().innerText(), /10:00/, 'the first session is at 10:00');
    for (const part of ['unsigned-notes', 'measures-due', 'open-flags', 'overdue-tasks']) {
      assert.equal(await page.locator(`[data-testid="${part}"]`).count(), 1, `${part} listed`);
    }
    for (const check of [checkA11y, checkNoOverlap]) await check(page, `Today at ${width} px`);
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
    }
    await shot(page, `today-${width}.png`);

    // One click from the list to the session page.
    await today.first().getByRole('link', { name: /Open session/ }).click();
    await page.waitForURL((u) => /^\/courses\/[0-9a-f-]+\/sessions\/[0-9a-f-]+$/.test(u.pathname));
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // The reminded client's page lists the reminder sent.
    await page.goto(`${baseURL}/clients?q=${encodeURIComponent(reminded)}`);
    await page.getByRole('link', { name: reminded, exact: true }).first().click();
    const sent = page.locator('[data-testid="reminders-sent"]');
    await sent.getByText(/Session on .* at 10:00/).first().waitFor();
    assert.match(await sent.innerText(), /\bsent\b/);
    for (const check of [checkA11y, checkNoOverlap]) await check(page, `client page at ${width} px`);
    await shot(page, `client-reminders-${width}.png`);
    await page.context().close();
    assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
  });
}
