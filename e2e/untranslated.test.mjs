// No English left behind: `rapport demo --language es` seeds a practice whose
// records are Spanish too, so an English word on any page a role reaches is
// interface text that was never translated (a message written in code, a label
// from a data file, a chart axis). The walk signs in as every demo role, the
// portal client and an anonymous visitor, and reads every text node, and the
// labels people hear (aria-label, title, placeholder, alt), of each shape of
// page at 1280 px. Text marked as another language (`lang="en"` on a
// questionnaire that has no Spanish translation) or `translate="no"` (a name,
// a code) is left out: that is the honest marking, not a miss.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './pages.mjs';
import { serve, stop } from './server.mjs';
import { portalSignIn, shape, staffPages, staffSignIn, walkPages } from './walk.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RAPPORT_BIN = path.resolve(ROOT, process.env.RAPPORT_BIN ?? 'target/debug/rapport');
const PASSWORD = 'rapport-demo-2026';

/**
 * English words that are not Spanish words, matched whole and in lower case or
 * with a capital first letter ("WHO-5" is a name, not "who"). Not "as" (the
 * Spanish "facilitadores(as)"), "ago" ("28 ago 2027") or "total".
 */
const ENGLISH = new Set(
  `the and with of for your you this that from not have was were are is will been by at on to or an it be in
   if all any after before when which who what how
   save add edit delete remove cancel back next previous show hide yes more less than
   score scores session sessions client clients minimal mild moderate moderately severe none sent
   day days week weeks month months year years today yesterday due overdue open closed signed draft
   notes name time new change changes recovered improved reliable reliably deterioration deteriorated
   questionnaire since until there their they she his her we our can could should must never every each some only
   item items answered answer answers flag flags risk raised reviewed unread read`.split(/\s+/),
);

export function englishWords(text) {
  const found = [];
  // Codes, ids, addresses and numbers are not words: "client.read", "she/her", "client1@example.org".
  const words = text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((token) => !/[\d@/_.=]/.test(token));
  for (const w of words.flatMap((token) => token.split(/[^A-Za-zÀ-ÿ'’]+/))) {
    if (!w) continue;
    const lower = w.toLowerCase();
    const capitalised = w === lower || w === lower[0].toUpperCase() + lower.slice(1);
    if (capitalised && ENGLISH.has(lower)) found.push(w);
  }
  return found;
}

const cleanup = [];
after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
});

test('a Spanish practice shows no English interface text on any page any role reaches', { timeout: 1_200_000 }, async (t) => {
  assert.ok(existsSync(RAPPORT_BIN), `RAPPORT_BIN ${RAPPORT_BIN} does not exist`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rapport-e2e-untranslated-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const demo = spawnSync(RAPPORT_BIN, ['demo', '--language', 'es', '--data-dir', dataDir], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `rapport demo --language es failed:\n${demo.stdout}\n${demo.stderr}`);
  const staff = [...demo.stdout.matchAll(/^\s+(\S+@demo\.rapport\.test)\s/gm)].map((m) => m[1]);
  assert.ok(staff.length >= 5, `rapport demo printed too few staff accounts:\n${demo.stdout}`);
  // The portal line names the address, one word ("as", "como", "avec") and the e-mail.
  const portal = demo.stdout.match(/\/portal\/login \S+ (\S+@\S+)/)?.[1];
  assert.ok(portal, `rapport demo printed no portal account:\n${demo.stdout}`);
  const links = [...demo.stdout.matchAll(/(?:https?:\/\/[^/\s]+)?(\/m\/[0-9a-f]+)/g)].map((m) => m[1]);

  const server = await serve(RAPPORT_BIN, ['--data-dir', dataDir]);
  cleanup.push(() => stop(server.child));
  const browser = await launchChromium();
  cleanup.push(() => browser.close());

  const errors = [];
  const english = new Map(); // "text" -> first page it was seen on
  let visited = 0;
  const visit = async (page, { key }) => {
    const texts = await page.evaluate(() => {
      const out = [];
      const foreign = (el) => {
        const marked = el.closest('[lang]');
        return el.closest('script, style, noscript, [translate="no"]') || (marked && !marked.lang.startsWith('es'));
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el && !foreign(el)) out.push(n.textContent);
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
        if (foreign(el)) continue;
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
      }
      return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    });
    for (const text of texts) {
      if (english.has(text)) continue;
      const words = englishWords(text);
      if (words.length) english.set(text, `${shape(new URL(key, server.url))} [${words.join(', ')}]`);
    }
  };
  const walk = async (who, signIn, starts, allowed) => {
    const { pages, shapes } = await walkPages({
      browser, baseURL: server.url, language: 'es', who, signIn, starts, allowed, errors, visit,
    });
    visited += pages;
    t.diagnostic(`${who}: ${pages} pages, ${shapes} shapes`);
  };

  for (const email of staff) {
    await walk(email, staffSignIn(email, PASSWORD), ['/', '/clients', '/risk-flags', '/account'], staffPages);
  }
  await walk(portal, portalSignIn(portal, PASSWORD), ['/portal', '/portal/help'], (p) => p.startsWith('/portal'));
  await walk('anonymous', async () => {}, ['/login', '/portal/login', ...links], (p) => p.startsWith('/m/') || p === '/login' || p === '/portal/login');

  assert.ok(visited >= 60, `only ${visited} pages walked: the walk lost its way`);
  assert.deepEqual(errors, [], `errors while walking:\n${errors.join('\n')}`);
  const report = [...english].map(([text, where]) => `${where}: ${text.slice(0, 160)}`).sort();
  assert.equal(report.length, 0, `${report.length} English text(s) on Spanish pages:\n${report.join('\n')}`);
});

test('the English-word detector finds English and leaves Spanish and names alone', () => {
  assert.deepEqual(englishWords('Save the note'), ['Save', 'the']);
  assert.deepEqual(englishWords('Guardar la nota'), []);
  assert.deepEqual(englishWords('WHO-5 y PHQ-9'), []);
  assert.deepEqual(englishWords('Puntuación: 14 (moderate)'), ['moderate']);
  assert.deepEqual(englishWords('client.read por client1@example.org (she/her), 01a245a5-be2a'), []);
  assert.deepEqual(englishWords('Del 24 oct 2026 al 28 ago 2027 · Facilitadores(as) · Total'), []);
});
