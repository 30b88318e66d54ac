// The page keeps pace with long command lines (issues 10, 11, 13): a 1,000-curl loop runs in
// slices while clicks are answered, Ctrl-C stops a loop at once, a `sleep 1` loop prints once
// a second, and the picture stays within about a second of the terminal, with a jump-to-now
// control. Figures are printed (also at 4× CPU throttle) for the README and the closing note.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp, runLine, showTerminal, typeLine } from './app.mjs';

const DEBIAN = 'debian-container';
const LOOP = 'for i in $(seq 1000); do curl -s localhost >/dev/null; done';

/** In the page: records the longest gap between animation frames until `stop()` is called. */
function watchFrames(page) {
  return page.evaluate(() => {
    window.__frames = { max: 0, last: performance.now(), on: true, clicks: [] };
    // The Event Timing API's duration: from the press to the next frame painted after its
    // handlers ran, what a person waits (what Chrome reports as INP).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'click' && window.__frames.on) window.__frames.clicks.push(Math.round(e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    const step = (now) => {
      const f = window.__frames;
      f.max = Math.max(f.max, now - f.last);
      f.last = now;
      if (f.on) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** Milliseconds from a real click on a tab until the page has drawn the tab as selected. */
async function clickLatency(page, id) {
  const tab = byTestId(page, `tab-${id}`);
  const start = Date.now();
  await tab.click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-selected') === 'true',
    `[data-testid="tab-${id}"]`, { polling: 'raf' });
  return Date.now() - start;
}

/** Whether terminal `id` still runs a line. */
function running(page, id) {
  return byTestId(page, `terminal-${id}`).evaluate((el) => el.classList.contains('is-running'));
}

/** Installs curl in debian. */
async function withCurl(page) {
  await runLine(page, DEBIAN, 'apt-get update >/dev/null && apt-get install -y curl >/dev/null');
}

/** Runs the 1,000-curl loop; returns { loopMs, maxFrameGap, clicks: [ms…] }. */
async function curlLoop(page) {
  await watchFrames(page);
  const started = Date.now();
  await typeLine(page, DEBIAN, LOOP);
  const clicks = [];
  for (const id of ['kubectl', DEBIAN, 'kubectl', DEBIAN]) {
    if (!(await running(page, DEBIAN))) break;
    clicks.push(await clickLatency(page, id));
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="terminal-debian-container"]').classList.contains('is-running'),
    null, { timeout: 120_000, polling: 'raf' });
  const loopMs = Date.now() - started;
  const { maxFrameGap, painted } = await page.evaluate(() => {
    window.__frames.on = false;
    return { maxFrameGap: window.__frames.max, painted: window.__frames.clicks };
  });
  return { loopMs, maxFrameGap: Math.round(maxFrameGap), clicks, painted };
}

/** Starts an endless loop, presses Ctrl-C after `afterMs`; returns the ms until it stopped. */
async function ctrlC(page, afterMs) {
  await typeLine(page, DEBIAN, 'while true; do curl -s localhost >/dev/null; done');
  await page.waitForTimeout(afterMs);
  assert.ok(await running(page, DEBIAN), 'the endless loop stopped by itself');
  await page.evaluate(() => {
    const term = document.querySelector('[data-testid="terminal-debian-container"]');
    window.__stop = { pressed: 0, stopped: 0 };
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey && e.key === 'c' && !window.__stop.pressed) window.__stop.pressed = performance.now();
    }, { capture: true });
    new MutationObserver(() => {
      if (!term.classList.contains('is-running') && !window.__stop.stopped) window.__stop.stopped = performance.now();
    }).observe(term, { attributes: true, attributeFilter: ['class'] });
  });
  await (await showTerminal(page, DEBIAN)).press('Control+c');
  await page.waitForFunction(() => window.__stop.stopped > 0, null, { polling: 'raf' });
  return page.evaluate(() => Math.round(window.__stop.stopped - window.__stop.pressed));
}

describe('keeping pace', () => {
  let server;
  let browser;
  const sessions = [];
  const open = async (query) => {
    const session = await openApp(browser, server, query);
    sessions.push(session);
    return session;
  };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await server?.stop();
  });

  test('the 1,000-curl loop runs in slices: clicks are answered, Ctrl-C stops a loop at once', async () => {
    const { page, errors } = await open('?scenario=localhost');
    await withCurl(page);
    // The loop runs in slices, so the page answers clicks while it runs (the loop may end after
    // one click: it takes under 2 s). Speed is a figure, printed and not asserted: a click
    // painted under 100 ms after the press (Event Timing), frames, the loop's length.
    const loop = await curlLoop(page);
    console.log(`figure: 1000-curl loop ${loop.loopMs} ms, longest frame gap ${loop.maxFrameGap} ms, clicks answered in ${loop.clicks.join(', ')} ms (Playwright round trips), painted ${loop.painted.join(', ') || 'under 16'} ms after the press (Event Timing)`);
    assert.ok(loop.clicks.length >= 1, 'the page answered no click while the loop ran');
    const stopMs = await ctrlC(page, 500);
    console.log(`figure: Ctrl-C stopped an endless loop in ${stopMs} ms`);
    // The goal is under 100 ms (the figure above); the assertion is the behaviour — Ctrl-C
    // stops an endless loop promptly, the tab is not frozen — with room for a loaded machine.
    assert.ok(stopMs < 1000, `Ctrl-C took ${stopMs} ms`);
    await runLine(page, DEBIAN, 'echo status $?');
    const text = await byTestId(page, `terminal-output-${DEBIAN}`).textContent();
    assert.match(text, /\^C\n[^]*status 130/);
    assert.deepEqual(errors, []);
  });

  test('at 4× CPU throttle (figures)', async () => {
    const { page, errors } = await open('?scenario=localhost');
    await withCurl(page);
    await page.locator('.live-toggle input').uncheck();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const loop = await curlLoop(page);
    const stopMs = await ctrlC(page, 500);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    console.log(`figure (4× throttle, Live off): 1000-curl loop ${loop.loopMs} ms, longest frame gap ${loop.maxFrameGap} ms, clicks ${loop.clicks.join(', ')} ms, Ctrl-C ${stopMs} ms`);
    // A CPU four times slower gets four times the room (the machine may be loaded too).
    assert.ok(stopMs < 4000, `Ctrl-C took ${stopMs} ms at 4× throttle`);
    assert.deepEqual(errors, []);
  });

  test('a sleep 1 loop prints one response a second until Ctrl-C', async () => {
    const { page, errors } = await open('?scenario=localhost');
    await withCurl(page);
    const output = byTestId(page, `terminal-output-${DEBIAN}`);
    const count = async () => ((await output.textContent()).match(/<\/html>/g) ?? []).length;
    const before = await count();
    await typeLine(page, DEBIAN, 'while true; do curl -s localhost; sleep 1; done');
    const seen = [];
    for (let i = 0; i < 5; i += 1) {
      await page.waitForTimeout(1_000);
      seen.push((await count()) - before);
    }
    console.log(`figure: responses after 1..5 s of a sleep 1 loop: ${seen.join(', ')}`);
    assert.deepEqual(seen.map((n, i) => Math.abs(n - (i + 1)) <= 1), [true, true, true, true, true], `${seen}`);
    await (await showTerminal(page, DEBIAN)).press('Control+c');
    await page.waitForFunction(() => !document.querySelector('[data-testid="terminal-debian-container"]').classList.contains('is-running'));
    const stopped = await count();
    await page.waitForTimeout(1_500);
    assert.equal(await count(), stopped, 'output went on after Ctrl-C');
    assert.deepEqual(errors, []);
  });

  test('the picture shows a curl within about a second, says how far behind it is, and jumps to now', async () => {
    const { page, errors } = await open('?scenario=localhost');
    await withCurl(page);
    const behind = () => byTestId(page, 'live-behind').getAttribute('data-behind').then(Number);
    await page.waitForFunction(() => document.querySelector('[data-testid="live-behind"]').dataset.behind === '0', null, { timeout: 30_000 });
    const start = Date.now();
    await runLine(page, DEBIAN, 'curl -s localhost >/dev/null');
    await page.waitForFunction(() => document.querySelector('[data-testid="live-behind"]').dataset.behind === '0', null, { polling: 'raf' });
    const caughtUp = Date.now() - start;
    console.log(`figure: the picture showed all of one curl ${caughtUp} ms after Enter`);
    // Designed to catch up within about a second (the figure); asserted: it does catch up.
    assert.ok(caughtUp < 5_000, `the picture took ${caughtUp} ms`);
    // Paused, the picture stays behind and says so; Jump to now shows everything.
    await page.locator('.live-toggle input').uncheck();
    for (let i = 0; i < 12; i += 1) await runLine(page, DEBIAN, 'curl -s localhost >/dev/null');
    const held = await behind();
    assert.ok(held > 100, `only ${held} steps behind after a dozen curls`);
    assert.match(await byTestId(page, 'live-behind').textContent(), new RegExp(`Paused ${held} steps behind live`));
    await byTestId(page, 'live-status').scrollIntoViewIfNeeded();
    console.log(`screenshot: ${await screenshot(page, 'pace-behind-live')}`);
    await byTestId(page, 'jump-to-now').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="live-behind"]').dataset.behind === '0');
    assert.match(await byTestId(page, 'live-behind').textContent(), /Live: showing now/);
    assert.deepEqual(errors, []);
  });

  test('wasm memory after 10,000 curl round trips (figure)', async () => {
    const session = await openRecordedPage10k();
    async function openRecordedPage10k() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
      });
      await page.goto(new URL('?scenario=localhost', server.url).href, { waitUntil: 'networkidle' });
      await page.locator('[data-testid="pod-diagram"]').waitFor({ state: 'visible', timeout: 15_000 });
      sessions.push({ close: () => context.close() });
      return { page };
    }
    const { page } = session;
    const memory = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength / 1048576);
    await withCurl(page);
    await page.locator('.live-toggle input').uncheck();
    const before = await memory();
    await typeLine(page, DEBIAN, 'for i in $(seq 10000); do curl -s localhost >/dev/null; done');
    await page.waitForFunction(() => !document.querySelector('[data-testid="terminal-debian-container"]').classList.contains('is-running'),
      null, { timeout: 180_000 });
    const after = await memory();
    console.log(`figure: wasm memory ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after 10,000 curl round trips`);
    // The goal is under 64 MB (the figure); asserted: memory stays bounded (it was 243 MB
    // before the trace compacted and TIME-WAIT sockets were released).
    assert.ok(after < 128, `wasm memory ${after.toFixed(1)} MB after 10,000 round trips`);
    // What was dropped is said, never silently: in the event list and by the capture.
    await byTestId(page, 'tab-events').click();
    assert.match(await byTestId(page, 'events-compacted').textContent(), /^Showing the last \d+ events: \d+ older ones/);
    await byTestId(page, 'tab-packet').click();
    assert.match(await byTestId(page, 'capture-note').textContent(), /holds the last \d+ of \d+ packets/);
    console.log(`screenshot: ${await screenshot(page, 'pace-capture-note')}`);
    await byTestId(page, 'tab-events').click();
    console.log(`screenshot: ${await screenshot(page, 'pace-events-compacted')}`);
  });
});
