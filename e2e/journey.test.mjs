// First-run browser journey for Rapport, driven through Debian's Chromium.
//
// Starts a real `rapport serve` on a fresh data dir, then does what a new
// organisation does on day one: claim the setup link, sign in, add a client,
// find them on the caseload, sign out. Run with `node --test e2e/*.test.mjs` (see
// scripts/test.sh), with RAPPORT_BIN and CHROMIUM_PATH in the environment.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');

// Relative paths are taken from the repo root so the test runs from anywhere.
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const STARTUP_TIMEOUT_MS = 30_000;
const ACTION_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 30_000;

const ADMIN = {
  organisation: 'Riverside Counselling',
  name: 'Ada Admin',
  email: 'ada@riverside.example',
  password: 'correct horse battery staple 42',
};
const CLIENT = { displayName: 'Alex Example', dateOfBirth: '1990-04-12' };

let server; // { child, baseURL, setupURL, log() }
let dataDir;
let browser;
let page;
const pageErrors = []; // uncaught JS exceptions in the page
const serverErrors = []; // HTTP 5xx responses seen by the browser

// ---------------------------------------------------------------------------
// Server process

// Strip ANSI colour codes in case the server colours its log output.
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function startServer(bin, dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--data-dir', dir, '--listen', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', RAPPORT_LANGUAGE: 'en' },
    });
    let out = '';
    let err = '';
    const log = () =>
      `--- rapport stdout ---\n${out.slice(-4000)}\n--- rapport stderr ---\n${err.slice(-4000)}`;
    let baseURL;
    let setupURL;
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(value);
    };
    const timer = setTimeout(() => {
      finish(
        reject,
        new Error(
          `rapport did not print both "Rapport is listening on http://…" and a ` +
            `"http://…/setup/<token>" URL within ${STARTUP_TIMEOUT_MS / 1000}s ` +
            `(listening: ${baseURL ?? 'not seen'}, setup: ${setupURL ?? 'not seen'})\n${log()}`,
        ),
      );
    }, STARTUP_TIMEOUT_MS);

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += stripAnsi(chunk);
      baseURL ??= out.match(/Rapport is listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      // First setup URL; trailing punctuation is never part of a token.
      setupURL ??= out.match(/http:\/\/\S+\/setup\/\S+/)?.[0].replace(/[.,;:)\]'"]+$/, '');
      if (baseURL && setupURL) finish(resolve, { child, baseURL, setupURL, log });
    });
    child.stderr.on('data', (chunk) => {
      err += stripAnsi(chunk);
    });
    child.on('error', (e) => finish(reject, new Error(`could not start ${bin}: ${e.message}`)));
    child.on('exit', (code, signal) =>
      finish(
        reject,
        new Error(`rapport serve exited early (code ${code}, signal ${signal})\n${log()}`),
      ),
    );
  });
}

async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), 5_000).unref()),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------
// Page helpers: playwright-core has no `expect`, so wait explicitly and fail
// with a message that says where the browser actually was.

async function whereAmI() {
  const url = page.url();
  const h1 = await page
    .locator('h1')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  const body = await page
    .locator('body')
    .innerText({ timeout: 1_000 })
    .catch(() => '');
  return `at ${url}, h1=${JSON.stringify(h1?.trim() ?? null)}, page text: ${JSON.stringify(
    body.replace(/\s+/g, ' ').slice(0, 400),
  )}`;
}

async function expectVisible(locator, what) {
  try {
    await locator.waitFor({ state: 'visible', timeout: ACTION_TIMEOUT_MS });
  } catch (e) {
    assert.fail(`expected ${what} to be visible, ${await whereAmI()}\n(${e.message.split('\n')[0]})`);
  }
}

async function expectPath(pathname, what) {
  try {
    await page.waitForURL((url) => url.pathname === pathname, { timeout: NAVIGATION_TIMEOUT_MS });
  } catch (e) {
    assert.fail(`expected ${what} (path ${pathname}), ${await whereAmI()}`);
  }
}

async function expectHeading(name, what) {
  await expectVisible(page.getByRole('heading', { level: 1, name, exact: true }), `${what} (h1 "${name}")`);
}

// Labels are matched exactly: "Password" must not also match "Confirm password".
const field = (label) => page.getByLabel(label, { exact: true });
const button = (name) => page.getByRole('button', { name, exact: true });
const link = (name) => page.getByRole('link', { name, exact: true });

async function screenshot(name) {
  if (!page) return;
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

// ---------------------------------------------------------------------------

before(async () => {
  assert.ok(
    existsSync(RAPPORT_BIN),
    `RAPPORT_BIN ${RAPPORT_BIN} does not exist; run \`cargo build --bin rapport\` first`,
  );
  assert.ok(existsSync(CHROMIUM_PATH), `CHROMIUM_PATH ${CHROMIUM_PATH} does not exist`);

  // Drop screenshots from an earlier run so a stale one can't mislead.
  for (const f of ['journey-final.png', 'journey-failure.png']) {
    await rm(path.join(RESULTS_DIR, f), { force: true });
  }

  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-'));
  server = await startServer(RAPPORT_BIN, dataDir);

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    // --no-sandbox: CI runs as root. The rest keep Chromium from reaching for
    // the network: this machine only reaches package registries, and refused
    // background connections slow startup and clutter the log.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ baseURL: server.baseURL });
  page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  await stopServer(server?.child);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// Steps of one journey depend on each other: after the first failure, skip the
// rest rather than pile up confusing follow-on errors, and leave the browser's
// location, a screenshot and the server log in the TAP diagnostics.
function stepper(t, failureShot) {
  let broken = false;
  return (name, fn) =>
    t.test(name, async (s) => {
      if (broken) return s.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        broken = true;
        s.diagnostic(`browser ${await whereAmI()}`);
        const shot = await screenshot(failureShot);
        if (shot) s.diagnostic(`screenshot: ${shot}`);
        for (const line of server.log().split('\n')) s.diagnostic(line);
        throw e;
      }
    });
}

test('first run: set up, sign in, add a client, find them on the caseload, sign out', { timeout: 180_000 }, async (t) => {
  const step = stepper(t, 'journey-failure.png');

  await step('the setup link creates the first administrator', async () => {
    const setupURL = new URL(server.setupURL);
    assert.equal(
      setupURL.origin,
      server.baseURL,
      `setup URL ${server.setupURL} should be on the listening address ${server.baseURL}`,
    );
    await page.goto(server.setupURL);
    await field('Organisation name').fill(ADMIN.organisation);
    await field('Country').fill('United Kingdom');
    await field('Crisis lines').fill('Emergency services: 999 (or go to A&E)\nSamaritans: 116 123 (free, 24 hours)');
    await field('Your name').fill(ADMIN.name);
    await field('Email').fill(ADMIN.email);
    await field('Password').fill(ADMIN.password);
    await field('Confirm password').fill(ADMIN.password);
    // So this administrator can also hold a caseload.
    await page.getByRole('checkbox', { name: 'I also see clients myself', exact: true }).check();
    await button('Create administrator account').click();
    await expectPath('/login', 'setup to redirect to the login page');
  });

  await step('the administrator signs in and lands on Today', async () => {
    await field('Email').fill(ADMIN.email);
    await field('Password').fill(ADMIN.password);
    await button('Sign in').click();
    await expectHeading('Today', 'the Today page after signing in');
    await expectVisible(page.getByText('No sessions today.'), 'the empty state of a first day');
  });

  await step('a new client is created and their record opens', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Caseload', exact: true }).click();
    await expectHeading('Caseload', 'the caseload page');
    await link('New client').click();
    await field('Display name').fill(CLIENT.displayName);
    await field('Date of birth').fill(CLIENT.dateOfBirth); // <input type=date> takes ISO
    await button('Create client').click();
    await expectHeading(CLIENT.displayName, 'the new client record');
  });

  await step('the client is listed on the caseload', async () => {
    // Prefer the link inside <nav>; fall back to any "Caseload" link.
    const navLink = page.getByRole('navigation').getByRole('link', { name: 'Caseload', exact: true });
    await ((await navLink.count()) > 0 ? navLink.first() : link('Caseload').first()).click();
    await expectHeading('Caseload', 'the caseload page');
    await expectVisible(
      page.getByRole('table').getByRole('link', { name: CLIENT.displayName, exact: true }),
      `a link to "${CLIENT.displayName}" in the caseload table`,
    );
  });

  await step('signing out ends the session', async () => {
    await button('Sign out').click();
    await expectPath('/login', 'sign-out to land on the login page');
    await expectVisible(page.getByText('You have signed out'), 'the "You have signed out" notice');

    await page.goto('/clients');
    await expectPath('/login', 'a signed-out visit to /clients to redirect to /login');
    await expectVisible(button('Sign in'), 'the sign-in form');
    await screenshot('journey-final.png');
  });

  await step('no server errors or page script errors along the way', async () => {
    assert.deepEqual(serverErrors, [], 'the browser saw HTTP 5xx responses');
    assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
  });
});

test('an IPT course: contract, checklist, inventory and circle, role dispute, a goal, four sessions', { timeout: 240_000 }, async (t) => {
  const step = stepper(t, 'course-failure.png');
  const sessionsCard = () => page.locator('#sessions');
  let courseURL;

  await step('the clinician signs in again and opens the client', async () => {
    await page.goto('/login');
    await field('Email').fill(ADMIN.email);
    await field('Password').fill(ADMIN.password);
    await button('Sign in').click();
    await expectHeading('Today', 'Today after signing in');
    await page.getByRole('navigation').getByRole('link', { name: 'Caseload', exact: true }).click();
    await expectHeading('Caseload', 'the caseload');
    await page.getByRole('table').getByRole('link', { name: CLIENT.displayName, exact: true }).click();
    await expectHeading(CLIENT.displayName, 'the client record');
  });

  await step('a 16-session individual IPT course starts', async () => {
    await link('Start a course').click();
    await page.getByRole('radio', { name: /Individual IPT/ }).check();
    await field('Number of sessions').fill('16');
    await field('Start date').fill('2026-01-05');
    await button('Start course').click();
    await expectVisible(page.getByText('No sessions held yet of 16 · initial phase · 16 left'), 'the course summary line');
    courseURL = new URL(page.url()).pathname;
    await expectVisible(page.getByText('11 outstanding'), 'eleven outstanding checklist items');
  });

  await step('the initial-phase checklist is ticked', async () => {
    for (const item of ['psychoeducation', 'sick_role']) {
      const row = page.locator(`li[data-item="${item}"]`);
      await row.getByText('Record as done').click();
      await row.getByRole('button', { name: 'Mark done', exact: true }).click();
      await expectVisible(page.getByText('Checklist item recorded.'), `${item} recorded`);
    }
    const diag = page.locator('li[data-item="symptom_review"]');
    await diag.getByText('Record as done').click();
    await diag.getByLabel('Diagnosis', { exact: true }).fill('Major depressive disorder, single episode');
    await diag.getByLabel('ICD-10 or ICD-11 code (optional)', { exact: true }).fill('F32.1');
    await diag.getByRole('button', { name: 'Mark done', exact: true }).click();
    await expectVisible(page.getByText('8 outstanding'), 'eight items left');
  });

  await step('three people are added to the inventory and the closeness circle shows them', async () => {
    const people = [
      ['Sam', 'partner', '1'],
      ['Jo', 'friend', '2'],
      ['Ali', 'sibling', '3'],
    ];
    for (const [name, relationship, ring] of people) {
      await page.goto(`${courseURL}/inventory`);
      await link('Add a person').click();
      await field('Name or alias').fill(name);
      await page.locator('#relationship').selectOption(relationship);
      await page.locator(`input[name="ring"][value="${ring}"]`).check();
      await button('Add person').click();
      await expectVisible(page.getByRole('heading', { name: 'Closeness circle' }), `the inventory after adding ${name}`);
    }
    const circle = page.locator('svg[role="img"]').first();
    await expectVisible(circle, 'the closeness circle');
    const text = await circle.textContent();
    for (const [name] of people) assert.ok(text.includes(name), `${name} is drawn in the circle (${text.slice(0, 200)})`);
  });

  await step('the formulation chooses a role dispute, at impasse', async () => {
    await page.goto(`${courseURL}/formulation`);
    await page.getByRole('checkbox', { name: 'Role dispute', exact: true }).check();
    await button('Save formulation').click();
    await expectVisible(page.getByText('Formulation saved'), 'the formulation saved');
    await page.goto(`${courseURL}/formulation/role_dispute`);
    await field('The other person (a name or an alias)').fill('Sam');
    await page.locator('input[name="stage"][value="impasse"]').check();
    await button('Save').click();
    await expectVisible(page.getByTestId('stage-history').getByText('Impasse'), 'impasse in the stage history');
  });

  await step('a goal is added for the dispute', async () => {
    await page.goto(`${courseURL}/goals`);
    const details = page.locator('details', { has: page.getByText('New goal', { exact: true }) });
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await field("The goal in the client's own words").fill('Tell Sam what I need without it ending in a row');
    await button('Add goal').click();
    await expectVisible(page.getByText('Goal added.'), 'the goal added');
  });

  await step('four sessions are recorded and the course is in the middle phase', async () => {
    await page.goto(courseURL);
    for (const date of ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']) {
      const card = sessionsCard();
      const summary = card.getByText('Record a session', { exact: true });
      if (!(await card.locator('details[open]').count())) await summary.click();
      await card.getByLabel('Date', { exact: true }).fill(date);
      await card.getByRole('radio', { name: 'Attended', exact: true }).check();
      await card.getByRole('button', { name: 'Record session', exact: true }).click();
      await expectVisible(page.getByText('Session recorded.'), `session on ${date} recorded`);
    }
    await expectVisible(page.getByText('Session 4 of 16 · middle phase · 12 left'), 'the middle phase');
    await screenshot('course-final.png');
  });

  await step('no server errors or page script errors along the way', async () => {
    assert.deepEqual(serverErrors, [], 'the browser saw HTTP 5xx responses');
    assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
  });
});

test('the risk loop: a PHQ-9 with item 9 raises a flag that is assessed, planned for and signed off', { timeout: 180_000 }, async (t) => {
  const step = stepper(t, 'risk-failure.png');
  let measuresURL;

  await step('the clinician opens the client and records a PHQ-9 in session', async () => {
    await page.goto('/clients');
    if (new URL(page.url()).pathname === '/login') {
      await field('Email').fill(ADMIN.email);
      await field('Password').fill(ADMIN.password);
      await button('Sign in').click();
      await expectHeading('Today', 'Today after signing in');
      await page.goto('/clients');
      await expectHeading('Caseload', 'the caseload');
    }
    await page.getByRole('table').getByRole('link', { name: CLIENT.displayName, exact: true }).click();
    await expectHeading(CLIENT.displayName, 'the client record');
    measuresURL = `${new URL(page.url()).pathname}/measures`;
    await page.goto(measuresURL);
    await link('PHQ-9').click();
    await expectHeading('PHQ-9', 'the PHQ-9 form');
    // Items 1-8 "More than half the days" or "Not at all"; item 9 "Several days".
    const answers = ['More than half the days', 'More than half the days', 'Several days', 'Nearly every day', 'Several days', 'More than half the days', 'Several days', 'Not at all', 'Several days'];
    for (const [i, label] of answers.entries()) {
      // Wide screens show an items-by-options grid: each radio is named "N. <item> <answer>".
      const item = page.locator(`#item_${i + 1}`);
      await item.getByRole('radio', { name: new RegExp(` ${label}$`) }).check();
    }
    await button('Save and score').click();
  });

  await step('the positive item 9 raises a flag, shown on every page', async () => {
    await expectVisible(page.getByText('A risk item was positive: a risk flag was raised.'), 'the flag-raised notice');
    await page.goto(measuresURL);
    await screenshot('risk-measures.png');
    await expectVisible(page.getByRole('cell', { name: '13', exact: true }).first(), 'the total of 13');
    await expectVisible(page.getByText('Question 9 (thoughts of self-harm) positive'), 'the risk item flag on the response, in words');
    await page.goto('/clients');
    await expectVisible(page.getByText('1 risk flag on your clients is not yet closed'), 'the open-flag banner');
  });

  await step('the clinician acknowledges and records a structured assessment', async () => {
    await page.getByRole('navigation').getByRole('link', { name: /^Risk flags/ }).click();
    await expectHeading('Risk flags', 'the risk flags page');
    await page.getByRole('table').getByRole('link', { name: CLIENT.displayName, exact: true }).click();
    await button('Acknowledge: I have seen this flag').click();
    await expectVisible(page.getByText('Risk flag acknowledged.'), 'the acknowledgement');
    await field('Ideation').fill('Passive thoughts of being better off dead; no active ideation');
    await field('Plan').fill('None');
    await field('Intent').fill('None');
    await field('Access to means').fill('No access to medication stockpiles');
    await field('History (previous attempts, self-harm)').fill('No previous attempts');
    await field('Protective factors').fill('Children; sister nearby');
    await field('Risk level').selectOption('low');
    await page.getByLabel('None: a clinical interview only', { exact: true }).check();
    await button('Record assessment').click();
    await expectVisible(page.getByText('Risk assessment recorded.'), 'the assessment saved');
    await screenshot('risk-flag.png');
  });

  await step('a safety plan version is saved and the flag is signed off', async () => {
    await field('Warning signs').fill('Not sleeping; withdrawing from friends');
    await field('Professionals and crisis lines').fill('GP; Samaritans 116 123');
    await button('Save as a new version').click();
    await expectVisible(page.getByText('New safety plan version saved.'), 'the plan saved');
    await page.getByRole('checkbox', { name: /I sign off this flag/ }).check();
    await button('Sign off and close').click();
    await expectPath('/risk-flags', 'sign-off to return to the flag list');
    await expectVisible(page.getByText('Risk flag signed off and closed.'), 'the sign-off notice');
    await expectVisible(page.getByText('No open risk flags.'), 'no open flags left');
    await screenshot('risk-final.png');
  });

  await step('no server errors or page script errors along the way', async () => {
    assert.deepEqual(serverErrors, [], 'the browser saw HTTP 5xx responses');
    assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
  });
});

test('a measure link: the client answers a PHQ-9 on a phone with item 9 > 0, sees crisis resources, and the clinician sees the flag', { timeout: 180_000 }, async (t) => {
  let broken = false;
  const step = (name, fn) =>
    t.test(name, async (s) => {
      if (broken) return s.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        broken = true;
        s.diagnostic(`browser ${await whereAmI()}`);
        const shot = await screenshot('link-failure.png');
        if (shot) s.diagnostic(`screenshot: ${shot}`);
        for (const line of server.log().split('\n')) s.diagnostic(line);
        throw e;
      }
    });
  let linkPath;
  let measuresURL;

  await step('the clinician creates a PHQ-9 link on the client\'s measures page', async () => {
    await page.goto('/clients');
    if (new URL(page.url()).pathname === '/login') {
      await field('Email').fill(ADMIN.email);
      await field('Password').fill(ADMIN.password);
      await button('Sign in').click();
      await expectHeading('Today', 'Today after signing in');
      await page.goto('/clients');
      await expectHeading('Caseload', 'the caseload');
    }
    await page.getByRole('table').getByRole('link', { name: CLIENT.displayName, exact: true }).click();
    await expectHeading(CLIENT.displayName, 'the client record');
    measuresURL = `${new URL(page.url()).pathname}/measures`;
    await page.goto(measuresURL);
    await page.locator('#link-instrument').selectOption('phq9');
    await button('Create link').click();
    await expectHeading('PHQ-9 link', 'the link page');
    linkPath = new URL(await page.locator('#measure-link').inputValue(), server.baseURL).pathname;
    assert.match(linkPath, /^\/m\/[0-9a-f]{64}$/);
  });

  await step('the client answers on a phone-sized screen and sees crisis resources, never a score', async () => {
    const phone = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 360, height: 740 } });
    try {
      const p = await phone.newPage();
      await p.goto(linkPath);
      await p.getByRole('heading', { name: 'Patient Health Questionnaire', exact: false }).waitFor();
      const answers = ['Several days', 'Several days', 'Not at all', 'Not at all', 'Not at all', 'Several days', 'Not at all', 'Not at all', 'More than half the days'];
      for (const [i, label] of answers.entries()) {
        await p.locator(`fieldset#item_${i + 1}`).getByRole('radio', { name: label, exact: true }).check();
      }
      await p.getByRole('button', { name: 'Send my answers' }).click();
      await p.getByRole('heading', { name: 'Thank you' }).waitFor();
      await p.getByText('Samaritans: 116 123 (free, 24 hours)').waitFor();
      await p.getByText('This is not monitored live', { exact: false }).waitFor();
      const text = await p.locator('main').innerText();
      assert.doesNotMatch(text, /score|total|severe|risk flag/i, 'the client never sees a score or a warning label');
      await mkdir(RESULTS_DIR, { recursive: true });
      await p.screenshot({ path: path.join(RESULTS_DIR, 'link-thanks-360.png'), fullPage: true }).catch(() => {});
      // The link is used up.
      const again = await p.goto(linkPath);
      assert.equal(again.status(), 410);
    } finally {
      await phone.close();
    }
  });

  await step('the clinician sees the open flag from the link', async () => {
    await page.goto(measuresURL);
    await expectVisible(page.getByText('1 risk flag on your clients is not yet closed'), 'the open-flag banner');
    await page.goto('/risk-flags');
    await expectHeading('Risk flags', 'the risk flags page');
    await expectVisible(page.getByRole('link', { name: CLIENT.displayName }).first(), 'the client on the flag list');
  });

  await step('no server errors or page script errors along the way', async () => {
    assert.deepEqual(serverErrors, [], 'the browser saw HTTP 5xx responses');
    assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
  });
});
