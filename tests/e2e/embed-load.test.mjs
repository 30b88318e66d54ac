// How an embed starts and stops (web/start.js, src/ui/on_screen.rs), framed by a blog page on
// another origin as WordPress does (dist/ served with Access-Control-Allow-Origin: *):
//   - three load=lazy embeds on one page, tall spacers between: each shows the poster of its own
//     scenario, and the wasm is requested only by the frame scrolled to; the swap moves nothing;
//   - a narrow, tall frame shows the stacked poster, which the live app replaces in place;
//   - load=click waits for its Start button (reached and pressed with the keyboard);
//   - playback pauses while the frame is scrolled away or the tab is hidden, and resumes;
//   - autoplay=1 waits until the frame is seen, and never plays with reduced motion;
//   - a wasm that cannot load (404, blocked, damaged, a 404 glue script) shows "podscope could
//     not load" with the reason; a slow one says so and still starts.
// It also prints what a page of three embeds costs before any scrolling, lazy against eager.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openRecordedPage, screenshot, startCorsServer, startServer } from './helpers.mjs';
import { byTestId } from './app.mjs';

const APP_WASM = /\/podscope-web-[0-9a-f]+_bg\.wasm$/;
const SPACER = '<div style="height:3000px" aria-hidden="true"></div>';

describe('embeds start when seen, pause when not', () => {
  let browser;
  let dist;
  let host;
  let hostDir;
  before(async () => {
    browser = await launchBrowser();
    dist = await startCorsServer();
    hostDir = await mkdtemp(join(tmpdir(), 'podscope-blog-'));
    host = await startServer(hostDir);
  });
  after(async () => {
    await browser?.close();
    await dist?.stop();
    await host?.stop();
  });

  /** Writes a blog page `name` holding `frames` (HTML) and returns its URL. */
  async function blog(name, frames) {
    await writeFile(join(hostDir, name), `<!DOCTYPE html><html lang="en"><title>A blog post</title>
<link rel="icon" href="data:,"><body style="margin:8px;font:16px serif">
<h1>Two containers, one pod</h1><p>Some words before the embeds.</p>
${frames}
</body></html>`);
    return `${host.url}${name}`;
  }

  /** An iframe of the embed with `query`, 640x400. */
  function frame(id, query) {
    return `<iframe id="${id}" src="${dist.url}embed.html?${query}" title="podscope ${id}" width="640" height="400" style="border:1px solid #999;display:block"></iframe>`;
  }

  /** Counts the app's wasm requests by the scenario named in the requesting frame's URL. */
  function countWasm(page) {
    const byScenario = {};
    page.on('request', (request) => {
      if (!APP_WASM.test(request.url())) return;
      const scenario = new URL(request.frame().url()).searchParams.get('scenario') ?? 'top';
      byScenario[scenario] = (byScenario[scenario] ?? 0) + 1;
    });
    return byScenario;
  }

  /** The scrubber's value (the step shown) inside `frame`. */
  const position = async (frameLocator) => Number(await frameLocator.locator('.scrubber').inputValue());

  test('three lazy embeds: each shows its own poster, and only the one scrolled to fetches the wasm', async () => {
    const url = await blog('three.html', [
      frame('a', 'scenario=shared-volume'), SPACER,
      frame('b', 'scenario=localhost'), SPACER,
      frame('c', 'scenario=docs-original'), SPACER,
    ].join('\n'));
    const s = await openRecordedPage(browser, { width: 700, height: 600 });
    const wasm = countWasm(s.page);
    await s.page.goto(url, { waitUntil: 'networkidle' });
    const a = s.page.frameLocator('#a');
    await a.locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    await s.page.waitForTimeout(1000);
    assert.deepEqual(wasm, { 'shared-volume': 1 }, 'only the frame in view fetched the wasm');

    // The frames below show their scenario's poster: the pre-rendered embed, no app.
    for (const [id, scenario] of [['b', 'localhost'], ['c', 'docs-original']]) {
      const f = s.page.frame({ url: new RegExp(`scenario=${scenario}`) });
      const shown = await f.evaluate(() => [...document.querySelectorAll('[data-prerender]')]
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => `${el.dataset.prerender}${el.hasAttribute('data-embed-poster') ? ' poster' : ''}`));
      assert.deepEqual(shown, [`${scenario} poster`], id);
      assert.equal(await f.locator('[data-testid="pod-diagram"]').count(), 0, `${id} has no live app yet`);
    }

    // Scrolled to the third: it starts, the second still does not; the diagram stays put.
    const c = s.page.frame({ url: /scenario=docs-original/ });
    const posterBox = await c.evaluate(() => {
      const block = [...document.querySelectorAll('[data-embed-poster]')].find((el) => getComputedStyle(el).display !== 'none');
      const r = block.querySelector('.pod-diagram').getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    });
    await s.page.locator('#c').scrollIntoViewIfNeeded();
    await s.page.frameLocator('#c').locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    const liveBox = await c.evaluate(() => {
      const r = document.querySelector('[data-testid="pod-diagram"]').getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    });
    assert.deepEqual(liveBox, posterBox, 'the live diagram is where the poster drew it');
    assert.deepEqual(wasm, { 'shared-volume': 1, 'docs-original': 1 });
    await s.page.locator('#b').scrollIntoViewIfNeeded();
    await s.page.frameLocator('#b').locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(wasm, { 'shared-volume': 1, 'docs-original': 1, localhost: 1 });
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('a narrow, tall frame shows the stacked poster, and the live app draws it in place', async () => {
    const url = await blog('narrow.html', `<iframe id="n" src="${dist.url}embed.html?scenario=localhost" title="podscope narrow" width="360" height="600" style="border:0;display:block"></iframe>`);
    const s = await openRecordedPage(browser, { width: 400, height: 700 });
    await s.page.route(APP_WASM, async (route) => {
      // Hold the wasm back long enough to read the poster.
      await new Promise((resolve) => { setTimeout(resolve, 1500); });
      await route.continue();
    });
    await s.page.goto(url);
    const n = s.page.frame({ url: /scenario=localhost/ });
    await n.waitForSelector('[data-prerender]', { state: 'attached' });
    const poster = await n.evaluate(() => {
      const shown = [...document.querySelectorAll('[data-prerender]')].filter((el) => getComputedStyle(el).display !== 'none');
      const r = shown[0]?.querySelector('.pod-diagram')?.getBoundingClientRect();
      return {
        shown: shown.map((el) => `${el.dataset.prerender}${el.hasAttribute('data-narrow') ? ' narrow' : ''}`),
        box: r ? [r.x, r.y, r.width, r.height].map(Math.round) : null,
      };
    });
    assert.deepEqual(poster.shown, ['localhost narrow'], 'the stacked poster, alone');
    await screenshot(s.page, 'embed-narrow-poster-360x600');
    await s.page.frameLocator('#n').locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    const live = await n.evaluate(() => {
      const r = document.querySelector('[data-testid="pod-diagram"]').getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    });
    assert.deepEqual(live, poster.box, 'the live diagram is where the stacked poster drew it');
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('load=click shows the poster under a Start button, reached and pressed by keyboard', async () => {
    const s = await openRecordedPage(browser, { width: 640, height: 400 });
    const wasm = countWasm(s.page);
    await s.page.goto(`${dist.url}?embed=1&scenario=docs-original&load=click`, { waitUntil: 'networkidle' });
    const start = s.page.getByRole('button', { name: 'Start the podscope simulation: Docs original' });
    await start.waitFor();
    await s.page.waitForTimeout(800);
    assert.deepEqual(wasm, {}, 'nothing fetched before the click');
    await screenshot(s.page, 'embed-load-click-640x400');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.activeElement?.dataset.testid), 'poster-start');
    await s.page.keyboard.press('Enter');
    await byTestId(s.page, 'pod-diagram').waitFor({ timeout: 20_000 });
    assert.deepEqual(wasm, { 'docs-original': 1 });
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('the poster speaks the reader\'s language: lang=es, or a browser in es-ES', async () => {
    const s = await openRecordedPage(browser, { width: 640, height: 400 });
    await s.page.goto(`${dist.url}?embed=1&scenario=localhost&load=click&lang=es`, { waitUntil: 'networkidle' });
    await s.page.getByRole('button', { name: '▶ Empezar la simulación de podscope: Localhost' }).waitFor();
    assert.equal(await s.page.locator('.first-screen-status').textContent(), 'Iniciando la simulación…');
    await screenshot(s.page, 'embed-load-click-es');
    await s.close();
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'es-ES' });
    try {
      const page = await context.newPage();
      await page.goto(`${dist.url}?embed=1&scenario=shared-volume&load=click`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: '▶ Empezar la simulación de podscope: Volumen compartido' }).waitFor();
      await page.goto(`${dist.url}?embed=1&scenario=shared-volume&load=click&lang=xx`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: '▶ Start the podscope simulation: Shared volume' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('playback pauses while the frame is scrolled away or the tab is hidden, and resumes', async () => {
    const url = await blog('pause.html', `${frame('p', 'scenario=localhost&load=eager&autoplay=1&from=0&to=13&loop=1')}\n${SPACER}`);
    const s = await openRecordedPage(browser, { width: 700, height: 600 });
    await s.page.goto(url, { waitUntil: 'networkidle' });
    const p = s.page.frameLocator('#p');
    await p.locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    const moves = async () => {
      const first = await position(p);
      for (let i = 0; i < 40; i += 1) {
        await s.page.waitForTimeout(100);
        if (await position(p) !== first) return true;
      }
      return false;
    };
    assert.ok(await moves(), 'autoplay plays while the frame is in view');
    await s.page.evaluate(() => window.scrollTo(0, 2500));
    await s.page.waitForTimeout(400);
    assert.equal(await moves(), false, 'nothing moves while the frame is scrolled away');
    await s.page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await moves(), 'it resumes in view');
    // Headless Chromium never hides a tab: the frame is told its document became hidden.
    const inFrame = s.page.frame({ url: /scenario=localhost/ });
    const setHidden = (hidden) => inFrame.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    await s.page.waitForTimeout(300);
    assert.equal(await moves(), false, 'nothing moves in a hidden tab');
    await setHidden(false);
    assert.ok(await moves(), 'it resumes when the tab shows');
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('autoplay=1 starts once the frame is seen, and not at all with reduced motion', async () => {
    const url = await blog('autoplay.html', `${SPACER}\n${frame('ap', 'scenario=localhost&load=eager&autoplay=1')}`);
    for (const reducedMotion of ['no-preference', 'reduce']) {
      const context = await browser.newContext({ viewport: { width: 700, height: 600 }, reducedMotion });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const f = page.frameLocator('#ap');
      await f.locator('[data-testid="pod-diagram"]').waitFor({ state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(1000);
      const end = Number(await f.locator('.scrubber').getAttribute('max'));
      assert.ok(end > 3, `a trace to play (${end} steps)`);
      assert.equal(await position(f), end, `${reducedMotion}: not played while unseen`);
      assert.ok(await f.locator('[data-testid="pause"]').isDisabled(), `${reducedMotion}: paused while unseen`);
      await page.locator('#ap').scrollIntoViewIfNeeded();
      if (reducedMotion === 'reduce') {
        await page.waitForTimeout(2000);
        assert.equal(await position(f), end, 'reduced motion: autoplay stays off');
        assert.ok(await f.locator('[data-testid="pause"]').isDisabled());
      } else {
        await f.locator('[data-testid="pause"]:not([disabled])').waitFor({ timeout: 5000 });
        assert.ok(await position(f) < end, 'seen: it plays from the first step');
      }
      await context.close();
    }
  });

  test('a wasm that cannot load says why, with Try again; a slow one says so and still starts', async () => {
    const cases = [
      ['404', '**/podscope-web-*_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }), /_bg\.wasm could not be loaded: the server answered HTTP 404/],
      ['blocked', '**/podscope-web-*_bg.wasm', (r) => r.abort('blockedbyclient'), /_bg\.wasm could not be loaded: the request failed/],
      ['damaged', '**/podscope-web-*_bg.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm at all' }), /_bg\.wasm arrived but is not a module this browser can run/],
      ['glue-404', '**/podscope-web-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }), /podscope-web-[0-9a-f]+\.js could not be loaded: the server answered HTTP 404/],
    ];
    for (const [name, pattern, answer, why] of cases) {
      const s = await openRecordedPage(browser, { width: 640, height: 400 });
      await s.page.route(pattern, answer);
      await s.page.goto(`${dist.url}?embed=1&scenario=localhost&load=eager`);
      const panel = byTestId(s.page, 'crash-panel');
      await panel.waitFor({ timeout: 15_000 });
      assert.equal(await panel.getAttribute('data-kind'), 'load', name);
      assert.equal(await s.page.locator('#crash-title').textContent(), 'podscope could not load');
      assert.match(await byTestId(s.page, 'crash-why').textContent(), why, name);
      assert.equal(await byTestId(s.page, 'crash-reload').textContent(), 'Try again');
      assert.ok(await panel.getByRole('button', { name: 'Try again' }).isVisible());
      if (name === '404') await screenshot(s.page, 'embed-load-failed-640x400');
      await s.close();
    }

    const s = await openRecordedPage(browser, { width: 640, height: 400 });
    await s.page.addInitScript(() => { window.podscopeSlowLoadMs = 800; });
    let release;
    const held = new Promise((done) => { release = done; });
    await s.page.route('**/podscope-web-*_bg.wasm', async (route) => { await held; await route.continue(); });
    await s.page.goto(`${dist.url}?embed=1&scenario=localhost&load=eager`);
    const slow = byTestId(s.page, 'load-slow');
    await slow.waitFor({ timeout: 10_000 });
    assert.match(await slow.textContent(), /still loading after 1 seconds?: the connection may be slow/);
    release();
    await byTestId(s.page, 'pod-diagram').waitFor({ timeout: 20_000 });
    assert.equal(await slow.count(), 0, 'the note goes with the poster');
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('what three embeds cost before scrolling: lazy against eager', async () => {
    const figures = [];
    for (const [layout, before] of [['first in view', ''], ['all below the fold', SPACER]]) {
      for (const load of ['lazy', 'eager']) {
        const frames = ['shared-volume', 'localhost', 'docs-original']
          .map((sc, i) => frame(`m${i}`, `scenario=${sc}&load=${load}`)).join(`\n${SPACER}\n`);
        const url = await blog(`cost-${load}-${before ? 'below' : 'top'}.html`, `${before}\n${frames}`);
        const context = await browser.newContext({ viewport: { width: 700, height: 600 } });
        const page = await context.newPage();
        const finished = [];
        page.on('requestfinished', (request) => finished.push(request));
        // Main-thread work and memory: the renderer's own counters (the frames share its process,
        // being of the same site).
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const started = Date.now();
        await page.goto(url, { waitUntil: 'networkidle' });
        const ms = Date.now() - started;
        await page.waitForTimeout(500);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
        let bytes = 0;
        let wasmBytes = 0;
        for (const request of finished) {
          const size = (await request.sizes()).responseBodySize;
          bytes += size;
          if (APP_WASM.test(request.url())) wasmBytes += size;
        }
        const wasm = finished.filter((r) => APP_WASM.test(r.url())).length;
        figures.push({
          layout, load, requests: finished.length, wasm, kib: Math.round(bytes / 1024),
          wasmKib: Math.round(wasmBytes / 1024), ms,
          cpuMs: Math.round(metric('TaskDuration') * 1000), heapMiB: Math.round(metric('JSHeapUsedSize') / 2 ** 20),
        });
        await context.close();
      }
    }
    console.log('three embeds before scrolling (uncompressed bytes, python http.server, this machine):');
    console.table(figures);
    const get = (layout, load) => figures.find((f) => f.layout === layout && f.load === load);
    assert.equal(get('all below the fold', 'lazy').wasm, 0);
    assert.equal(get('first in view', 'lazy').wasm, 1);
    assert.equal(get('first in view', 'eager').wasm, 3);
    // Lazy frames fetch no wasm, and their page (embed.html, scripts/pages.mjs) carries only the
    // embed posters: measured 460 KiB against 2,243 KiB uncompressed (4.9x; the three frames'
    // embed.html is 378 KiB of it); on index.html, with all 22 screens, lazy frames had fetched
    // 1,272 KiB.
    assert.ok(get('all below the fold', 'lazy').kib * 4 < get('all below the fold', 'eager').kib);
  });
});
