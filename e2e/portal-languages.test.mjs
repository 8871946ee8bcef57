// The client portal in the client's language, in a real browser at 360 px:
// the demo client first opens the portal on a phone asking for the right-to-
// left test locale (ar-XB: mirrored, every page still usable), then on a phone
// set to Spanish signs in, keeps Spanish with the portal's switcher, answers
// the PHQ-9 and sees the Spanish thank-you page. axe-core and the overlap
// check run on every page in both languages; screenshots go to
// e2e/test-results/. The questionnaire's own items come from its per-language
// text (docs/measures-languages.md): the PHQ-9 has Pfizer's Spanish.

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

let dataDir;
let server;
let browser;
let clientEmail;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-portal-languages-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  const portalLine = demo.stdout.match(/Client portal: (.+) signs in at \S*\/portal\/login as (\S+)/);
  assert.ok(portalLine, `rapport demo printed no portal account:\n${demo.stdout}`);
  clientEmail = portalLine[2];
  server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) await stop(server.child);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A phone whose browser asks for `language` first. */
async function phone(language) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 360, height: 800 },
    extraHTTPHeaders: { 'Accept-Language': language },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  return page;
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true }).catch(() => {});
}

/** The page's language and direction, then axe-core and overlaps, reported together. */
async function check(page, name, lang, dir) {
  const html = page.locator('html');
  assert.equal(await html.getAttribute('lang'), lang, `${name}: lang`);
  assert.equal(await html.getAttribute('dir'), dir, `${name}: dir`);
  const errors = [];
  for (const fn of [checkA11y, checkNoOverlap]) {
    await fn(page, `${name} (${lang}) at 360 px`).catch((e) => errors.push(e.message));
  }
  await shot(page, `portal-languages-${lang}-${name.replace(/\W+/g, '-')}-360.png`);
  if (errors.length) throw new Error(errors.join('\n'));
}

async function signIn(page) {
  await page.locator('#email').fill(clientEmail);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === '/portal');
}

/** Answers every question of the open form with its first choice. */
async function answerAll(page) {
  const questions = page.locator('fieldset.client-question');
  const n = await questions.count();
  assert.ok(n >= 9, `the PHQ-9 has its questions, found ${n}`);
  for (let i = 0; i < n; i++) await questions.nth(i).locator('input[type=radio]').first().check();
}

test('the right-to-left test locale mirrors the portal and every page stays usable', { timeout: 120_000 }, async () => {
  const page = await phone('ar-XB');
  await page.goto('/portal/login');
  await check(page, 'sign-in', 'ar-XB', 'rtl');
  await signIn(page);
  await check(page, 'home', 'ar-XB', 'rtl');
  for (const path of ['/portal/diary', '/portal/progress', '/portal/help', '/portal/password']) {
    await page.goto(path);
    await check(page, path.slice(8), 'ar-XB', 'rtl');
  }
  await page.goto('/portal/measures/phq9');
  await check(page, 'PHQ-9 form', 'ar-XB', 'rtl');
  // The signed-in client never saved a language: the next phone follows its own.
  await page.context().close();
});

test('a Spanish-speaking client answers the PHQ-9 in a Spanish portal', { timeout: 120_000 }, async () => {
  const page = await phone('es-MX,es;q=0.9');
  await page.goto('/portal/login');
  await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
  await check(page, 'sign-in', 'es', 'ltr');
  await signIn(page);
  await page.getByRole('heading', { name: 'Cuestionarios para usted' }).waitFor();
  await page.getByRole('link', { name: 'Ayuda ahora', exact: true }).waitFor();
  await check(page, 'home', 'es', 'ltr');

  // The switcher keeps Spanish on the client's record, whatever the next browser asks for.
  await page.getByLabel('Idioma', { exact: true }).selectOption('es');
  await page.getByRole('button', { name: 'Cambiar idioma', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/portal');
  await page.getByRole('heading', { name: 'Cuestionarios para usted' }).waitFor();

  await page.locator('a[href="/portal/measures/phq9"]').click();
  await page.waitForURL((u) => u.pathname === '/portal/measures/phq9');
  await page.getByRole('button', { name: 'Enviar mis respuestas', exact: true }).waitFor();
  await check(page, 'PHQ-9 form', 'es', 'ltr');
  // The items are Pfizer's official Spanish PHQ-9, credited under the form.
  await page.getByText('Poco interés o placer en hacer cosas', { exact: false }).first().waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /Little interest or pleasure/, 'no English item is left');
  await answerAll(page);
  await page.getByRole('button', { name: 'Enviar mis respuestas', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Gracias' }).waitFor();
  await page.getByText('Sus respuestas se enviaron a su terapeuta.').waitFor();
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /Thank you|Your answers/, 'the page around the questionnaire is Spanish');
  await check(page, 'done', 'es', 'ltr');

  const other = await phone('en-GB');
  await other.goto('/portal/login');
  await signIn(other);
  await other.getByRole('heading', { name: 'Cuestionarios para usted' }).waitFor();
  assert.equal(await other.locator('html').getAttribute('lang'), 'es');
});

test('no server errors or page script errors along the way', () => {
  assert.deepEqual(problems, []);
});
