// Page checks for any browser test: accessibility (axe-core, WCAG 2.1 A/AA)
// and overlapping controls (a layout bug that makes a click land on the wrong
// field is a data-entry defect). Both run on the page as it is now, at its
// current viewport width, and throw an Error listing what they found:
//
//   import { checkA11y, checkNoOverlap } from './checks.mjs';
//   await checkA11y(page, 'portal tab at 360 px');
//   await checkNoOverlap(page, 'portal tab at 360 px');
//
// findA11yViolations / findOverlaps return the findings instead of throwing.
// axe-core is evaluated through the DevTools protocol, which the page's CSP does
// not govern, so contexts need no `bypassCSP` (that would hide real CSP faults).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Known axe findings that are accepted, each with why. A finding is allowed when
 * its rule id matches and every one of its target selectors matches `target`.
 * Never add an entry without a reason a reviewer can check.
 */
export const A11Y_ALLOWED = [];

/**
 * Known overlaps that are accepted, each with why: `a` and `b` are tested
 * against the short descriptions in the report (either order).
 */
export const OVERLAP_ALLOWED = [];

async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object').catch(() => false);
  if (present) return;
  // A string is evaluated as a script in the page's main world.
  await page.evaluate(AXE_SOURCE);
  const ok = await page.evaluate(() => typeof window.axe === 'object');
  if (!ok) throw new Error('axe-core did not load in the page');
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA tags; returns readable findings (strings),
 * allowed ones left out. `allowed` receives the allow-listed ones if given.
 */
export async function findA11yViolations(page, { allowed = [] } = {}) {
  await injectAxe(page);
  const results = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
        html: n.html.slice(0, 160),
        summary: n.failureSummary ?? '',
      })),
    }));
  }, WCAG_TAGS);
  const found = [];
  for (const v of results) {
    for (const n of v.nodes) {
      const rule = A11Y_ALLOWED.find(
        (a) => a.rule === v.id && n.target.every((t) => a.target.test(t)),
      );
      const line =
        `${v.id} (${v.impact}): ${v.help}\n` +
        `    target: ${n.target.join(' ')}\n` +
        `    html:   ${n.html}\n` +
        `    ${n.summary.replace(/\n\s*/g, '\n    ')}`;
      if (rule) allowed.push(`${line}\n    allowed: ${rule.why}`);
      else found.push(line);
    }
  }
  return found;
}

/** Throws when axe-core finds WCAG 2.1 A/AA violations on `page`. */
export async function checkA11y(page, label) {
  const found = await findA11yViolations(page);
  if (found.length > 0) {
    throw new Error(
      `axe-core: ${found.length} WCAG 2.1 A/AA violation(s) on ${label} (${page.url()}):\n` + found.join('\n'),
    );
  }
}

/**
 * The visible interactive controls and labels whose boxes intersect by more
 * than 1 px in both directions; pairs where one element contains the other are
 * left out, and so are hidden, zero-size and visually-hidden (1 px) elements.
 * Boxes are page coordinates, clipped by any scrolling/clipping ancestor; inline
 * elements are compared line box by line box, so a link wrapped over two lines
 * does not overlap its neighbour on the same lines. Every visible form control
 * (input, select, textarea, button) is also compared with the text of every
 * label, even the label that wraps it, so a radio drawn over its label's first
 * letters is found.
 */
export async function findOverlaps(page) {
  const pairs = await page.evaluate(() => {
    const SELECTOR = 'input, select, textarea, button, a, label, [role=button], summary';
    const MIN = 1; // px: a sliver of 1 px is not an overlap
    const sx = window.scrollX;
    const sy = window.scrollY;
    const clip = (r, el) => {
      let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
        const s = getComputedStyle(p);
        const clipsX = s.overflowX !== 'visible';
        const clipsY = s.overflowY !== 'visible';
        if (!clipsX && !clipsY) continue;
        const pr = p.getBoundingClientRect();
        if (clipsX) {
          box.left = Math.max(box.left, pr.left);
          box.right = Math.min(box.right, pr.right);
        }
        if (clipsY) {
          box.top = Math.max(box.top, pr.top);
          box.bottom = Math.min(box.bottom, pr.bottom);
        }
      }
      return box;
    };
    const describe = (el) => {
      const tag = el.tagName.toLowerCase();
      const bits = [tag];
      if (el.id) bits.push(`#${el.id}`);
      if (el.getAttribute('name')) bits.push(`[name=${el.getAttribute('name')}]`);
      if (tag === 'input' && el.type) bits.push(`[type=${el.type}]`);
      if (tag === 'label' && el.htmlFor) bits.push(`[for=${el.htmlFor}]`);
      const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
      if (text) bits.push(` "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`);
      return bits.join('');
    };
    const items = [];
    for (const el of document.querySelectorAll(SELECTOR)) {
      if (el.matches('input[type=hidden]')) continue;
      if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const rects = [];
      for (const r of el.getClientRects()) {
        const b = clip(r, el);
        if (b.right - b.left > MIN && b.bottom - b.top > MIN) rects.push(b);
      }
      if (rects.length === 0) continue;
      items.push({ el, rects, text: describe(el) });
    }
    const round = (n) => Math.round(n * 10) / 10;
    const page = (b) => ({ x: round(b.left + sx), y: round(b.top + sy), w: round(b.right - b.left), h: round(b.bottom - b.top) });
    const out = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        let hit = null;
        for (const ra of a.rects) {
          for (const rb of b.rects) {
            const dx = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const dy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (dx > MIN && dy > MIN) {
              hit = { ra, rb, dx, dy };
              break;
            }
          }
          if (hit) break;
        }
        if (hit) {
          out.push({
            a: a.text,
            b: b.text,
            boxA: page(hit.ra),
            boxB: page(hit.rb),
            overlap: { w: round(hit.dx), h: round(hit.dy) },
          });
        }
      }
    }
    // A control drawn over the text of a label ("ttended" with the radio on
    // its first letter): the label's own text boxes (its text nodes outside any
    // control, measured with a Range) against every visible form control,
    // including the ones the label wraps, which the check above leaves out.
    const CONTROLS = 'input, select, textarea, button';
    // Text hidden for sight but kept for screen readers by style rather than by
    // the class (a grid's option names, read with each radio): not drawn, so
    // nothing can cover it.
    const clippedAway = (el, stop) => {
      for (let e = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.clipPath === 'inset(50%)' || st.clip === 'rect(0px, 0px, 0px, 0px)') return true;
        const r = e.getBoundingClientRect();
        if (st.overflow === 'hidden' && r.width <= 1 && r.height <= 1) return true;
        if (e === stop) break;
      }
      return false;
    };
    const controls = items.filter((it) => it.el.matches(CONTROLS));
    for (const lab of items.filter((it) => it.el.matches('label'))) {
      const textRects = [];
      const walker = document.createTreeWalker(lab.el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim()) continue;
        if (n.parentElement.closest(CONTROLS)) continue;
        const hidden = n.parentElement.closest('.visually-hidden, [hidden]');
        if (hidden && lab.el.contains(hidden)) continue;
        if (clippedAway(n.parentElement, lab.el)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          const b = clip(r, n.parentElement);
          if (b.right - b.left > MIN && b.bottom - b.top > MIN) textRects.push(b);
        }
      }
      if (textRects.length === 0) continue;
      for (const c of controls) {
        let hit = null;
        for (const rc of c.rects) {
          for (const rt of textRects) {
            const dx = Math.min(rc.right, rt.right) - Math.max(rc.left, rt.left);
            const dy = Math.min(rc.bottom, rt.bottom) - Math.max(rc.top, rt.top);
            if (dx > MIN && dy > MIN) {
              hit = { rc, rt, dx, dy };
              break;
            }
          }
          if (hit) break;
        }
        if (hit) {
          out.push({
            a: c.text,
            b: `the text of ${lab.text}`,
            boxA: page(hit.rc),
            boxB: page(hit.rt),
            overlap: { w: round(hit.dx), h: round(hit.dy) },
          });
        }
      }
    }
    return out;
  });
  return pairs.filter(
    (p) => !OVERLAP_ALLOWED.some((o) => (o.a.test(p.a) && o.b.test(p.b)) || (o.a.test(p.b) && o.b.test(p.a))),
  );
}

const fmtBox = (b) => `{x: ${b.x}, y: ${b.y}, w: ${b.w}, h: ${b.h}}`;

/** Throws when two visible controls or labels on `page` overlap, or a control covers a label's text. */
export async function checkNoOverlap(page, label) {
  const found = await findOverlaps(page);
  if (found.length > 0) {
    const width = page.viewportSize()?.width;
    throw new Error(
      `${found.length} overlapping control(s) on ${label} (${page.url()}, ${width} px wide):\n` +
        found
          .map((p) => `  ${p.a} ${fmtBox(p.boxA)}\n  overlaps ${p.b} ${fmtBox(p.boxB)} by ${p.overlap.w}×${p.overlap.h} px`)
          .join('\n'),
    );
  }
}

/** Opens every `<details>` on the page, so the checks see what is folded away. */
export async function openAllDetails(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('details')];
    for (const d of all) d.open = true;
    return all.length;
  });
}
