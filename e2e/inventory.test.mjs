// The interpersonal inventory and the closeness-ring setting in a real browser
// (issue 19 item 6): the demo organisation has four rings. At 360 and 1280 px a
// clinician's Inventory tab, the person form, a snapshot and the comparison,
// and the administrator's Settings page pass axe-core and the overlap check
// (with every <details> open), and only the circle's own frame scrolls
// sideways. Screenshots go to e2e/test-results/.

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
import { staffSignIn } from './walk.mjs';

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
let course;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-inventory-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  course = demo.stdout.match(/The showcase course[^\n]*\/courses\/([0-9a-f-]+)/)?.[1];
  assert.ok(course, `rapport demo printed no showcase course:\n${demo.stdout}`);
  ({ child: server, url: baseURL } = await serve(RAPPORT_BIN, ['--data-dir', dataDir]));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stop(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email, width) {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  watchProblems(page, problems);
  await staffSignIn(email, PASSWORD)(page);
  return page;
}

async function checks(page, what, width) {
  await openAllDetails(page);
  await checkA11y(page, what);
  await checkNoOverlap(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal scrolling of the page (overflow ${overflow}px)`);
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${what.replace(/\W+/g, '-')}-${width}.png`), fullPage: true });
}

for (const width of [360, 1280]) {
  test(`the inventory with four rings at ${width} px`, { timeout: 180_000 }, async () => {
    const page = await signIn('clinician1@demo.rapport.test', width);
    const tab = `${baseURL}/courses/${course}/inventory`;
    await page.goto(tab);
    const circle = page.locator('#circle svg.closeness-circle');
    assert.equal(await circle.getAttribute('data-rings'), '4');
    for (const label of ['Ring 1 (closest)', 'Ring 4 (most distant)']) {
      assert.ok((await circle.textContent()).includes(label), `the circle names ${label}`);
    }
    await checks(page, 'inventory tab', width);
    const snapshot = await page.locator('a[href*="/inventory/snapshots/"]').first().getAttribute('href');

    await page.goto(`${tab}/people/new`);
    assert.equal(await page.locator('input[name="ring"]').count(), 4, 'one choice per ring');
    await checks(page, 'person form', width);

    await page.goto(`${tab}/compare`);
    assert.equal(await page.locator('svg.closeness-circle').count(), 2);
    await checks(page, 'compare circles', width);
    await page.goto(`${baseURL}${snapshot}`);
    assert.equal(await page.locator('svg.closeness-circle').getAttribute('data-rings'), '4');
    await checks(page, 'snapshot', width);
    await page.context().close();
  });

  test(`the settings page with the ring count at ${width} px`, { timeout: 120_000 }, async () => {
    const page = await signIn('admin@demo.rapport.test', width);
    await page.goto(`${baseURL}/admin/settings`);
    assert.equal(await page.getByLabel('Rings of the closeness circle').inputValue(), '4');
    await checks(page, 'settings', width);
    await page.context().close();
  });
}

test('no console errors or failed requests', () => {
  assert.deepEqual(problems, []);
});
