// The release build's first screen, in Debian's headless Chromium: it loads with no console
// error, asks nothing of any host but 127.0.0.1, shows the pod diagram, and has no serious or
// critical accessibility violation (axe-core).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { foreignRequests, launchBrowser, openRecordedPage, screenshot, startServer } from './helpers.mjs';

const require = createRequire(import.meta.url);

describe('first screen', () => {
  let server;
  let browser;
  let session;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    session = await openRecordedPage(browser);
    await session.page.goto(server.url, { waitUntil: 'networkidle' });
    // The wasm app mounts after load: wait until it has rendered something into <body>.
    try {
      await session.page.waitForSelector('body > :not(script)', { state: 'attached', timeout: 10_000 });
    } finally {
      // Saved even when the app never rendered: the picture is the first thing to look at.
      console.log(`screenshot: ${await screenshot(session.page, 'first-screen')}`);
    }
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.stop();
  });

  test('loads without a console error or uncaught exception', () => {
    assert.deepEqual(session.errors, []);
  });

  test('requests nothing outside 127.0.0.1', () => {
    const origin = new URL(server.url).origin;
    assert.ok(session.requests.length > 0, 'no request was recorded at all');
    assert.deepEqual(foreignRequests(session.requests, origin), []);
  });

  test('shows the pod diagram', async () => {
    const diagram = session.page.locator('[data-testid="pod-diagram"]');
    await diagram.waitFor({ state: 'visible', timeout: 5_000 });
    assert.ok(await diagram.isVisible());
  });

  test('has no serious or critical accessibility violation (axe-core)', async () => {
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol: the app's CSP refuses an inline <script> tag.
    await session.page.evaluate(axeSource);
    const result = await session.page.evaluate(() => globalThis.axe.run(document));
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    assert.deepEqual(bad, []);
  });
});
