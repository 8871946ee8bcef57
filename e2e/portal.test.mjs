// The client portal's closed risk loop in a real browser, on SQLite and (when
// RAPPORT_E2E_POSTGRES_URL names an empty database) on PostgreSQL: the demo
// client signs in on a phone, answers the due PHQ-9 with item 9 > 0 and sees
// crisis resources; the clinician sees the flag, records an assessment and a
// safety plan shared with the client, and signs it off; the flag closes and the
// client finds the plan in the portal. Screenshots go to e2e/test-results/;
// the portal pages on the phone also get axe-core and the overlap check.

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

const backends = [['SQLite', null]];
if (process.env.RAPPORT_E2E_POSTGRES_URL) backends.push(['PostgreSQL', process.env.RAPPORT_E2E_POSTGRES_URL]);

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

for (const [backend, databaseURL] of backends) {
  test(`portal risk loop on ${backend}: a client's PHQ-9 item 9 > 0 reaches the clinician, who closes the flag`, { timeout: 240_000 }, async (t) => {
    assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-portal-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const dbArgs = ['--data-dir', dataDir, ...(databaseURL ? ['--database-url', databaseURL] : [])];
    const demo = spawnSync(RAPPORT_BIN, ['demo', ...dbArgs], { encoding: 'utf8' });
    assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
    const portalLine = demo.stdout.match(/Client portal: (.+) signs in at \S*\/portal\/login as (\S+)/);
    assert.ok(portalLine, `rapport demo printed no portal account:\n${demo.stdout}`);
    const [, clientName, clientEmail] = portalLine;
    const server = await serve(RAPPORT_BIN, dbArgs);
    cleanup.push(() => stop(server.child));
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    cleanup.push(() => browser.close());
    const problems = [];
    const open = async (width) => {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`); });
      return page;
    };
    const phone = await open(360);
    const desk = await open(1280);
    const shot = async (page, name) => {
      await mkdir(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, `${backend.toLowerCase()}-${name}`), fullPage: true }).catch(() => {});
    };
    // axe-core (WCAG 2.1 A/AA) and overlapping controls, both reported at once.
    const audit = async (page, name) => {
      const errors = [];
      for (const check of [checkA11y, checkNoOverlap]) {
        await check(page, `${name} at ${page.viewportSize().width} px`).catch((e) => errors.push(e.message));
      }
      if (errors.length) throw new Error(errors.join('\n'));
    };
    let broken = false;
    const step = (name, fn) => t.test(name, async (s) => {
      if (broken) return s.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        broken = true;
        for (const [label, page] of [['phone', phone], ['desk', desk]]) {
          const text = await page.locator('body').innerText({ timeout: 1000 }).catch(() => '');
          s.diagnostic(`${label} at ${page.url()}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
          await shot(page, `portal-failure-${label}.png`);
        }
        for (const line of server.log().split('\n')) s.diagnostic(line);
        throw e;
      }
    });

    let flagsBefore = 0;
    await step('the clinician signs in and counts the open flags', async () => {
      await desk.goto('/login');
      await desk.getByLabel('Email', { exact: true }).fill(CLINICIAN);
      await desk.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await desk.getByRole('button', { name: 'Sign in' }).click();
      await desk.waitForURL((u) => u.pathname === '/today');
      await desk.goto('/risk-flags');
      flagsBefore = await desk.getByRole('table').getByRole('link', { name: clientName, exact: true }).count();
    });

    await step('the client signs in to the portal on a phone and sees what is due', async () => {
      await phone.goto('/portal/login');
      await audit(phone, 'portal sign-in');
      await phone.getByLabel('Email address', { exact: true }).fill(clientEmail);
      await phone.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.waitForURL((u) => u.pathname === '/portal');
      await phone.getByRole('heading', { name: 'Questionnaires for you' }).waitFor();
      await phone.getByRole('link', { name: 'Help now', exact: true }).waitFor();
      await shot(phone, 'portal-home-360.png');
      await audit(phone, 'portal home');
    });

    await step('Help now lists the crisis numbers as tap-to-call links, each at least 24 px tall', async () => {
      await phone.getByRole('link', { name: 'Help now', exact: true }).click();
      await phone.waitForURL((u) => u.pathname === '/portal/help');
      const links = phone.locator('.crisis-list a[href^="tel:"], .crisis-list a[href^="sms:"]');
      const n = await links.count();
      assert.ok(n >= 3, `the demo's crisis lines have numbers to tap, found ${n}`);
      const samaritans = phone.getByRole('link', { name: 'Call 116 123', exact: true });
      assert.equal(await samaritans.getAttribute('href'), 'tel:116123');
      assert.equal(await phone.getByRole('link', { name: 'Text 85258', exact: true }).getAttribute('href'), 'sms:85258');
      for (let i = 0; i < n; i++) {
        const box = await links.nth(i).boundingBox();
        assert.ok(box && box.height >= 24, `crisis link ${i} is ${box?.height} px tall`);
      }
      await audit(phone, 'portal help');
      await phone.goto('/portal');
    });

    await step('the client leaves item 3 blank, answers item 9 = 2, confirms, and sees crisis resources, never a score', async () => {
      await phone.getByRole('link', { name: 'Patient Health Questionnaire-9' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Patient Health Questionnaire-9' }).waitFor();
      // Item 3 (index 2) is left blank.
      const answers = ['Several days', 'More than half the days', null, 'Not at all', 'Not at all', 'Several days', 'Not at all', 'Not at all', 'More than half the days'];
      for (const [i, label] of answers.entries()) {
        if (label) await phone.locator(`fieldset#item_${i + 1}`).getByRole('radio', { name: label, exact: true }).check();
      }
      await audit(phone, 'portal PHQ-9 form');
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      // Asked once about the blank question; the crisis resources already show.
      await phone.getByText('You left question 3 blank. Send anyway?').waitFor();
      await phone.getByText('You do not have to cope alone').waitFor();
      assert.ok(await phone.locator('fieldset#item_9').getByRole('radio', { name: 'More than half the days', exact: true }).isChecked(), 'answers kept');
      await shot(phone, 'portal-blank-prompt-360.png');
      await audit(phone, 'portal PHQ-9 blank prompt');
      await phone.getByRole('button', { name: 'Send anyway' }).click();
      await phone.getByRole('heading', { name: 'Thank you' }).waitFor();
      await phone.getByText('You do not have to cope alone').waitFor();
      await phone.getByText('Samaritans: 116 123 (free, 24 hours)').first().waitFor();
      const text = await phone.locator('main').innerText();
      assert.doesNotMatch(text, /score|total|severe|risk flag/i, 'the client never sees a score or a warning label');
      await shot(phone, 'portal-thanks-360.png');
      await audit(phone, 'portal questionnaire thanks');
      // PHQ-9 is no longer waiting.
      await phone.goto('/portal');
      assert.equal(await phone.getByRole('link', { name: 'Patient Health Questionnaire-9' }).count(), 0);
    });

    await step('the clinician sees the new flag on the banner and the flag list', async () => {
      await desk.goto('/clients');
      await desk.getByText(/risk flags? on your clients (is|are) not yet closed/).waitFor();
      await desk.goto('/risk-flags');
      const now = await desk.getByRole('table').getByRole('link', { name: clientName, exact: true }).count();
      assert.equal(now, flagsBefore + 1, 'exactly one new flag for the portal answer');
    });

    await step('each open flag is acknowledged, assessed, given a shared safety plan and signed off', async () => {
      for (let i = 0; i < flagsBefore + 1; i++) {
        await desk.goto('/risk-flags');
        await desk.getByRole('table').getByRole('link', { name: clientName, exact: true }).first().click();
        await desk.getByRole('button', { name: 'Acknowledge: I have seen this flag', exact: true }).click();
        await desk.getByText('Risk flag acknowledged.').waitFor();
        await desk.getByLabel('Ideation', { exact: true }).fill('Passive thoughts; no active ideation');
        await desk.getByLabel('Plan', { exact: true }).fill('None');
        await desk.getByLabel('Intent', { exact: true }).fill('None');
        await desk.getByLabel('Access to means', { exact: true }).fill('No stockpiled medication');
        await desk.getByLabel('History (previous attempts, self-harm)', { exact: true }).fill('None');
        await desk.getByLabel('Protective factors', { exact: true }).fill('Niece; allotment');
        await desk.getByLabel('Risk level', { exact: true }).selectOption('low');
        await desk.getByLabel('None: a clinical interview only', { exact: true }).check();
        await desk.getByRole('button', { name: 'Record assessment', exact: true }).click();
        await desk.getByText('Risk assessment recorded.').waitFor();
        await desk.getByLabel('Warning signs', { exact: true }).fill('Not sleeping; staying in bed all day');
        await desk.getByLabel('Professionals and crisis lines', { exact: true }).fill('My clinician; Samaritans 116 123');
        await desk.getByRole('checkbox', { name: 'Share with the client' }).check();
        await desk.getByRole('button', { name: 'Save as a new version', exact: true }).click();
        await desk.getByText('New safety plan version saved.').waitFor();
        await desk.getByRole('checkbox', { name: /I sign off this flag/ }).check();
        await desk.getByRole('button', { name: 'Sign off and close', exact: true }).click();
        await desk.waitForURL((u) => u.pathname === '/risk-flags');
        await desk.getByText('Risk flag signed off and closed.').waitFor();
      }
      await desk.getByText('No open risk flags.').waitFor();
      await shot(desk, 'portal-flags-closed-1280.png');
    });

    await step('the client finds the shared safety plan and crisis resources in the portal', async () => {
      await phone.goto('/portal');
      await phone.getByRole('link', { name: 'Safety plan', exact: true }).click();
      await phone.getByRole('heading', { level: 1, name: 'My safety plan' }).waitFor();
      await phone.getByText('Not sleeping; staying in bed all day').waitFor();
      await phone.getByText('Samaritans: 116 123 (free, 24 hours)').first().waitFor();
      await shot(phone, 'portal-safety-plan-360.png');
      await audit(phone, 'portal safety plan');
    });

    await step('no server errors or page script errors along the way', async () => {
      assert.deepEqual(problems, []);
    });
  });
}
