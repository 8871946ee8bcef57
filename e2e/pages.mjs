// What the browser tests share when they open pages: one Chromium launch and
// one way of collecting page errors, CSP violations and server errors.

import { chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}

// Adds what goes wrong on `page` to `problems` (a test asserts it stays empty).
export function watchProblems(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // A form sent with errors comes back as the page itself with 422 (or 409 when
    // someone saved first), and Chromium logs that status; the tests check the page.
    const refusedForm =
      /the server responded with a status of (409|422)\b/.test(m.text()) && m.location()?.url === page.url();
    if (!refusedForm) problems.push(`console on ${page.url()}: ${m.text().slice(0, 120)}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
  });
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO day ("2026-10-31") as the English pages show it ("31 Oct 2026", `date-short`). */
export function shownDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_SHORT[m - 1]} ${y}`;
}
