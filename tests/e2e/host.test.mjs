// The host page API (README, "Host page API"): the example host page (examples/host.html), served
// from another port than podscope (so the two are cross-origin), drives the embed with
// postMessage and hears it back; the frame takes the height the embed reports, shrinking and
// growing; from=/to= lock what the commands can show; with origin= a sender from another origin
// is ignored and nothing is posted to it; WordPress' secret gets its height message; and every
// built-in scenario has its oEmbed document in dist/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openRecordedPage, ROOT, screenshot, startServer } from './helpers.mjs';
import { podscopeBin } from './app.mjs';

/** The frame of a host page that holds podscope. */
function embedFrame(page) {
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  assert.ok(frame, `no podscope frame among ${page.frames().map((f) => f.url()).join(', ')}`);
  return frame;
}

/** The built-in scenarios' ids, as the native CLI lists them. */
function scenarioIds() {
  const run = spawnSync(podscopeBin(), ['scenarios'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n').map((row) => row.split(/\s+/)[0]);
}

describe('host page API', () => {
  let browser;
  let app;
  let host;
  const sessions = [];
  before(async () => {
    browser = await launchBrowser();
    app = await startServer();
    host = await startServer(join(ROOT, 'examples'));
    assert.notEqual(new URL(app.url).origin, new URL(host.url).origin);
  });
  after(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await app?.stop();
    await host?.stop();
  });

  /** Opens the example host page with `query` and waits until the embed's pod is drawn. */
  async function openHost(query = '', viewport = { width: 1280, height: 900 }) {
    const session = await openRecordedPage(browser, viewport);
    sessions.push(session);
    const url = `${host.url}host.html?podscope=${encodeURIComponent(app.url)}${query}`;
    await session.page.goto(url, { waitUntil: 'networkidle' });
    // data-testid marks only the live app (not the pre-rendered poster lazy embeds show first).
    await embedFrame(session.page).locator('[data-testid="terminal-output-debian-container"]').waitFor({ state: 'attached', timeout: 30_000 });
    return session;
  }

  /** The host page's step, as the embed's last `step` event said. */
  async function hostStep(page, expected) {
    await page.waitForFunction(
      (n) => document.getElementById('step').getAttribute('data-step') === String(n),
      expected,
      { timeout: 10_000 },
    ).catch(() => {});
    return Number(await page.locator('#step').getAttribute('data-step'));
  }

  test('the host page runs a command and receives its output, steps and events', async () => {
    const { page, errors } = await openHost();
    await page.waitForFunction(() => document.getElementById('ready').textContent.startsWith('ready: localhost'));
    await page.locator('#line').fill('echo hello from the host page');
    await page.locator('#run').click();
    // The `output` event comes when the line has ended (it runs a slice at a time): what it
    // printed and its exit status.
    await page.waitForFunction(() => document.getElementById('output').textContent.includes('[exit 0]'));
    assert.equal(await page.locator('#output').textContent(),
      'debian-container $ echo hello from the host page\nhello from the host page\n[exit 0]\n');
    // The embed's own terminal shows the line and what it printed: the command went through the app.
    const terminal = embedFrame(page).locator('[data-testid="terminal-output-debian-container"]');
    await embedFrame(page).waitForFunction(() => /echo hello from the host page\s*hello from the host page/
      .test(document.querySelector('[data-testid="terminal-output-debian-container"]').textContent));
    await page.locator('#line').fill('ls /nope');
    await page.locator('#run').click();
    await page.waitForFunction(() => document.getElementById('output').textContent.includes('[exit 2]'));
    assert.match(await page.locator('#output').textContent(),
      /\$ ls \/nope\nls: cannot access '\/nope': No such file or directory\n\[exit 2\]\n$/);
    await embedFrame(page).waitForFunction(() => document.querySelector('[data-testid="terminal-output-debian-container"]')
      .textContent.includes("ls: cannot access '/nope': No such file or directory"));
    assert.match(await terminal.textContent(), /ls \/nope\s*ls: cannot access/);
    // Playing the new events posts an `event` for each and a `step` as it goes.
    await page.locator('#play').click();
    await page.waitForFunction(() => document.querySelectorAll('#events li').length >= 2);
    assert.match(await page.locator('#events').textContent(), /\[process\] /);
    assert.match(await page.locator('#step').textContent(), /^step \d+ of \d+$/);
    await screenshot(page, 'host-page-run');
    assert.deepEqual(errors, []);
  });

  /** The frame's inner height and the height of the embed's content (its <body>). */
  async function heights(page) {
    return {
      frame: await page.locator('#podscope').evaluate((f) => f.clientHeight),
      content: await embedFrame(page).evaluate(() => document.body.offsetHeight),
    };
  }

  /**
   * Waits until the frame has taken its content's height and that height passes `ok`; returns
   * it. Fails naming the last heights seen after 15 s.
   */
  async function hostHeight(page, ok) {
    let h;
    for (const until = Date.now() + 15_000; Date.now() < until;) {
      h = await heights(page);
      if (Math.abs(h.frame - h.content) <= 1 && ok(h.frame)) return h.frame;
      await page.waitForTimeout(100);
    }
    assert.fail(`the frame never took a fitting height of its content: last ${JSON.stringify(h)}`);
  }

  test('the frame takes the height the embed reports, growing and shrinking with the output', async () => {
    const { page, errors } = await openHost('&view=terminal');
    const first = await hostHeight(page, (h) => h > 0);
    assert.equal(await embedFrame(page).evaluate(() => document.documentElement.getAttribute('data-height')), 'auto');
    // Forty lines of output make the terminal (and the content) taller…
    await page.locator('#line').fill('seq 1 40');
    await page.locator('#run').click();
    const grown = await hostHeight(page, (h) => h > first + 100);
    await screenshot(page, 'host-page-grown');
    // …and `clear` empties it again: the frame shrinks back.
    await page.locator('#line').fill('clear');
    await page.locator('#run').click();
    const shrunk = await hostHeight(page, (h) => h < grown - 100);
    assert.ok(shrunk <= first + 30, `after clear the frame is ${shrunk} px, it started at ${first}`);
    assert.deepEqual(errors, []);
  });

  test('a narrower frame stacks the embed and the height follows, then settles (no loop)', async () => {
    const { page, errors } = await openHost();
    const wide = await hostHeight(page, (h) => h > 0);
    await page.setViewportSize({ width: 420, height: 900 });
    const narrow = await hostHeight(page, (h) => h > wide + 100);
    const count = () => page.locator('#height').getAttribute('data-resizes').then(Number);
    await page.waitForTimeout(500);
    const settled = await count();
    await page.waitForTimeout(1500);
    assert.equal(await count(), settled, 'the embed kept reporting new heights after the frame adopted one');
    await screenshot(page, 'host-page-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    const back = await hostHeight(page, (h) => h < narrow - 100);
    assert.ok(Math.abs(back - wide) <= 30, `back at 1280 px the frame is ${back} px, it was ${wide}`);
    assert.deepEqual(errors, []);
  });

  test('commands stay inside the from/to lock', async () => {
    const { page, errors } = await openHost('&from=2&to=5');
    await page.waitForFunction(() => document.getElementById('ready').textContent.startsWith('ready:'));
    assert.equal(await hostStep(page, 2), 2);
    await page.locator('#goto-step').fill('50');
    await page.locator('#goto').click();
    assert.equal(await hostStep(page, 5), 5);
    await page.locator('#forward').click();
    assert.equal(await hostStep(page, 5), 5, 'step forward went past to=5');
    await page.locator('#reset').click();
    assert.equal(await hostStep(page, 2), 2);
    await page.locator('#back').click();
    assert.equal(await hostStep(page, 2), 2, 'step back went before from=2');
    await page.locator('#goto-step').fill('3');
    await page.locator('#goto').click();
    assert.equal(await hostStep(page, 3), 3);
    await page.locator('#play').click();
    assert.equal(await hostStep(page, 5), 5, 'play went past to=5');
    const shown = await embedFrame(page).locator('.controls .control-step').textContent();
    assert.match(shown, /step 5 of/);
    assert.deepEqual(errors, []);
  });

  test('with origin= set, commands from another origin are ignored and nothing is posted to it', async () => {
    const { page, errors } = await openHost('&origin=http://127.0.0.1:9');
    const frame = embedFrame(page);
    await page.locator('#line').fill('echo should not run');
    await page.locator('#run').click();
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-podscope-ignored') === '1');
    await page.waitForTimeout(500);
    assert.equal(await frame.locator('[data-testid="terminal-output-debian-container"] .term-prompt').count(), 0);
    assert.equal(await page.locator('#ready').textContent(), 'Waiting for podscope…');
    assert.equal(await page.locator('#output').textContent(), '');
    // What the embed posted (ready, step, its height) went to http://127.0.0.1:9 only: the
    // browser delivered none of it here.
    assert.equal(await page.locator('#height').textContent(), '—');
    assert.equal(await page.locator('#step').textContent(), 'no step yet');
    assert.ok(errors.every((e) => /target origin provided \('http:\/\/127\.0\.0\.1:9'\)/.test(e)), errors.join('\n'));
  });

  test('malformed and unknown messages are ignored, counted, and never throw', async () => {
    const { page, errors } = await openHost();
    await page.waitForFunction(() => document.getElementById('ready').textContent.startsWith('ready:'));
    const frame = embedFrame(page);
    const origin = new URL(app.url).origin;
    await page.evaluate((target) => {
      const w = document.getElementById('podscope').contentWindow;
      for (const m of [
        'nonsense', '{"podscope":1', 42, null, { hello: 'world' },
        { podscope: 1, type: 'fly' }, { podscope: 99, type: 'play' },
        { podscope: 1, type: 'run', terminal: 'no-such-terminal', line: 'echo x' },
        { podscope: 1, type: 'run', terminal: 'debian-container', line: 'a\nb' },
        { podscope: 1, type: 'goto', step: -3 }, { podscope: 1, type: 'step', by: 1e9 },
        { podscope: 1, type: 'load-scenario', scenario: 'custom' },
      ]) w.postMessage(m, target);
      w.postMessage({ podscope: 1, type: 'run', terminal: 'debian-container', line: 'echo only me' }, target);
    }, origin);
    await page.waitForFunction(() => document.getElementById('output').textContent.includes('only me'));
    assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-podscope-ignored')), '12');
    assert.equal(await frame.locator('[data-testid="terminal-output-debian-container"] .term-prompt').count(), 1);
    assert.deepEqual(errors, []);
  });

  test('load-scenario switches the pod and says ready again', async () => {
    const { page, errors } = await openHost();
    await page.waitForFunction(() => document.getElementById('ready').textContent.startsWith('ready: localhost'));
    await page.locator('#scenario').selectOption('shared-volume');
    await page.locator('#load').click();
    await page.waitForFunction(() => document.getElementById('ready').textContent.startsWith('ready: shared-volume'));
    assert.match(await embedFrame(page).locator('.embed-title').textContent(), /Shared volume/);
    assert.deepEqual(errors, []);
  });

  test('a WordPress secret in the fragment gets WordPress\' height message', async () => {
    const { page, errors } = await openHost();
    const message = await page.evaluate((base) => new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.src = `${base}?embed=1&scenario=shared-volume#?secret=abcDEF1234`;
      frame.width = '600';
      frame.height = '300';
      window.addEventListener('message', (e) => {
        if (e.source === frame.contentWindow && e.data && e.data.secret) resolve(e.data);
      });
      setTimeout(() => reject(new Error('no WordPress height message in 20 s')), 20_000);
      document.body.appendChild(frame);
    }), app.url);
    assert.equal(message.secret, 'abcDEF1234');
    assert.equal(message.message, 'height');
    assert.ok(Number.isInteger(message.value) && message.value > 200, JSON.stringify(message));
    assert.deepEqual(errors, []);
  });

  test('every built-in scenario has a valid oEmbed document, and the page names it', async () => {
    const ids = scenarioIds();
    assert.deepEqual(ids, ['shared-volume', 'localhost', 'docs-original']);
    const index = await readFile(join(ROOT, 'dist', 'index.html'), 'utf8');
    assert.match(index, /<link rel="alternate" type="application\/json\+oembed" href="[^"]*oembed\/shared-volume\.json"/);
    assert.match(index, /<meta name="responsive-embedded-sizing" content="allow-origins=\*">/);
    for (const id of ids) {
      const response = await fetch(new URL(`oembed/${id}.json`, app.url));
      assert.equal(response.status, 200, id);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const doc = await response.json();
      assert.equal(doc.version, '1.0');
      assert.equal(doc.type, 'rich');
      assert.equal(doc.provider_name, 'podscope');
      assert.ok(Number.isInteger(doc.width) && Number.isInteger(doc.height), id);
      assert.match(doc.title, /^podscope: /);
      const src = /^<iframe src="([^"]+)" width="\d+" height="\d+" title="[^"]+" frameborder="0" loading="lazy"><\/iframe>$/.exec(doc.html);
      assert.ok(src, doc.html);
      const url = new URL(src[1].replaceAll('&amp;', '&'), app.url);
      assert.equal(url.pathname, '/embed.html', 'the embed page, with only the posters');
      assert.equal(url.searchParams.get('scenario'), id);
      assert.equal(url.searchParams.get('embed'), '1');
      // The scenario's own page names this document: a link to it pasted into WordPress embeds it.
      const page = await readFile(join(ROOT, 'dist', `${id}.html`), 'utf8');
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(page);
      assert.ok(link, `${id}.html has a discovery link`);
      assert.equal(link[1], `oembed/${id}.json`);
      assert.equal(link[2].replaceAll('&#39;', "'"), doc.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
      assert.match(page, new RegExp(`<meta name="podscope-defaults" content="scenario=${id}">`));
    }
    // The iframe a document describes opens that scenario's embed.
    const session = await openRecordedPage(browser, { width: 640, height: 460 });
    sessions.push(session);
    const doc = JSON.parse(await readFile(join(ROOT, 'dist', 'oembed', 'localhost.json'), 'utf8'));
    const src = /src="([^"]+)"/.exec(doc.html)[1].replaceAll('&amp;', '&');
    await session.page.goto(new URL(src, app.url).href, { waitUntil: 'networkidle' });
    await session.page.locator('[data-testid="pod-diagram"]').waitFor();
    assert.match(await session.page.locator('.embed-title').textContent(), /Localhost/);
    assert.deepEqual(session.errors, []);
  });

  test("a scenario's page opens it, paints it first, and Share links back to it", async () => {
    const held = await openRecordedPage(browser, { width: 1280, height: 800 });
    sessions.push(held);
    await held.page.route(/\.wasm$/, () => {});
    await held.page.goto(new URL('docs-original.html', app.url).href, { waitUntil: 'domcontentloaded' });
    const shown = held.page.locator('[data-prerender]:visible');
    assert.equal(await shown.count(), 1);
    assert.equal(await shown.getAttribute('data-prerender'), 'docs-original', 'its own first screen');

    const session = await openRecordedPage(browser, { width: 1280, height: 800 });
    sessions.push(session);
    const { page } = session;
    await page.goto(new URL('docs-original.html', app.url).href, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="pod-diagram"]').waitFor();
    assert.equal(await page.locator('.scenario-button.is-selected').textContent(), 'Docs original');
    assert.match(page.url(), /\/docs-original\.html\?scenario=docs-original$/);
    // Switching scenario stays on the page (it has every full-app screen) and Share hands out
    // the new scenario's own page.
    await page.locator('.scenario-button', { hasText: 'Localhost' }).click();
    await page.waitForURL(/\/docs-original\.html\?scenario=localhost$/);
    await page.locator('[data-testid="share"]').click();
    const link = await page.locator('[data-testid="share-link"]').inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/localhost\.html\?scenario=localhost$/);
    assert.deepEqual(session.errors, []);
  });
});
