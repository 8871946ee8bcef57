// Screenshots of pages for a visual check (not a test): signs in to a running
// Rapport and saves full-page PNGs at 360 px and 1280 px wide.
//   node e2e/screens.mjs BASE_URL EMAIL PASSWORD OUT_DIR PATH...
// EMAIL "-" stays signed out (the sign-in page); SCREENS_LANGUAGE=es (or
// en-XA, ar-XB) sends that Accept-Language and names the files after it;
// SCREENS_OPEN_DETAILS=1 opens every <details> (collapsed cards, menus) first.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [base, email, password, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
for (const width of [360, 1280]) {
  const language = process.env.SCREENS_LANGUAGE;
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    extraHTTPHeaders: language ? { 'Accept-Language': language } : {},
  });
  page.on('console', (m) => { if (m.type() === 'error') console.log(`console error on ${page.url()}: ${m.text()}`); });
  if (email !== '-') {
    await page.goto(`${base}/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForLoadState('networkidle');
  }
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    if (process.env.SCREENS_OPEN_DETAILS) {
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    }
    const name = `${p.replace(/[^a-z0-9]+/gi, '_')}${language ? `_${language}` : ''}_${width}.png`;
    await page.screenshot({ path: path.join(out, name), fullPage: true });
    console.log(path.join(out, name));
  }
  await page.close();
}
await browser.close();
