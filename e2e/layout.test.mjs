// The layout walk: every staff and portal page the demo links to, at 360 and
// 1280 px with every <details> opened, signed in as each role, in every
// shipped language and the right-to-left test locale, must have no two
// visible controls overlapping, no control drawn over a label's text, no
// serious or critical axe-core violation, and `<html lang dir>` saying the
// page's language (checks.mjs). Pages are
// found by following the links in the navigation, the course tabs and the main
// content from each account's home, one or two pages of each shape of address
// (ids replaced), so a new page joins the walk without a change here.

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
import { findA11yViolations, findOverlaps, openAllDetails } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS_DIR = path.join(HERE, 'test-results');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'rapport-demo-2026';
const WIDTHS = [360, 1280];
/** Pages of one address shape to visit (two courses in different phases differ). */
const PER_SHAPE = Number(process.env.LAYOUT_PER_SHAPE ?? 2);
/** English walks PER_SHAPE pages of each shape at every width; the other
 * languages one page each, Spanish and French at the narrow width only (where
 * longer words clip), the right-to-left locale at every width (mirroring). */
const LANGUAGES = (process.env.LAYOUT_LANGUAGES ?? 'en,es,fr,ar-XB').split(',');
/** axe-core impacts that fail the walk (moderate and minor ones are listed, not failed). */
const FAILING_IMPACTS = ['serious', 'critical'];
const MAX_PAGES = 200;

/** Links never followed: they act (sign out, break the glass), download or leave the face. */
const SKIP = [
  /^\/logout/,
  /^\/portal\/logout/,
  /\/(export|download|print)(\/|$|\?)/,
  /\.(pdf|csv|ics|json|png|svg)(\?|$)/,
  /^\/api\//,
  /^\/static\//,
  /^\/healthz/,
  /^\/calendar\/feed/,
];

/** The shape of an address: ids and tokens replaced, the query's keys kept. */
export function shape(u) {
  const p = u.pathname
    .split('/')
    .map((seg) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(seg) || /^[0-9a-f]{16,}$/i.test(seg) || /^\d+$/.test(seg) ? ':id' : seg))
    .join('/');
  const keys = [...new URLSearchParams(u.search).keys()].sort().join('&');
  return keys ? `${p}?${keys}` : p;
}

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

test('layout walk: no overlapping controls, no control over a label, no serious axe violation, right lang and dir on any demo page in any language', { timeout: 2_400_000 }, async (t) => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-layout-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo failed:\n${demo.stdout}\n${demo.stderr}`);
  const staff = [...demo.stdout.matchAll(/^\s+(\S+@demo\.rapport\.test)\s/gm)].map((m) => m[1]);
  assert.ok(staff.length >= 3, `rapport demo printed no staff accounts:\n${demo.stdout}`);
  const portal = demo.stdout.match(/signs in at \S*\/portal\/login as (\S+)/)?.[1];
  assert.ok(portal, `rapport demo printed no portal account:\n${demo.stdout}`);
  // The single-use measure link the demo prints is a page too.
  const extra = [...demo.stdout.matchAll(/(?:https?:\/\/[^/\s]+)?(\/m\/[0-9a-f]+)/g)].map((m) => m[1]);

  const server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  cleanup.push(() => stop(server.child));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  cleanup.push(() => browser.close());

  const findings = [];
  const errors = [];
  const a11y = [];
  const langProblems = [];
  let visited = 0;
  let lang = 'en';

  const walk = async (who, signIn, starts, allowed) => {
    const perShapeLimit = lang === 'en' ? PER_SHAPE : 1;
    const widths = lang === 'en' || lang === 'ar-XB' ? WIDTHS : WIDTHS.slice(0, 1);
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: WIDTHS[0], height: 800 },
      extraHTTPHeaders: { 'Accept-Language': lang },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => errors.push(`${who}: page error on ${page.url()}: ${e.message}`));
    await signIn(page);
    const seen = new Set();
    const perShape = new Map();
    const queue = [...starts];
    let count = 0;
    while (queue.length && count < MAX_PAGES) {
      const href = queue.shift();
      const u = new URL(href, server.url);
      const key = u.pathname + u.search;
      if (seen.has(key)) continue;
      seen.add(key);
      const sh = shape(u);
      if ((perShape.get(sh) ?? 0) >= perShapeLimit) continue;
      perShape.set(sh, (perShape.get(sh) ?? 0) + 1);
      count++;
      const links = [];
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        const res = await page.goto(key);
        if (!res || !(res.headers()['content-type'] ?? '').includes('text/html')) break;
        if (res.status() >= 500) errors.push(`${who}: ${res.status()} on ${key}`);
        await openAllDetails(page);
        const htmlLang = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
        const wantDir = lang === 'ar-XB' ? 'rtl' : 'ltr';
        if (width === WIDTHS[0] && (htmlLang[0] !== lang || htmlLang[1] !== wantDir)) {
          langProblems.push(`${lang} ${who} ${key}: <html lang="${htmlLang[0]}" dir="${htmlLang[1]}">`);
        }
        for (const v of await findA11yViolations(page)) {
          const impact = v.match(/^\S+ \((\w+)\)/)?.[1];
          if (FAILING_IMPACTS.includes(impact)) a11y.push(`${lang} ${who} ${key} at ${width} px: ${v}`);
        }
        for (const f of await findOverlaps(page)) {
          findings.push(
            `${lang} ${who} ${key} (${shape(new URL(page.url()))}) at ${width} px: ${f.a} {x: ${f.boxA.x}, y: ${f.boxA.y}, w: ${f.boxA.w}, h: ${f.boxA.h}}` +
              ` overlaps ${f.b} {x: ${f.boxB.x}, y: ${f.boxB.y}, w: ${f.boxB.w}, h: ${f.boxB.h}} by ${f.overlap.w}×${f.overlap.h} px`,
          );
        }
        if (width === widths[widths.length - 1]) {
          links.push(
            ...(await page.evaluate(() =>
              [...document.querySelectorAll('nav a[href], main a[href]')]
                .filter((a) => !a.hasAttribute('download') && !a.target)
                .map((a) => a.getAttribute('href')),
            )),
          );
        }
      }
      visited++;
      for (const l of links) {
        const lu = new URL(l, new URL(key, server.url));
        if (lu.origin !== new URL(server.url).origin) continue;
        const p = lu.pathname;
        if (!allowed(p) || SKIP.some((re) => re.test(p))) continue;
        queue.push(p + lu.search);
      }
    }
    t.diagnostic(`${lang} ${who}: ${count} pages walked, ${perShape.size} address shapes`);
    await context.close();
  };

  const staffSignIn = (email) => async (page) => {
    await page.goto('/login');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL((u) => u.pathname !== '/login');
  };
  const staffPages = (p) => !p.startsWith('/portal') && !p.startsWith('/m/') && !p.startsWith('/break-glass/');
  for (const language of LANGUAGES) {
    lang = language;
    for (const email of staff.slice(0, 3)) {
      await walk(email, staffSignIn(email), ['/', '/clients', '/risk-flags', '/account'], staffPages);
    }
    // The demo's group programme: a facilitator (their groups' members only) and the master
    // trainer (everything down the chain of supervision).
    for (const email of staff.filter((e) => /^(facilitator1|master\.trainer)@/.test(e))) {
      await walk(email, staffSignIn(email), ['/', '/clients', '/risk-flags', '/account'], staffPages);
    }
    await walk(
      portal,
      async (page) => {
        await page.goto('/portal/login');
        await page.locator('#email').fill(portal);
        await page.locator('#password').fill(PASSWORD);
        await page.locator('main button[type=submit]').click();
        await page.waitForURL((u) => u.pathname === '/portal');
      },
      ['/portal', '/portal/help'],
      (p) => p.startsWith('/portal'),
    );
    await walk('anonymous', async () => {}, ['/login', '/portal/login', ...extra], (p) => p.startsWith('/m/') || p === '/login' || p === '/portal/login');

  }

  await mkdir(RESULTS_DIR, { recursive: true });
  assert.ok(visited >= 30, `only ${visited} pages walked: the walk lost its way`);
  assert.deepEqual(errors, [], `errors while walking:\n${errors.join('\n')}`);
  assert.equal(findings.length, 0, `${findings.length} overlap(s):\n${findings.join('\n')}`);
  assert.equal(a11y.length, 0, `${a11y.length} serious or critical axe-core violation(s):\n${a11y.join('\n')}`);
  assert.deepEqual(langProblems, [], `pages whose <html lang dir> is not the language asked for:\n${langProblems.join('\n')}`);
});
