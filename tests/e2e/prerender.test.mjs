// The pre-rendered first screen (scripts/prerender.mjs): before any wasm runs, the page shows
// the requested scenario's own pod diagram as inline SVG with a loading state, inert; when the
// app takes over, no landmark of the layout moves. Screenshots of both, desktop and phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openRecordedPage, screenshot, startServer } from './helpers.mjs';

const LANDMARKS = ['.masthead', '.workspace', '.left-column', '.right-column', 'svg.pod-diagram',
  '.terminal-panel'];

/** Boxes of the landmarks that are displayed, by selector. */
function boxes(page) {
  return page.evaluate((sels) => Object.fromEntries(sels.map((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
    const r = el?.getBoundingClientRect();
    return [sel, r ? [r.x, r.y, r.width, r.height].map(Math.round) : null];
  })), LANDMARKS);
}

describe('pre-rendered first screen', () => {
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

  for (const [scenario, volumes] of [['shared-volume', 1], ['localhost', 0], ['docs-original', 1]]) {
    test(`?scenario=${scenario} paints its own diagram before the wasm loads`, async () => {
      const { page, close } = await openRecordedPage(browser);
      // Held, never answered: the page as it is while the wasm is still on its way.
      await page.route(/\.wasm$/, () => {});
      await page.goto(`${server.url}?scenario=${scenario}`, { waitUntil: 'domcontentloaded' });
      const block = page.locator(`[data-prerender="${scenario}"][lang="en"]:not([data-embed-poster]):not([data-narrow])`);
      assert.equal(await block.getAttribute('inert'), '', 'the pre-rendered block is inert');
      const svg = block.locator('svg.pod-diagram');
      assert.ok(await svg.isVisible(), 'its diagram is shown');
      assert.equal(await page.locator('svg.pod-diagram:visible').count(), 1, 'only one block shows');
      assert.equal(await svg.locator('g.volume').count() > 0, volumes > 0,
        'the volume is drawn exactly when the scenario has one');
      assert.match(await page.locator('.first-screen-status').textContent(), /Starting/);
      assert.equal(await page.locator('[data-testid]').count(), 0, 'tests never find the copy');
      if (scenario === 'shared-volume') console.log(`screenshot: ${await screenshot(page, 'prerender-desktop')}`);
      await close();
    });
  }

  test('lang=es paints the Spanish copy of the screen, and the status line says so', async () => {
    const { page, close } = await openRecordedPage(browser, { width: 360, height: 740 });
    await page.route(/\.wasm$/, () => {});
    await page.goto(`${server.url}?scenario=localhost&lang=es`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await page.title(), 'podscope — dentro de un pod de Kubernetes');
    const shown = page.locator('[data-prerender]:visible');
    assert.equal(await shown.count(), 1, 'one block shows');
    assert.equal(await shown.getAttribute('lang'), 'es');
    assert.equal(await shown.getAttribute('data-prerender'), 'localhost');
    assert.notEqual(await shown.getAttribute('data-narrow'), null, 'the phone gets the stacked copy');
    assert.match(await shown.locator(".app-subtitle").textContent(), /Dentro de un pod de Kubernetes/);
    assert.equal(await page.locator('.first-screen-status').textContent(), 'Iniciando la simulación…');
    console.log(`screenshot: ${await screenshot(page, 'prerender-phone-es')}`);
    await close();
  });

  test('without JavaScript the inert screen stays, with a note in both languages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?scenario=localhost`, { waitUntil: 'load' });
    assert.ok(await page.locator('svg.pod-diagram').first().isVisible(), 'the pre-rendered diagram shows');
    const note = page.locator('.noscript');
    assert.ok(await note.isVisible());
    assert.match(await note.textContent(), /please\s+enable JavaScript[\s\S]*activa JavaScript/);
    assert.ok(!(await page.locator('.first-screen-status').isVisible()), 'nothing says it is starting');
    console.log(`screenshot: ${await screenshot(page, 'prerender-noscript')}`);
    await context.close();
  });

  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 360, height: 740 }]]) {
    test(`the swap to the live app moves no landmark (${name})`, async () => {
      const pre = await openRecordedPage(browser, viewport);
      await pre.page.route(/\.wasm$/, (route) => route.abort());
      await pre.page.goto(`${server.url}?scenario=localhost`, { waitUntil: 'load' });
      const before = await boxes(pre.page);
      console.log(`screenshot: ${await screenshot(pre.page, `prerender-${name}-localhost`)}`);
      await pre.close();

      const live = await openRecordedPage(browser, viewport);
      await live.page.goto(`${server.url}?scenario=localhost`, { waitUntil: 'load' });
      await live.page.locator('[data-testid="pod-diagram"]').waitFor({ state: 'visible' });
      assert.equal(await live.page.locator('[data-prerender], .first-screen-status').count(), 0,
        'the app replaced the pre-rendered screen');
      const after = await boxes(live.page);
      console.log(`screenshot: ${await screenshot(live.page, `live-${name}-localhost`)}`);
      assert.deepEqual(live.errors, []);
      await live.close();
      for (const sel of LANDMARKS) assert.ok(after[sel], `${sel} is drawn by the app`);
      assert.deepEqual(before, after);
    });
  }
});
