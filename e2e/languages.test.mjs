// The sign-in page in every language, in a real browser at 360 and 1280 px:
// the shipped languages (English, Spanish, French) and the two generated test
// locales (en-XA: accented and 40 % longer, ar-XB: right to left), chosen by
// the browser's Accept-Language. Each gets `<html lang dir>` checked, axe-core
// (WCAG 2.1 A/AA), the overlapping-controls check and a full-page screenshot
// in e2e/test-results/; then the footer switcher changes the language.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
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
const WIDTHS = [360, 1280];
const LANGUAGES = [
  { tag: 'en', dir: 'ltr', heading: 'Sign in' },
  { tag: 'es', dir: 'ltr', heading: 'Iniciar sesión' },
  { tag: 'fr', dir: 'ltr', heading: 'Se connecter' },
  { tag: 'en-XA', dir: 'ltr', heading: '[Šîĝñ îñ' },
  { tag: 'ar-XB', dir: 'rtl', heading: 'Sign in' },
];

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

test('the sign-in page in each language is labelled, accessible and unclipped', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-languages-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  await mkdir(RESULTS_DIR, { recursive: true });
  const server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  cleanup.push(() => stop(server.child));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  cleanup.push(() => browser.close());

  for (const { tag, dir, heading } of LANGUAGES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        extraHTTPHeaders: { 'Accept-Language': tag },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      const label = `/login in ${tag} at ${width} px`;
      assert.equal(await page.getAttribute('html', 'lang'), tag, label);
      assert.equal(await page.getAttribute('html', 'dir'), dir, label);
      assert.ok((await page.textContent('h1')).includes(heading), `${label}: the heading`);
      await page.screenshot({ path: path.join(RESULTS_DIR, `login-${tag}-${width}.png`), fullPage: true });
      await checkA11y(page, label);
      await checkNoOverlap(page, label);
      await context.close();
    }
  }

  // The switcher: an English browser chooses French, and the choice is kept.
  const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.selectOption('#switch-language', 'fr');
  await page.click('.language-switcher button');
  await page.waitForURL(/\/login$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.goto(`${server.url}/login`);
  assert.equal(await page.textContent('h1'), 'Se connecter');
  await context.close();
});
