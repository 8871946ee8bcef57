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
import { portalSignIn, shape, staffPages, staffSignIn, walkPages } from './walk.mjs';

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
    const widths = lang === 'en' || lang === 'ar-XB' ? WIDTHS : WIDTHS.slice(0, 1);
    const { pages, shapes } = await walkPages({
      browser,
      baseURL: server.url,
      language: lang,
      who,
      signIn,
      starts,
      allowed,
      perShape: lang === 'en' ? PER_SHAPE : 1,
      widths,
      maxPages: MAX_PAGES,
      errors,
      visit: async (page, { key, width }) => {
        await openAllDetails(page);
        const htmlLang = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
        const wantDir = lang === 'ar-XB' ? 'rtl' : 'ltr';
        if (width === widths[0] && (htmlLang[0] !== lang || htmlLang[1] !== wantDir)) {
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
      },
    });
    visited += pages;
    t.diagnostic(`${lang} ${who}: ${pages} pages walked, ${shapes} address shapes`);
  };

  for (const language of LANGUAGES) {
    lang = language;
    for (const email of staff.slice(0, 3)) {
      await walk(email, staffSignIn(email, PASSWORD), ['/', '/clients', '/risk-flags', '/account'], staffPages);
    }
    // The demo's group programme: a facilitator (their groups' members only) and the master
    // trainer (everything down the chain of supervision).
    for (const email of staff.filter((e) => /^(facilitator1|master\.trainer)@/.test(e))) {
      await walk(email, staffSignIn(email, PASSWORD), ['/', '/clients', '/risk-flags', '/account'], staffPages);
    }
    await walk(portal, portalSignIn(portal, PASSWORD), ['/portal', '/portal/help'], (p) => p.startsWith('/portal'));
    await walk('anonymous', async () => {}, ['/login', '/portal/login', ...extra], (p) => p.startsWith('/m/') || p === '/login' || p === '/portal/login');
  }

  await mkdir(RESULTS_DIR, { recursive: true });
  assert.ok(visited >= 30, `only ${visited} pages walked: the walk lost its way`);
  assert.deepEqual(errors, [], `errors while walking:\n${errors.join('\n')}`);
  assert.equal(findings.length, 0, `${findings.length} overlap(s):\n${findings.join('\n')}`);
  assert.equal(a11y.length, 0, `${a11y.length} serious or critical axe-core violation(s):\n${a11y.join('\n')}`);
  assert.deepEqual(langProblems, [], `pages whose <html lang dir> is not the language asked for:\n${langProblems.join('\n')}`);
});
