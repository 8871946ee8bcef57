// Keyboard-only journeys (issue 15, accessibility): a client completes the
// portal PHQ-9 and a clinician writes and saves a session note with
// the keyboard alone: Tab, arrow keys, Space and Enter, never a click. Every
// control reached must show where the focus is. Runs on a `rapport demo`
// database; screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, stop } from './server.mjs';
import { launchChromium, watchProblems } from './pages.mjs';
import { checkA11y } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const PASSWORD = 'rapport-demo-2026';

let dataDir;
let server;
let browser;
let portalEmail;
let coursePath;
const problems = [];

before(async () => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-keyboard-'));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  portalEmail = demo.stdout.match(/signs in at \S*\/portal\/login as (\S+)/)?.[1];
  coursePath = demo.stdout.match(/\/courses\/[0-9a-f-]+/)?.[0];
  assert.ok(portalEmail && coursePath, `rapport demo printed no portal account or course:\n${demo.stdout}`);
  server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) await stop(server.child);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function open(width) {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watchProblems(page, problems);
  return page;
}

/** What has the focus: its tag, id, name, type, value and text. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      type: el.getAttribute('type') ?? '',
      value: el.getAttribute('value') ?? '',
      text: (el.innerText ?? '').trim().slice(0, 80),
      // A visible focus indicator: an outline, or a ring drawn as a box shadow.
      indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
}

/**
 * Presses Tab until the focused element satisfies `want`, at most `max`
 * times; fails naming what was reached. Each stop must show its focus.
 */
async function tabTo(page, want, what, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    assert.ok(f.indicated, `no visible focus indicator on ${f.tag}#${f.id} "${f.text}" at ${page.url()}`);
    if (want(f)) return f;
    seen.push(`${f.tag}#${f.id}[${f.name}] ${f.text}`);
  }
  assert.fail(`Tab never reached ${what} on ${page.url()}; reached:\n${seen.slice(-15).join('\n')}`);
}

async function shot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true, caret: 'initial' }).catch(() => {});
}

test('a client completes the portal PHQ-9 with the keyboard alone', { timeout: 180_000 }, async () => {
  const page = await open(360);
  await page.goto('/portal/login');
  await tabTo(page, (f) => f.id === 'email', 'the email field');
  await page.keyboard.type(portalEmail);
  await tabTo(page, (f) => f.id === 'password', 'the password field');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/portal');

  await tabTo(page, (f) => f.tag === 'a' && /Patient Health Questionnaire-9/.test(f.text), 'the PHQ-9 link');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => /\/portal\/measures\//.test(u.pathname));
  await checkA11y(page, 'portal PHQ-9 form');

  // Each item: Tab enters its radio group on the first option; ArrowDown moves
  // to (and chooses) the next one. Answers: the second option for odd items, the
  // first for even ones and item 9.
  for (let item = 1; item <= 9; item++) {
    const f = await tabTo(page, (x) => x.type === 'radio' && x.name === `item_${item}`, `item ${item}'s options`);
    if (item % 2 === 1 && item !== 9) {
      await page.keyboard.press('ArrowDown');
    } else {
      await page.keyboard.press('Space');
    }
    const chosen = await page.evaluate(
      (n) => [...document.querySelectorAll(`input[name="item_${n}"]`)].findIndex((r) => r.checked),
      item,
    );
    assert.equal(chosen, item % 2 === 1 && item !== 9 ? 1 : 0, `item ${item}: option chosen by keyboard (focus was on value ${f.value})`);
  }
  await shot(page, 'keyboard-portal-phq9-360.png');
  await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit', 'the send button');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await shot(page, 'keyboard-portal-thanks-360.png');
  assert.deepEqual(problems, []);
});

test('a clinician writes and saves a session note with the keyboard alone, reaching Sign note', { timeout: 180_000 }, async () => {
  const page = await open(1280);
  await page.goto('/login');
  await tabTo(page, (f) => f.id === 'email', 'the email field');
  await page.keyboard.type('clinician1@demo.rapport.test');
  await tabTo(page, (f) => f.id === 'password', 'the password field');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/today');

  // The demo course's draft session, reached through its link by keyboard.
  await page.goto(coursePath);
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Draft', 'the draft session link', 200);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => /\/sessions\//.test(u.pathname));

  const plan = await page.getByLabel('Plan for the next session', { exact: true }).getAttribute('id');
  await tabTo(page, (f) => f.id === plan, 'the plan field', 200);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Practise the talk with her sister; typed with the keyboard');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Save draft', 'Save draft', 200);
  await page.keyboard.press('Enter');
  await page.getByText('Draft saved.', { exact: true }).waitFor();

  // The saved text is on the page after the save, and signing is reachable by Tab
  // (whether this demo draft may be signed is the notes tests' business).
  assert.match(await page.locator('main').innerHTML(), /Practise the talk with her sister; typed with the keyboard/);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Sign note', 'Sign note', 300);
  await shot(page, 'keyboard-note-saved-1280.png');
  assert.deepEqual(problems, []);
});
