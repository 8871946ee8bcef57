// Kiosk mode in a real browser, on a `rapport demo` database: clinician1 sets
// a new kiosk PIN, hands the browser over for the demo client's questionnaires,
// the client answers the PHQ-9 on the locked browser (which refuses the
// caseload), the clinician takes it back with the PIN and finds the new score
// on the client's measures page. The kiosk pages get axe-core and the overlap
// check at 360 and 1280 px; screenshots (360, 800 and 1280 px) go to
// e2e/test-results/.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, stop } from './server.mjs';
import { checkA11y, checkNoOverlap } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = 20_000;
const PASSWORD = 'rapport-demo-2026';
const CLINICIAN = 'clinician1@demo.rapport.test';
const NEW_PIN = '4719';
// PHQ-9 answers: total 7 (mild), item 9 "Not at all".
const PHQ9 = ['Several days', 'Several days', 'More than half the days', 'Several days', 'Not at all', 'Several days', 'Several days', 'Not at all', 'Not at all'];

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

test('kiosk mode: a clinician hands over for the PHQ-9 and takes the device back with the PIN', { timeout: 240_000 }, async (t) => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-kiosk-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  const line = demo.stdout.match(/Kiosk mode: clinician1's kiosk PIN is (\d+)\. Hand a tablet to (.+) for their questionnaires: \S*\/clients\/(\S+)\/kiosk/);
  assert.ok(line, `rapport demo printed no kiosk line:\n${demo.stdout}`);
  const [, demoPin, clientName, clientId] = line;
  assert.notEqual(demoPin, NEW_PIN);
  const server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  cleanup.push(() => stop(server.child));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  cleanup.push(() => browser.close());
  const problems = [];
  // One browser session throughout: the tablet is the clinician's signed-in browser.
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`); });

  const shot = async (name) => {
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, `kiosk-${name}-${page.viewportSize().width}.png`), fullPage: true }).catch(() => {});
  };
  // axe-core and the overlap check at 360 and 1280 px, screenshots at 360, 800 and 1280 px.
  const look = async (name) => {
    const errors = [];
    for (const width of [360, 800, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await shot(name);
      if (width === 800) continue;
      for (const check of [checkA11y, checkNoOverlap]) {
        await check(page, `${name} at ${width} px`).catch((e) => errors.push(e.message));
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    if (errors.length) throw new Error(errors.join('\n'));
  };
  let broken = false;
  const step = (name, fn) => t.test(name, async (s) => {
    if (broken) return s.skip('an earlier step failed');
    try {
      await fn();
    } catch (e) {
      broken = true;
      const text = await page.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      s.diagnostic(`at ${page.url()}: ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
      await shot('failure');
      for (const l of server.log().split('\n')) s.diagnostic(l);
      throw e;
    }
  });
  const phq9Rows = () => page.locator('tr').filter({ hasText: /phq9|PHQ-9/ }).filter({ hasText: /mild/i })
    .filter({ has: page.locator('td', { hasText: /^7$/ }) });

  let before = 0;
  await step('the clinician signs in and sets a new kiosk PIN on the account page', async () => {
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(CLINICIAN);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/today');
    await page.goto('/account');
    const card = page.locator('#kiosk-pin');
    await card.getByText('Set', { exact: true }).waitFor();
    await card.getByLabel('New kiosk PIN', { exact: true }).fill('1234');
    await card.getByLabel('Confirm the PIN', { exact: true }).fill('1234');
    await card.getByLabel('Your current password', { exact: true }).fill(PASSWORD);
    await card.getByRole('button', { name: 'Change kiosk PIN' }).click();
    await page.getByText(/must not be a simple sequence/).first().waitFor();
    await page.locator('#kiosk-pin').getByLabel('New kiosk PIN', { exact: true }).fill(NEW_PIN);
    await page.locator('#kiosk-pin').getByLabel('Confirm the PIN', { exact: true }).fill(NEW_PIN);
    await page.locator('#kiosk-pin').getByLabel('Your current password', { exact: true }).fill(PASSWORD);
    await page.locator('#kiosk-pin').getByRole('button', { name: 'Change kiosk PIN' }).click();
    await page.waitForURL((u) => u.pathname === '/account' && u.search.includes('done=kiosk-pin'));
    await page.getByText('Kiosk PIN saved.').waitFor();
    await page.goto(`/clients/${clientId}/measures`);
    before = await phq9Rows().count();
  });

  await step('from the client page, "Hand over for questionnaires" locks the browser to the kiosk', async () => {
    await page.goto(`/clients/${clientId}`);
    await page.getByRole('link', { name: 'Hand over for questionnaires' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Hand over for questionnaires' }).waitFor();
    await look('handover');
    // Nothing due: offer the PHQ-9. Something due: it is offered as it is.
    const pick = page.getByRole('checkbox', { name: 'Patient Health Questionnaire-9' });
    if (await pick.count()) await pick.check();
    await page.getByRole('button', { name: 'Hand over now' }).click();
    await page.waitForURL((u) => u.pathname === '/kiosk');
    // The caseload and the API refuse this browser now.
    await page.goto('/clients');
    assert.equal(new URL(page.url()).pathname, '/kiosk', 'the caseload sends the locked browser back to the kiosk');
    const api = await page.request.get('/api/v1/clients');
    assert.equal(api.status(), 403);
  });

  await step('the client answers the PHQ-9 in the portal styling and sees a thank-you without a score', async () => {
    for (let i = 0; i < 5; i++) {
      const action = await page.locator('main form').first().getAttribute('action');
      if (action === '/kiosk/measures/phq9') break;
      assert.match(action ?? '', /^\/kiosk\/measures\//, 'a questionnaire is offered');
      // Another due questionnaire first: the first option of every question.
      for (const fs of await page.locator('fieldset.client-question').all()) await fs.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
      await page.getByRole('link', { name: 'Next questionnaire' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Patient Health Questionnaire-9' }).waitFor();
    await page.getByRole('link', { name: 'Help now', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: /caseload/i }).count(), 0, 'no way to the caseload');
    for (const [i, label] of PHQ9.entries()) {
      await page.locator(`fieldset#item_${i + 1}`).getByRole('radio', { name: label, exact: true }).check();
    }
    await look('phq9');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /score|total|mild|moderate|severe|risk flag/i, 'the client never sees a score');
    await look('thanks');
    await page.goto('/kiosk/help');
    await page.getByText(/Samaritans/).first().waitFor();
    await look('help');
  });

  await step('"Return to clinician" takes the PIN; the old PIN is wrong', async () => {
    await page.goto('/kiosk');
    await page.getByRole('link', { name: 'Return to clinician' }).click();
    await page.getByRole('heading', { level: 1, name: 'Return to clinician' }).waitFor();
    await look('unlock');
    await page.getByLabel('Kiosk PIN', { exact: true }).fill(demoPin);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That PIN is not right\. 4 of 5 tries are left\./).first().waitFor();
    await look('unlock-wrong');
    await page.getByLabel('Kiosk PIN', { exact: true }).fill(NEW_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForURL((u) => u.pathname === `/clients/${clientId}/measures`);
  });

  await step('the clinician sees the new PHQ-9 score on the client measures page', async () => {
    await page.getByText('kiosk mode ended').waitFor();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: clientName }).first().waitFor().catch(() => {});
    assert.equal(await phq9Rows().count(), before + 1, 'one new PHQ-9 of 7 (mild)');
    await shot('measures-after');
    await page.goto('/clients');
    assert.equal(new URL(page.url()).pathname, '/clients', 'unlocked: the caseload opens again');
  });

  await step('no server errors or page script errors along the way', async () => {
    assert.deepEqual(problems, []);
  });
});
