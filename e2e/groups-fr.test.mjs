// A facilitator whose account is in French records a group meeting on a
// phone (360 px), entirely in French: the group page, the meeting screen
// (attendance, a quick PHQ-9 for a member, the agenda, notes) and the result
// page with its crisis guidance. The same pages in the generated
// right-to-left locale (ar-XB) for a supervisor. axe-core and the overlap
// check run on every page; screenshots in fr, en-XA and ar-XB at 360 and
// 1280 px go to e2e/test-results/.

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
import { checkA11y, checkNoOverlap, openAllDetails } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const TIMEOUT_MS = 20_000;
const PASSWORD = 'rapport-demo-2026';
const SUPERVISOR = 'supervisor@demo.rapport.test';
const FACILITATOR = 'animatrice.e2e@demo.rapport.test';
const FACILITATOR_NAME = 'Awa Diallo';
const MEMBERS = ['Achieng Test', 'Babirye Test', 'Chanda Test', 'Dembe Test', 'Esther Test'];

let dataDir;
let server;
let baseURL;
let browser;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-groups-fr-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  const create = spawnSync(
    RAPPORT_BIN,
    ['--data-dir', dataDir, 'user', 'create', '--email', FACILITATOR, '--name', FACILITATOR_NAME,
      '--role', 'facilitator', '--supervisor', SUPERVISOR, '--password-stdin'],
    { encoding: 'utf8', input: PASSWORD },
  );
  assert.equal(create.status, 0, `rapport user create failed:\n${create.stdout}\n${create.stderr}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A signed-in page `width` px wide; `language` is sent as Accept-Language. */
async function signIn(email, width, language) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    extraHTTPHeaders: language ? { 'Accept-Language': language } : {},
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await page.goto(`${baseURL}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form[action="/login"] button[type=submit]').click();
  await page.waitForURL((u) => u.pathname !== '/login');
  return page;
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' });
}

async function checks(page, what) {
  await checkA11y(page, what);
  const folded = await page.evaluate(() => [...document.querySelectorAll('details:not([open])')].length);
  if (folded > 0) await openAllDetails(page);
  await checkNoOverlap(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
}

/** Posts a form as the signed-in page would (CSRF from the page at `from`); returns the response. */
async function post(page, from, action, fields) {
  await page.goto(`${baseURL}${from}`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const form = new URLSearchParams([...fields, ['csrf', csrf]]);
  return page.request.post(`${baseURL}${action}`, {
    data: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
}

test('a French-speaking facilitator records a group meeting in French on a phone', { timeout: 300_000 }, async () => {
  // The supervisor (English) makes the group.
  const sup = await signIn(SUPERVISOR, 1280);
  await sup.goto(`${baseURL}/groups/new`);
  await sup.getByLabel('Group name').fill('Femmes de Kisoro, mardi');
  await sup.getByLabel(/Group IPT \(WHO format\)/).check();
  await sup.getByLabel('Facilitator', { exact: true }).selectOption({ label: `${FACILITATOR_NAME} (Group facilitator)` });
  await sup.getByRole('button', { name: 'Create group' }).click();
  await sup.waitForURL((u) => /^\/groups\/[0-9a-f-]+$/.test(u.pathname));
  const groupPath = new URL(sup.url()).pathname;

  // The facilitator chooses French in the footer: saved on her account.
  const fac = await signIn(FACILITATOR, 360);
  await fac.goto(`${baseURL}/groups`);
  await fac.selectOption('#switch-language', 'fr');
  await fac.click('.language-switcher button');
  await fac.getByRole('heading', { level: 1, name: 'Groupes' }).waitFor();
  assert.equal(await fac.getAttribute('html', 'lang'), 'fr');

  // Five members with their pre-group sessions (quick form posts).
  const ids = [];
  for (const name of MEMBERS) {
    const r = await post(fac, '/clients/new', '/clients/new', [['display_name', name]]);
    assert.equal(r.status(), 303, `${name} registered`);
    const id = r.headers().location.match(/\/clients\/([0-9a-f-]+)/)[1];
    const add = await post(fac, groupPath, `${groupPath}/members`, [['client_id', id]]);
    assert.equal(add.status(), 303, `${name} added`);
    const pre = `${groupPath}/members/${id}/pre-group`;
    const items = [2, 2, 1, 2, 1, 1, 2, 1, 0].map((v, n) => [`item_${n + 1}`, String(v)]);
    const r2 = await post(fac, pre, pre, [
      ['problem_areas', 'role_transition'], ['goal', 'Reparler avec ma sœur'], ['consent', 'on'], ...items,
    ]);
    assert.equal(r2.status(), 303, `pre-group of ${name}`);
    ids.push(id);
  }

  // The group page in French.
  await fac.goto(`${baseURL}${groupPath}`);
  await fac.getByRole('heading', { level: 2, name: 'Où en est le groupe' }).waitFor();
  const summary = await fac.locator('[data-testid="group-summary"]').innerText();
  assert.match(summary, /0 sur 8 tenues/);
  assert.match(summary, /Accueillir chacun·e/, 'the agenda in French');
  assert.doesNotMatch(await fac.locator('main').innerText(), /Where the group stands|Record meeting|Members/);
  await checks(fac, 'group page in French at 360 px');

  // The meeting screen: attendance, a quick PHQ-9, the agenda and notes, in French.
  await fac.getByRole('link', { name: 'Saisir la séance 1' }).click();
  await fac.waitForURL((u) => u.pathname.endsWith('/sessions/new'));
  await fac.getByRole('heading', { level: 1, name: 'Séance 1 sur 8' }).waitFor();
  assert.match(await fac.locator('.subtitle').innerText(), /Phase initiale \(première séance\)/);
  await checks(fac, 'meeting screen in French at 360 px');
  const cards = fac.locator('[data-testid="member-card"]');
  assert.equal(await cards.count(), 5);
  const card = (name) => cards.filter({ has: fac.getByRole('heading', { name }) });
  await card('Chanda Test').getByLabel('Absent·e').check();
  assert.equal(await card('Chanda Test').locator('.quick-items').isVisible(), false, 'no questionnaire when absent');
  const answer = (id, item, value) =>
    fac.locator('label', { has: fac.locator(`input[name="phq_${id}_${item}"][value="${value}"]`) }).click();
  for (let k = 1; k <= 8; k++) await answer(ids[0], k, 2);
  await answer(ids[0], 9, 1);
  await card('Achieng Test').getByLabel('Note sur Achieng Test').fill('En larmes ; est restée après le groupe');
  await fac.getByLabel('Note de groupe (facultatif)').fill('Bonne énergie');
  await fac.getByLabel('Tâche de la semaine (facultatif)').fill('Parler à une personne de ce que vous ressentez');
  await fac.getByRole('group', { name: 'Ordre du jour' }).getByRole('checkbox').first().check();
  assert.doesNotMatch(await fac.locator('main').innerText(), /Save meeting|Today's agenda|Group note|Here\b/);
  await shot(fac, 'groups-fr-meeting-filled-360.png');

  // Saved: the result page, with the crisis guidance in French.
  await fac.getByRole('button', { name: 'Enregistrer la séance 1' }).click();
  await fac.waitForURL((u) => /\/sessions\/1$/.test(u.pathname));
  await fac.getByText('Séance 1 enregistrée.').waitFor();
  const crisis = fac.locator('[data-testid="meeting-crisis"]');
  const text = await crisis.innerText();
  assert.match(text, /Un membre a besoin d’être vu aujourd’hui/);
  assert.match(text, /Achieng Test a répondu positivement à la question sur le fait de se faire du mal/);
  assert.match(text, /Appelez votre superviseur·e maintenant\s: \S+/);
  assert.match(text, /Ouvrir l’alerte de risque de Achieng Test/);
  const attendance = await fac.locator('[data-testid="meeting-attendance"]').innerText();
  assert.equal((attendance.match(/Absent·e/g) ?? []).length, 1, 'one absence');
  assert.doesNotMatch(await fac.locator('main').innerText(), /Call your supervisor|Who came|Back to the group/);
  await checks(fac, 'meeting saved in French at 360 px');
  await shot(fac, 'groups-fr-meeting-saved-360.png');

  // Screenshots of the group page and the meeting screen in fr at both widths.
  const pages = [['group', groupPath], ['meeting', `${groupPath}/sessions/new`], ['saved', `${groupPath}/sessions/1`]];
  for (const width of [360, 1280]) {
    await fac.setViewportSize({ width, height: 800 });
    for (const [name, where] of pages) {
      await fac.goto(`${baseURL}${where}`);
      await fac.getByRole('heading', { level: 1 }).first().waitFor();
      if (width === 1280) await checks(fac, `${name} in French at 1280 px`);
      await shot(fac, `groups-fr-${name}-${width}.png`);
    }
  }

  // The generated test locales (supervisor, whose account has no saved language):
  // ar-XB mirrors the pages; en-XA's longer text must not clip or overlap.
  for (const language of ['ar-XB', 'en-XA']) {
    for (const width of [360, 1280]) {
      const p = await signIn(SUPERVISOR, width, language);
      for (const [name, where] of pages) {
        await p.goto(`${baseURL}${where}`);
        await p.getByRole('heading', { level: 1 }).first().waitFor();
        assert.equal(await p.getAttribute('html', 'dir'), language === 'ar-XB' ? 'rtl' : 'ltr');
        await checks(p, `${name} in ${language} at ${width} px`);
        await shot(p, `groups-${language}-${name}-${width}.png`);
      }
      await p.context().close();
    }
  }

  for (const p of [sup, fac]) await p.context().close();
  assert.deepEqual(problems, [], 'no page errors, CSP violations or server errors');
});
