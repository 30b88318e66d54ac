// On a phone the playback controls stay on screen below the tall stacked diagram. A phone has
// no Tab, Ctrl or arrow keys: on a touch screen each terminal shows a row of them
// (Tab completes, Ctrl-C stops the running command, ↑/↓ walk the history), and tapping one
// keeps the focus — and so the on-screen keyboard — in the command line. A desktop with a mouse
// does not show the row.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './helpers.mjs';
import { byTestId, servedApp, showTerminal, terminalRows, typeLine } from './app.mjs';

const DEBIAN = 'debian-container';

describe('the touch key row', () => {
  const app = servedApp();

  test('on a phone, Tab, Ctrl-C and ↑ work from the row and the input keeps the focus', async () => {
    const context = await app.browser.newContext({
      viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true,
    });
    app.sessions.push({ close: () => context.close() });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.server.url}?scenario=localhost`, { waitUntil: 'networkidle' });
    await byTestId(page, 'pod-diagram').waitFor({ timeout: 20_000 });
    assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the phone is a touch screen');
    // The stacked diagram is taller than the phone: its playback controls stay on screen.
    const controls = await page.locator('.diagram-panel .controls').boundingBox();
    assert.ok(controls && controls.y + controls.height <= 740 + 1 && controls.height < 120,
      `playback controls on the first screen, compact: ${JSON.stringify(controls)}`);
    const input = await showTerminal(page, DEBIAN);
    const row = byTestId(page, `terminal-keys-${DEBIAN}`);
    assert.ok(await row.isVisible(), 'the key row shows on a touch screen');
    const key = (name) => row.getByRole('button', { name });

    await input.fill('ech');
    await input.focus();
    await key(/^Tab:/).tap();
    assert.equal(await input.inputValue(), 'echo ', 'Tab completed the command name');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), `terminal-input-${DEBIAN}`,
      'the input kept the focus');

    await typeLine(page, DEBIAN, 'while true; do sleep 1; done');
    await page.waitForFunction((id) => document.querySelector(`[data-testid="terminal-${id}"]`)?.classList.contains('is-running'), DEBIAN);
    const tapped = Date.now();
    await key(/^Ctrl-C:/).tap();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="terminal-${id}"]`)?.classList.contains('is-running'), DEBIAN, { timeout: 5_000 });
    console.log(`Ctrl-C from the key row stopped a sleep loop in ${Date.now() - tapped} ms`);
    const rows = await terminalRows(page, DEBIAN);
    assert.ok(rows.some((r) => r.text === '^C'), `bash's ^C is shown: ${JSON.stringify(rows.slice(-3))}`);

    await key(/^Previous command/).tap();
    assert.equal(await input.inputValue(), 'while true; do sleep 1; done', '↑ recalled the last line');
    await key(/^Next command/).tap();
    assert.equal(await input.inputValue(), '', '↓ went back to the empty line');
    console.log(`screenshot: ${await screenshot(page, 'touch-keys-360')}`);
    await byTestId(page, `terminal-${DEBIAN}`).screenshot({ path: 'target/e2e/touch-keys-terminal.png' });
    assert.deepEqual(errors, []);
  });

  test('with a mouse and a keyboard the row is not shown', async () => {
    const s = await app.open('?scenario=localhost', { width: 1280, height: 800 });
    await showTerminal(s.page, DEBIAN);
    assert.equal(await byTestId(s.page, `terminal-keys-${DEBIAN}`).isVisible(), false);
  });
});
