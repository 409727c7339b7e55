/**
 * Keyboard-only walk of every page: Tab from the top of the page to the end and check that
 * - the first stop is the skip link and no element uses a positive tabindex (which would scramble the order);
 * - every interactive control inside a figure is reached, in document order (the order a reader sees them);
 * - each one shows a visible focus indicator when reached by keyboard (its computed outline or box-shadow differs from
 *   the unfocused state and is not "none"/zero);
 * - each one is operable from the keyboard: arrow keys change a range (or select, or radio group), Enter and Space
 *   activate a button or toggle a checkbox, and the figure visibly responds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { hydrateAll } from '../site/lib/hydrate';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';

const pages = sitePages();
let server: StaticServer;
let browser: Browser;
const summary: string[] = [];

beforeAll(async () => {
  server = await startStaticServer(DIST, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (summary.length) console.log(`keyboard walk:\n  ${summary.join('\n  ')}`);
});

/** Figures: the kit's `<figure>` elements and anything marked `data-figure`. */
const FIGURE = 'main figure, [data-figure]';
const FOCUSABLE =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

interface Control {
  index: number;
  tag: string;
  type: string;
  label: string;
  /** Radio group name: one Tab stop per group (arrow keys move inside it). */
  group: string;
  /** Explicit ARIA role, if any (`slider` on a focusable plot, `region` on a scrollable table…). */
  role: string;
}

/** Marks every enabled, rendered control inside a figure with `data-kbd` = its document-order index. */
async function markFigureControls(page: Page): Promise<Control[]> {
  return page.evaluate(
    ({ FIGURE, FOCUSABLE }) => {
      const controls: Element[] = [];
      for (const fig of document.querySelectorAll(FIGURE)) {
        for (const el of fig.querySelectorAll(FOCUSABLE)) {
          const h = el as HTMLElement;
          const style = getComputedStyle(h);
          const disabled = (h as HTMLButtonElement).disabled === true || h.closest('[inert]') !== null;
          // content of a collapsed <details> is not on screen (its <summary> is, and is a control itself)
          const collapsed = h.tagName !== 'SUMMARY' && h.closest('details:not([open])') !== null;
          if (collapsed) continue;
          if (disabled || style.visibility === 'hidden' || style.display === 'none' || h.getClientRects().length === 0) continue;
          if (!controls.includes(el)) controls.push(el);
        }
      }
      controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      return controls.map((el, index) => {
        el.setAttribute('data-kbd', String(index));
        const label =
          el.getAttribute('aria-label') ??
          (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
          el.textContent?.trim() ??
          '';
        return {
          index,
          tag: el.tagName.toLowerCase(),
          type: (el as HTMLInputElement).type ?? '',
          group: (el as HTMLInputElement).type === 'radio' ? (el as HTMLInputElement).name : '',
          role: el.getAttribute('role') ?? '',
          label: label.replace(/\s+/g, ' ').slice(0, 50),
        };
      });
    },
    { FIGURE, FOCUSABLE },
  );
}

interface FocusStyle {
  outline: string;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

/** The focus-relevant computed style of an element. */
const focusStyle = (page: Page, index: number): Promise<FocusStyle> =>
  page.locator(`[data-kbd="${index}"]`).evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      outlineStyle: s.outlineStyle,
      outlineWidth: s.outlineWidth,
      boxShadow: s.boxShadow,
    };
  });

/**
 * A fingerprint of the figure around a control (its markup: readouts, SVG, aria-valuetext…, not the control's own
 * value), to see whether the figure responded — so a slider that moves but drives nothing is reported.
 */
const figureState = (page: Page, index: number) =>
  page.locator(`[data-kbd="${index}"]`).evaluate((el) => {
    const html = (el.closest('figure, [data-figure]') ?? el.parentElement!).outerHTML;
    let h = 0x811c9dc5;
    for (let i = 0; i < html.length; i++) h = Math.imul(h ^ html.charCodeAt(i), 0x01000193);
    return `${html.length}:${h >>> 0}`;
  });

const changes = (page: Page, index: number, before: string) =>
  expect
    .poll(() => figureState(page, index), { timeout: 1000 })
    .not.toBe(before)
    .then(
      () => true,
      () => false,
    );

/** How a control is operated from the keyboard, by kind. Links navigate, summaries are covered by axe; a bare
 * `tabindex` element without an interactive role (a scrollable table region) is a focus stop, not a control. */
function operation(c: Control): { kind: 'none' } | { kind: 'activate' } | { kind: 'value'; steps: string[] } {
  const arrowsX = ['ArrowRight', 'ArrowLeft', 'ArrowLeft'];
  const arrowsY = ['ArrowDown', 'ArrowUp', 'ArrowUp'];
  if (c.tag === 'a' || c.tag === 'summary') return { kind: 'none' };
  if (c.tag === 'input') {
    if (c.type === 'range') return { kind: 'value', steps: arrowsX };
    if (c.type === 'radio') return { kind: 'value', steps: arrowsY };
    if (c.type === 'checkbox') return { kind: 'value', steps: ['Space'] };
    if (['button', 'submit', 'reset', 'image'].includes(c.type)) return { kind: 'activate' };
    if (c.type === 'number') return { kind: 'value', steps: ['ArrowUp', 'ArrowDown', 'ArrowDown'] };
    return { kind: 'value', steps: ['type'] }; // text-like: type a new value, then Enter
  }
  if (c.tag === 'textarea') return { kind: 'value', steps: ['type'] };
  if (c.tag === 'select') return { kind: 'value', steps: arrowsY };
  if (c.tag === 'button') return { kind: 'activate' };
  if (['slider', 'scrollbar', 'spinbutton'].includes(c.role)) return { kind: 'value', steps: [...arrowsX, 'ArrowUp'] };
  if (['radiogroup', 'listbox', 'tablist', 'menu', 'tree', 'grid'].includes(c.role))
    return { kind: 'value', steps: [...arrowsY, ...arrowsX] };
  if (['button', 'switch', 'checkbox', 'tab', 'menuitem', 'option', 'radio', 'link'].includes(c.role))
    return { kind: 'activate' };
  return { kind: 'none' };
}

interface KeyboardReport {
  stops: number;
  first: string;
  controls: Control[];
  missing: string[];
  order: { reached: number[]; expected: number[] };
  noIndicator: string[];
  inoperable: string[];
}

/** Walks a loaded, hydrated page with the keyboard only; returns everything the gate asserts on. */
async function keyboardAudit(page: Page): Promise<KeyboardReport> {
  const controls = await markFigureControls(page);
  const name = (c: Control) => `${c.tag}${c.type && c.type !== c.tag ? `[${c.type}]` : ''} "${c.label}"`;
  const unfocused = new Map<number, FocusStyle>();
  for (const c of controls) unfocused.set(c.index, await focusStyle(page, c.index));

  // Tab from the top until focus falls back to the body, wraps around, or 600 stops.
  // Start sequential navigation at the top (blur() alone keeps the old starting point, e.g. an autofocused search box).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.setAttribute('tabindex', '-1');
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const reached: number[] = [];
  const focused = new Map<number, FocusStyle>();
  let first = '';
  let stops = 0;
  for (; stops < 600; stops++) {
    await page.keyboard.press('Tab');
    const active = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return { kbd: el.getAttribute('data-kbd'), desc: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}` };
    });
    if (!active) break;
    if (stops === 0) first = active.desc;
    if (active.kbd !== null) {
      const i = Number(active.kbd);
      if (reached.includes(i)) break;
      reached.push(i);
      focused.set(i, await focusStyle(page, i));
    }
  }
  const reachedGroups = new Set(controls.filter((c) => c.group && reached.includes(c.index)).map((c) => c.group));
  const missing = controls.filter((c) => !reached.includes(c.index) && !(c.group && reachedGroups.has(c.group))).map(name);

  const noIndicator: string[] = [];
  for (const c of controls) {
    const f = focused.get(c.index);
    const u = unfocused.get(c.index)!;
    if (!f) continue; // not reached: reported as missing (or a radio whose group was reached)
    const visible = (f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) > 0) || f.boxShadow !== 'none';
    if (!visible || (f.outline === u.outline && f.boxShadow === u.boxShadow)) {
      noIndicator.push(`${name(c)}: focused outline ${f.outline}, box-shadow ${f.boxShadow}`);
    }
  }

  // Operate each control the way its kind is operated from a keyboard (see operation()).
  await page.evaluate(() => {
    const w = window as unknown as { __kbdClicks?: Record<string, number> };
    if (w.__kbdClicks) return;
    const clicks: Record<string, number> = (w.__kbdClicks = {});
    document.addEventListener(
      'click',
      (e) => {
        const k = (e.target as Element | null)?.closest?.('[data-kbd]')?.getAttribute('data-kbd');
        if (k) clicks[k] = (clicks[k] ?? 0) + 1;
      },
      true,
    );
  });
  const clicks = (i: number) =>
    page.evaluate((i) => (window as unknown as { __kbdClicks: Record<string, number> }).__kbdClicks[String(i)] ?? 0, i);
  const inoperable: string[] = [];
  for (const c of controls) {
    const control = page.locator(`[data-kbd="${c.index}"]`);
    const op = operation(c);
    if (op.kind === 'none' || (await control.count()) === 0) continue;
    if (c.group && !focused.has(c.index)) continue; // radios: operated through the group's reached member
    if (op.kind === 'activate') {
      // Enter and Space must each activate: a click reaches the control (native buttons) or the figure changes
      // (custom controls); an aria-pressed toggle must flip each time.
      for (const key of ['Enter', 'Space']) {
        if ((await control.count()) === 0) break;
        await control.focus();
        const [before, clicked, pressed] = [
          await figureState(page, c.index),
          await clicks(c.index),
          await control.getAttribute('aria-pressed'),
        ];
        await page.keyboard.press(key);
        const ok = (await clicks(c.index)) > clicked || (await changes(page, c.index, before));
        const flipped = pressed === null || (await control.getAttribute('aria-pressed').catch(() => pressed)) !== pressed;
        if (!ok) inoperable.push(`${name(c)}: ${key} does not activate it`);
        else if (!flipped) inoperable.push(`${name(c)}: ${key} does not toggle aria-pressed`);
      }
    } else {
      // Value controls: the keys must change what the figure shows (a slider that moves but drives nothing fails).
      let worked = false;
      for (const step of op.steps) {
        if ((await control.count()) === 0) break;
        await control.focus();
        const before = await figureState(page, c.index);
        if (step === 'type') {
          const value = await control.inputValue();
          const n = Number.parseFloat(value.replace('\u2212', '-')); // figures may print a true minus sign
          await control.fill(Number.isFinite(n) ? String(n === 0.25 ? 0.75 : 0.25) : `${value}x`);
          await page.keyboard.press('Enter');
        } else await page.keyboard.press(step);
        if (await changes(page, c.index, before)) {
          worked = true;
          break;
        }
      }
      if (!worked) inoperable.push(`${name(c)}: ${op.steps.join('/')} changed nothing in its figure`);
    }
  }
  return {
    stops,
    first,
    controls,
    missing,
    order: { reached, expected: reached.toSorted((a, b) => a - b) },
    noIndicator,
    inoperable,
  };
}

function assertKeyboardReport(r: KeyboardReport, path: string) {
  expect(r.first, `/${path}: the first Tab stop`).toMatch(/skip-link/);
  expect(r.missing, `/${path}: figure controls never reached by Tab`).toEqual([]);
  expect(r.order.reached, `/${path}: figure controls in document order`).toEqual(r.order.expected);
  expect(r.noIndicator, `/${path}: controls without a visible focus indicator`).toEqual([]);
  expect(r.inoperable, `/${path}: controls that do not respond to the keyboard`).toEqual([]);
}

describe('keyboard-only use', () => {
  for (const path of pagesUnderTest(pages)) {
    it(
      `/${path}: Tab reaches every figure control in order, with a visible focus indicator, and each operates`,
      { timeout: 180_000 },
      async () => {
        const { context, page, log } = await openPage(browser, server.origin);
        await page.goto(server.url(path), { waitUntil: 'load' });
        await hydrateAll(page);
        const positive = await page
          .locator('[tabindex]')
          .evaluateAll((els) => els.filter((e) => Number(e.getAttribute('tabindex')) > 0).map((e) => e.outerHTML.slice(0, 80)));
        expect(positive, 'elements with a positive tabindex').toEqual([]);
        const r = await keyboardAudit(page);
        assertKeyboardReport(r, path);
        expect(consoleProblems(log)).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        summary.push(
          `/${path}: ${r.stops} Tab stops; ${r.controls.length} figure controls, all reached in order, with a focus indicator, operable`,
        );
        await context.close();
      },
    );
  }

  it('catches planted defects: an unreachable control, a control without focus ring, one that ignores the keyboard', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(''), { waitUntil: 'load' });
    await page.evaluate(() => {
      const fig = document.createElement('figure');
      fig.innerHTML =
        '<figcaption>planted</figcaption>' +
        '<button type="button" id="p-no-ring" style="outline:none;box-shadow:none">no ring</button>' +
        '<div tabindex="0" role="button" id="p-dead">dead div</div>' +
        '<input type="range" aria-label="unreachable" tabindex="-1" style="display:block">';
      document.querySelector('main')!.prepend(fig);
      // a working control for contrast: its button toggles the caption
      const ok = document.createElement('button');
      ok.type = 'button';
      ok.textContent = 'works';
      ok.addEventListener('click', () => (fig.querySelector('figcaption')!.textContent += '!'));
      fig.append(ok);
    });
    const r = await keyboardAudit(page);
    console.log(
      `planted keyboard defects → missing ${JSON.stringify(r.missing)}; no indicator ${JSON.stringify(r.noIndicator)}; inoperable ${JSON.stringify(r.inoperable)}`,
    );
    expect(r.missing).toEqual(['input[range] "unreachable"']);
    expect(r.noIndicator).toEqual([expect.stringContaining('button "no ring"')]);
    expect(r.inoperable).toEqual([
      'div "dead div": Enter does not activate it',
      'div "dead div": Space does not activate it',
      'input[range] "unreachable": ArrowRight/ArrowLeft/ArrowLeft changed nothing in its figure',
    ]);
    await context.close();
  });
});
