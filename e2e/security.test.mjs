// The pages the security fixes changed, in a real browser at 360 and 1280 px,
// on a `rapport demo` database: the care team's Portal tab with "Reset portal
// access" (responsible clinician), the printed reset-code letter, the same tab
// read-only through emergency (break-glass) access, the signed-out notice after
// too many wrong current passwords, and a wrong current password on /account.
// Every page gets a full-page screenshot in e2e/test-results/, axe-core (WCAG
// 2.1 A/AA) and the overlapping-controls check (e2e/checks.mjs).
//
// PostgreSQL: the demo needs an empty database, and portal.test.mjs runs
// concurrently in the one named by RAPPORT_E2E_POSTGRES_URL, so this test makes
// a sibling database (rapport_e2e_security) on the same server with psql
// ($PG_BIN/psql, /usr/lib/postgresql/15/bin/psql or psql on PATH) and drops it
// afterwards; without psql the PostgreSQL run is skipped, saying why.

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
// clinician1 is responsible for the demo's first client (the one with the
// portal account); clinician3 is on neither its care team nor supervised, and
// so opens it through emergency access.
const RESPONSIBLE = 'clinician1@demo.rapport.test';
const EMERGENCY = 'clinician3@demo.rapport.test';
const CLIENT_IDENTIFIER = 'DEMO-00001';
const WIDTHS = [360, 1280];
const SECURITY_DB = 'rapport_e2e_security';

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

function findPsql() {
  const candidates = [
    process.env.PG_BIN && path.join(process.env.PG_BIN, 'psql'),
    '/usr/lib/postgresql/15/bin/psql',
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  return spawnSync('psql', ['--version']).status === 0 ? 'psql' : null;
}

/** A fresh sibling database of `url` on the same server: [url, drop()] or [null, why]. */
function freshPostgres(url) {
  const psql = findPsql();
  if (!psql) return [null, 'no psql to create a database of its own next to the portal test\'s'];
  const run = (sql) => spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', sql], { encoding: 'utf8' });
  for (const sql of [`DROP DATABASE IF EXISTS ${SECURITY_DB}`, `CREATE DATABASE ${SECURITY_DB}`]) {
    const r = run(sql);
    if (r.status !== 0) return [null, `psql ${sql} failed: ${r.stderr}`];
  }
  const u = new URL(url);
  u.pathname = `/${SECURITY_DB}`;
  return [u.toString(), async () => { run(`DROP DATABASE IF EXISTS ${SECURITY_DB}`); }];
}

const backends = [['SQLite', null]];
if (process.env.RAPPORT_E2E_POSTGRES_URL) backends.push(['PostgreSQL', process.env.RAPPORT_E2E_POSTGRES_URL]);

for (const [backend, sharedURL] of backends) {
  test(`security pages on ${backend}: portal reset, emergency access read-only, re-authentication, checked at 360 and 1280 px`, { timeout: 150_000 }, async (t) => {
    assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
    let databaseURL = null;
    if (sharedURL) {
      const [url, dropOrWhy] = freshPostgres(sharedURL);
      if (!url) return t.skip(dropOrWhy);
      databaseURL = url;
      cleanup.push(dropOrWhy);
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-security-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const dbArgs = ['--data-dir', dataDir, ...(databaseURL ? ['--database-url', databaseURL] : [])];
    const demo = spawnSync(RAPPORT_BIN, ['demo', ...dbArgs], { encoding: 'utf8' });
    assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
    const portalLine = demo.stdout.match(/Client portal: (.+) signs in at \S*\/portal\/login as (\S+)/);
    assert.ok(portalLine, `rapport demo printed no portal account:\n${demo.stdout}`);
    const [, clientName] = portalLine;
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
      // Console errors catch CSP violations; a 4xx answer the test asked for
      // (422 on a wrong password) is logged too and is not one.
      page.on('console', (m) => {
        if (m.type() !== 'error' || /^Failed to load resource: .* status of 4\d\d /.test(m.text())) return;
        problems.push(`console error on ${page.url()}: ${m.text()}`);
      });
      page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`); });
      return page;
    };
    const signIn = async (page, email) => {
      await page.goto('/login');
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname === '/today');
    };
    const prefix = backend.toLowerCase();
    // Screenshot, then axe-core and the overlap check; both are reported even
    // when the first fails.
    const inspect = async (page, name) => {
      const width = page.viewportSize().width;
      await mkdir(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, `${prefix}-security-${name}-${width}.png`), fullPage: true });
      const label = `${name} at ${width} px`;
      const errors = [];
      for (const check of [checkA11y, checkNoOverlap]) {
        await check(page, label).catch((e) => errors.push(e.message));
      }
      if (errors.length) throw new Error(errors.join('\n'));
    };
    const diagnose = async (s, pages) => {
      for (const page of pages) {
        const text = await page.locator('body').innerText({ timeout: 1000 }).catch(() => '');
        s.diagnostic(`at ${page.url()}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
      for (const line of server.log().split('\n')) s.diagnostic(line);
    };

    let clientId = null;
    for (const width of WIDTHS) {
      const responsible = await open(width);
      const emergency = await open(width);
      const anonymous = await open(width);
      const step = (name, fn) => t.test(`${backend} ${width} px: ${name}`, async (s) => {
        try {
          await fn();
        } catch (e) {
          await diagnose(s, [responsible, emergency, anonymous]);
          throw e;
        }
      });

      await step('the responsible clinician\'s Portal tab has the account and "Reset portal access", printed or e-mailed', async () => {
        await signIn(responsible, RESPONSIBLE);
        if (!clientId) {
          await responsible.goto(`/clients?q=${CLIENT_IDENTIFIER}`);
          const href = await responsible.getByRole('link', { name: clientName, exact: true }).first().getAttribute('href');
          clientId = href.match(/^\/clients\/([0-9a-f-]+)$/)?.[1];
          assert.ok(clientId, `no client id in ${href}`);
        }
        await responsible.goto(`/clients/${clientId}/portal`);
        const account = responsible.getByTestId('portal-account');
        await account.waitFor();
        assert.match(await account.innerText(), /Active[\s\S]*Signs in as client1@example\.org/);
        const reset = responsible.locator('section', { has: responsible.getByRole('heading', { level: 2, name: 'Reset portal access' }) });
        await reset.getByRole('button', { name: 'Create a printed reset code', exact: true }).waitFor();
        await reset.getByLabel('Address to send the reset code to', { exact: true }).waitFor();
        await reset.getByRole('button', { name: 'E-mail a reset code', exact: true }).waitFor();
        await responsible.getByRole('button', { name: 'Turn off the account', exact: true }).waitFor();
        assert.equal(await responsible.getByTestId('portal-readonly').count(), 0);
        await inspect(responsible, 'portal-tab-responsible');
      });

      await step('a printed reset code shows the code once on the letter page', async () => {
        await responsible.goto(`/clients/${clientId}/portal`);
        await responsible.getByRole('button', { name: 'Create a printed reset code', exact: true }).click();
        await responsible.waitForURL((u) => u.pathname !== `/clients/${clientId}/portal`);
        await responsible.getByText('Reset code created', { exact: false }).waitFor();
        const code = (await responsible.getByTestId('invite-code').innerText()).trim();
        assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, `reset code ${code}`);
        await inspect(responsible, 'reset-code-letter');
      });

      await step('through emergency access the Portal tab is read-only: no invitation, reset, turn-off or sharing forms', async () => {
        await signIn(emergency, EMERGENCY);
        await emergency.goto('/break-glass');
        await emergency.getByRole('heading', { level: 1, name: 'Emergency access' }).waitFor();
        await emergency.getByRole('searchbox', { name: 'Client name or identifier' }).fill(clientName);
        await emergency.getByRole('button', { name: 'Find client', exact: true }).click();
        await emergency.waitForURL((u) => u.searchParams.has('q'));
        const request = emergency.locator(`a[href="/break-glass/${clientId}"]`);
        await request.waitFor();
        await inspect(emergency, 'break-glass-search');
        await request.click();
        await emergency.getByRole('heading', { level: 1, name: `Emergency access to ${clientName}` }).waitFor();
        // Ten visible characters: the server counts trimmed characters.
        await emergency.getByLabel('Reason for emergency access', { exact: true }).fill('Covering a crisis call while their clinician is on leave (e2e).');
        await inspect(emergency, 'break-glass-reason');
        await emergency.getByRole('button', { name: 'Open record', exact: true }).click();
        await emergency.waitForURL((u) => u.pathname === `/clients/${clientId}`);
        await emergency.getByText('Emergency access.', { exact: true }).waitFor();
        await emergency.getByRole('navigation', { name: 'Client record sections' }).getByRole('link', { name: 'Portal', exact: true }).click();
        await emergency.waitForURL((u) => u.pathname === `/clients/${clientId}/portal`);
        await emergency.getByTestId('portal-readonly').waitFor();
        await emergency.getByTestId('portal-account').waitFor();
        for (const action of ['invite', 'reset', 'disable', 'sharing', 'revoke']) {
          const forms = await emergency.locator(`form[action*="/portal/"][action*="${action}"]`).count();
          assert.equal(forms, 0, `no ${action} form through emergency access`);
        }
        assert.equal(await emergency.locator(`form[action^="/clients/${clientId}/portal"]`).count(), 0, 'no portal form at all');
        for (const name of ['Create a printed reset code', 'E-mail a reset code', 'Turn off the account', 'Create a printed invitation', 'Save']) {
          assert.equal(await emergency.getByRole('button', { name, exact: true }).count(), 0, `no "${name}" button`);
        }
        await inspect(emergency, 'portal-tab-emergency');
      });

      await step('the sign-in pages show the notice after a session ended for wrong current passwords', async () => {
        await anonymous.goto('/login?done=reauth-failed');
        await anonymous.getByRole('status').filter({ hasText: 'You were signed out after too many wrong current passwords. Sign in again.' }).waitFor();
        await inspect(anonymous, 'login-reauth-failed');
        await anonymous.goto('/portal/login?done=reauth-failed');
        await anonymous.getByRole('status').filter({ hasText: 'You were signed out after too many wrong passwords. Sign in again.' }).waitFor();
        await inspect(anonymous, 'portal-login-reauth-failed');
      });

      await step('a wrong current password on /account is refused with 422 on the current-password field', async () => {
        // One wrong answer per width: far below the five that end the session.
        await responsible.goto('/account');
        await responsible.getByLabel('Current password', { exact: true }).fill('not-the-password-2026');
        await responsible.getByLabel('New password', { exact: true }).fill('a brand new passphrase 2026');
        await responsible.getByLabel('Confirm new password', { exact: true }).fill('a brand new passphrase 2026');
        const [response] = await Promise.all([
          responsible.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account/password'),
          responsible.getByRole('button', { name: 'Change password', exact: true }).click(),
        ]);
        assert.equal(response.status(), 422);
        await responsible.waitForLoadState();
        const field = responsible.locator('#current_password');
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        assert.equal(await field.getAttribute('aria-describedby'), 'current_password-error');
        assert.match(await responsible.locator('#current_password-error').innerText(), /current password is not right/);
        assert.equal(await responsible.locator('[aria-invalid=true]').count(), 1, 'only the current password is marked');
        await inspect(responsible, 'account-wrong-password');
      });

      for (const page of [responsible, emergency, anonymous]) await page.context().close();
    }

    await t.test(`${backend}: no server errors, page errors or CSP violations on the security pages`, () => {
      assert.deepEqual(problems, []);
    });
  });
}
