// Accessibility of the release build in Debian's headless Chromium: axe-core reports zero
// violations (any impact) in the normal, embed and presenter views, with the system in light and
// in dark colour scheme; themes, reduced motion, the announcer and phone layouts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { openApp, runLine } from './app.mjs';

const require = createRequire(import.meta.url);

/** The views people meet: full app, blog embed, classroom projector. */
const VIEWS = [
  { name: 'normal', query: '' },
  { name: 'embed', query: '?embed=1', viewport: { width: 640, height: 400 } },
  { name: 'presenter', query: '?profile=projector', viewport: { width: 1920, height: 1080 } },
];

/** axe-core's violations on `page`, one readable line per rule with the offending nodes. */
async function axeViolations(page, axeSource) {
  // Evaluated through the DevTools protocol: the app's CSP refuses an inline <script> tag.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => globalThis.axe.run(document));
  return result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('accessibility (axe-core) in every view and colour scheme', () => {
  let server;
  let browser;
  let axeSource;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const view of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${view.name} view, ${colorScheme}: zero axe violations`, async () => {
        const session = await openApp(browser, server, view.query, view.viewport);
        try {
          await session.page.emulateMedia({ colorScheme });
          // Let a transition settle before axe measures colours.
          await session.page.waitForTimeout(300);
          console.log(`screenshot: ${await screenshot(session.page, `a11y-${view.name}-${colorScheme}`)}`);
          assert.deepEqual(await axeViolations(session.page, axeSource), []);
          assert.deepEqual(session.errors, []);
        } finally {
          await session.close();
        }
      });
    }
  }
});

describe('themes, reduced motion and the screen-reader announcer', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const DARK_BG = 'rgb(15, 20, 27)';
  const LIGHT_BG = 'rgb(238, 241, 245)';

  test('the theme follows the system, the switch pins it, the full app remembers it', async () => {
    const session = await openApp(browser, server, '');
    try {
      const { page } = session;
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await background(page), DARK_BG);
      const toggle = page.locator('[data-testid="theme-toggle"]');
      assert.equal(await toggle.textContent(), 'Theme: system');
      await toggle.click();
      assert.equal(await toggle.textContent(), 'Theme: light');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
      assert.equal(await background(page), LIGHT_BG, 'light pinned over a dark system');
      await page.reload({ waitUntil: 'networkidle' });
      await page.locator('[data-testid="pod-diagram"]').waitFor();
      assert.equal(await page.locator('[data-testid="theme-toggle"]').textContent(), 'Theme: light');
      assert.equal(await background(page), LIGHT_BG, 'the choice survives a reload');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test('theme= in an embed pins the theme and the embed stores nothing about it', async () => {
    const session = await openApp(browser, server, '?embed=1&theme=dark', { width: 640, height: 400 });
    try {
      const { page } = session;
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      assert.equal(await background(page), DARK_BG);
      assert.equal(await page.evaluate(() => localStorage.getItem('podscope.theme')), null);
    } finally {
      await session.close();
    }
  });

  test('with reduced motion nothing flies: a command\'s steps appear at once, summarised politely', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?scenario=localhost', server.url).href, { waitUntil: 'networkidle' });
      await page.locator('[data-testid="pod-diagram"]').waitFor();
      for (const line of ['apt-get update', 'apt-get install -y curl']) {
        await runLine(page, 'debian-container', line);
      }
      await runLine(page, 'debian-container', 'curl -s localhost');
      // Sampled over a second: never a packet in flight, and the picture is at the last step.
      for (let i = 0; i < 5; i += 1) {
        assert.equal(await page.locator('.flight-icon').count(), 0, 'something flies');
        await page.waitForTimeout(200);
      }
      const step = await page.locator('.control-step').textContent();
      const [, at, of] = /step (\d+) of (\d+)/.exec(step);
      assert.equal(at, of, step);
      // The live region says the burst in one sentence, not once per packet.
      const announcer = page.locator('[data-testid="announcer"]');
      assert.equal(await announcer.getAttribute('aria-live'), 'polite');
      await page.waitForFunction(() => /^\d+ packets on lo/.test(document.querySelector('[data-testid="announcer"]').textContent), null, { timeout: 5000 });
      const said = await announcer.textContent();
      assert.match(said, /Last: /);
      // One step back is announced as that step's caption.
      await page.locator('[data-testid="step-back"]').click();
      const caption = await page.locator('[data-testid="event-caption"]').textContent();
      await page.waitForFunction((c) => document.querySelector('[data-testid="announcer"]').textContent === c, caption, { timeout: 5000 });
      console.log(`screenshot: ${await screenshot(page, 'a11y-reduced-motion')}`);
      // An embed asked to autoplay stays paused: with reduced motion nothing starts moving.
      await page.goto(new URL('?embed=1&autoplay=1&scenario=localhost', server.url).href, { waitUntil: 'networkidle' });
      await page.locator('[data-testid="pod-diagram"]').waitFor();
      const first = await page.locator('.control-step').textContent();
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('[data-testid="play"]').isDisabled(), false, 'autoplay started playing');
      assert.equal(await page.locator('.control-step').textContent(), first);
    } finally {
      await context.close();
    }
  });
});

describe('phones', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [{ width: 360, height: 740 }, { width: 740, height: 360 }]) {
    test(`${viewport.width}x${viewport.height}: no horizontal page scroll, the terminal reachable`, async () => {
      const session = await openApp(browser, server, '?scenario=shared-volume', viewport);
      try {
        const { page } = session;
        console.log(`screenshot: ${await screenshot(page, `a11y-phone-${viewport.width}x${viewport.height}`)}`);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= client, `the page scrolls sideways: ${scroll} > ${client}`);
        // The diagram's words stay readable: the stacked drawing upright, the full width sideways.
        const smallest = await page.evaluate(() => {
          const svg = document.querySelector('[data-testid="pod-diagram"]');
          const scale = svg.getScreenCTM().a;
          let min = Infinity;
          for (const t of svg.querySelectorAll('text, tspan')) {
            const r = t.getBoundingClientRect();
            if (!t.textContent.trim() || r.width === 0) continue;
            min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
          }
          return min;
        });
        console.log(`${viewport.width}x${viewport.height}: smallest diagram text ${smallest.toFixed(1)} px`);
        assert.ok(smallest >= 10, `diagram text ${smallest.toFixed(1)} px`);
        const label = await page.locator('[data-testid="pod-diagram"]').getAttribute('aria-label');
        assert.match(label, /Container nginx-container \(image nginx\): (Running|Waiting)/);
        // A phone's on-screen keyboard: no autocorrect or capitals, a Send key, text large
        // enough that the browser does not zoom in; text arrives as input, not key by key.
        const input = page.locator('[data-testid="terminal-input-debian-container"]');
        await input.scrollIntoViewIfNeeded();
        assert.ok(await input.isVisible(), 'the command line is on the page');
        const attrs = await input.evaluate((el) => ({
          cap: el.getAttribute('autocapitalize'), correct: el.getAttribute('autocorrect'),
          enter: el.getAttribute('enterkeyhint'), size: parseFloat(getComputedStyle(el).fontSize),
        }));
        assert.deepEqual({ ...attrs, size: attrs.size >= 16 }, { cap: 'off', correct: 'off', enter: 'send', size: true });
        await input.focus();
        await page.keyboard.insertText('echo hi > /pod-data/index.html');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => /echo hi/.test(document.querySelector('[data-testid="terminal-output-debian-container"]').textContent));
        console.log(`screenshot: ${await screenshot(page, `a11y-phone-${viewport.width}x${viewport.height}-typed`)}`);
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    });
  }
});

describe('keyboard reach', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the first Tab stop skips to the terminal; the event list is one Tab stop with arrow keys', async () => {
    const session = await openApp(browser, server, '?scenario=shared-volume');
    try {
      const { page } = session;
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'skip-to-terminal');
      // Screen readers: each terminal's output is a named log region; the diagram says in words
      // what it shows (containers, their states, the volume, who listens where).
      const log = page.locator('.terminal-pane:not([hidden]) .terminal-screen');
      assert.deepEqual(
        [await log.getAttribute('role'), await log.getAttribute('aria-label')],
        ['log', 'output of debian-container'],
      );
      const said = await page.locator('[data-testid="pod-diagram"]').getAttribute('aria-label');
      for (const part of ['Container debian-container (image debian): Running', 'emptyDir volume: shared-data', 'Listening on the shared loopback: 0.0.0.0:80 nginx']) {
        assert.ok(said.includes(part), `${part} missing from ${said}`);
      }
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.dataset.testid ?? '');
      assert.match(focused, /^terminal-input-/);
      await runLine(page, 'debian-container', "echo hi > /pod-data/index.html");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="event"]').length > 3);
      const stops = await page.evaluate(
        () => [...document.querySelectorAll('[data-testid="event"]')].filter((b) => b.tabIndex === 0).length,
      );
      assert.equal(stops, 1, 'exactly one event row is in the Tab order');
      await page.locator('[data-testid="event"][tabindex="0"]').focus();
      const before = await page.evaluate(() => document.activeElement.dataset.seq);
      await page.keyboard.press('ArrowUp');
      const after = await page.evaluate(() => document.activeElement.dataset.seq);
      assert.notEqual(after, before, 'ArrowUp moved the focus inside the list');
      assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0);
      // A visible focus ring on the focused row.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
