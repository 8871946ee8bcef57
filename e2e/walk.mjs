// Walking a running Rapport the way a curious user would: from an account's
// start pages, follow the links in the navigation and the main content, one
// or a few pages of each shape of address (ids replaced), so a new page joins
// every walk without a change to the tests. The layout walk and the
// untranslated-text walk both use it.

/** Links never followed: they act (sign out, break the glass), download or leave the face. */
export const SKIP = [
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

/** Signs a staff member in with the demo password. */
export const staffSignIn = (email, password) => async (page) => {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL((u) => u.pathname !== '/login');
};

/** Signs a client into the portal with the demo password. */
export const portalSignIn = (email, password) => async (page) => {
  await page.goto('/portal/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === '/portal');
};

/** Staff pages: not the portal, the measure links or breaking the glass. */
export const staffPages = (p) => !p.startsWith('/portal') && !p.startsWith('/m/') && !p.startsWith('/break-glass/');

/**
 * Walks one account's pages in a fresh browser context asking for `language`.
 * `visit(page, { key, width, status })` runs on every page at every width
 * (after the page loaded); `errors` collects page script errors and 5xx.
 * Resolves to { pages, shapes }.
 */
export async function walkPages({
  browser,
  baseURL,
  language,
  who,
  signIn,
  starts,
  allowed,
  perShape = 1,
  widths = [1280],
  maxPages = 200,
  errors,
  visit,
}) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: widths[0], height: 800 },
    extraHTTPHeaders: { 'Accept-Language': language },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(`${who}: page error on ${page.url()}: ${e.message}`));
  await signIn(page);
  const seen = new Set();
  const perShapeCount = new Map();
  const queue = [...starts];
  let count = 0;
  while (queue.length && count < maxPages) {
    const href = queue.shift();
    const u = new URL(href, baseURL);
    const key = u.pathname + u.search;
    if (seen.has(key)) continue;
    seen.add(key);
    const sh = shape(u);
    if ((perShapeCount.get(sh) ?? 0) >= perShape) continue;
    perShapeCount.set(sh, (perShapeCount.get(sh) ?? 0) + 1);
    count++;
    const links = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const res = await page.goto(key);
      if (!res || !(res.headers()['content-type'] ?? '').includes('text/html')) break;
      if (res.status() >= 500) errors.push(`${who}: ${res.status()} on ${key}`);
      await visit(page, { key, width, status: res.status() });
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
    for (const l of links) {
      const lu = new URL(l, new URL(key, baseURL));
      if (lu.origin !== new URL(baseURL).origin) continue;
      const p = lu.pathname;
      if (!allowed(p) || SKIP.some((re) => re.test(p))) continue;
      queue.push(p + lu.search);
    }
  }
  await context.close();
  return { pages: count, shapes: perShapeCount.size };
}
