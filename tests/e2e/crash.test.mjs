// The error panel (js/crash.js, src/ui/crash.rs): a panic inside the app, a wasm trap with no
// panic behind it, and a wasm that cannot be fetched each end in the panel (never a blank or
// dead page) with Reload, Reset and Copy report. The panics come from test hooks that only
// script in the page's own origin can call (`window.wasmBindings.podscope_test_*`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './helpers.mjs';
import { byTestId, servedApp } from './app.mjs';

/**
 * Calls test hook `name` from a timer, as the browser calls the app from an event: the trap
 * that follows is uncaught and reaches window.onerror, as a real one would.
 */
async function crash(page, name) {
  await page.evaluate((hook) => { setTimeout(() => window.wasmBindings[hook]()); }, name);
}

describe('error panel', () => {
  const app = servedApp();
  const { open } = app;

  test('a panic shows the panel with the message; Copy report copies it', async () => {
    const { page } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await crash(page, 'podscope_test_panic');
    const panel = byTestId(page, 'crash-panel');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('role'), 'alertdialog');
    const report = await byTestId(page, 'crash-report').textContent();
    assert.match(report, /^podscope error report/);
    // The release build keeps no panic locations (scripts/release.sh): the message, no place.
    assert.match(report, /panic: panicked:\npodscope_test_panic: a panic on purpose/);
    assert.doesNotMatch(report, /redacted/);
    // The trap that follows the panic (panic = "abort") is recorded too.
    await byTestId(page, 'crash-report').filter({ hasText: 'RuntimeError' }).waitFor();
    // Focus moves to the panel's first button, so a keyboard user lands on it.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'crash-reload');
    await screenshot(page, 'crash-panel');
    await byTestId(page, 'crash-copy').click();
    await byTestId(page, 'crash-status').filter({ hasText: 'Report copied.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /podscope_test_panic: a panic on purpose/);
    assert.match(copied, /page: http:\/\/127\.0\.0\.1:\d+\/\?scenario=shared-volume/);
  });

  test('a trap with no panic behind it shows the panel too', async () => {
    const { page } = await open();
    await crash(page, 'podscope_test_trap');
    await byTestId(page, 'crash-panel').waitFor({ state: 'visible' });
    assert.match(await byTestId(page, 'crash-report').textContent(), /RuntimeError: unreachable/);
  });

  test('Reset sets the saved session aside and opens the default scenario', async () => {
    const { page } = await open('?scenario=localhost');
    await page.evaluate(() => localStorage.setItem('podscope.session', 'saved-before-the-crash'));
    await crash(page, 'podscope_test_panic');
    // Reset loads the bare address, and the app that opens there may write its state into the
    // address at once: the test waits for a new document with a live diagram, not for a moment
    // when the address is bare.
    await page.evaluate(() => { window.podscopeBeforeReset = true; });
    await byTestId(page, 'crash-reset').click();
    await page.waitForFunction(() => !window.podscopeBeforeReset
      && document.querySelector('[data-testid="pod-diagram"]'), null, { timeout: 15_000 });
    assert.doesNotMatch(page.url(), /localhost/, 'the default scenario opens, not the one that crashed');
    assert.equal(await byTestId(page, 'crash-panel').count(), 0);
    const kept = await page.evaluate(() => localStorage.getItem('podscope.session.set-aside'));
    assert.equal(kept, 'saved-before-the-crash');
  });

  test('a wasm that cannot be fetched shows the panel instead of a blank page', async () => {
    const { page } = await app.blankPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(app.server.url);
    await byTestId(page, 'crash-panel').waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok((await byTestId(page, 'crash-report').textContent()).length > 40);
    await screenshot(page, 'crash-no-wasm');
  });

  test('lang=es: the panel and the load failure speak Spanish; Reset keeps the language', async () => {
    const { page } = await app.blankPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, statusText: 'Not Found', body: 'gone' }));
    await page.goto(`${app.server.url}?lang=es&scenario=localhost`);
    const panel = byTestId(page, 'crash-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await panel.locator('h2').textContent(), 'podscope no pudo cargar');
    assert.match(await byTestId(page, 'crash-why').textContent(),
      /^No se pudo cargar podscope-web-[0-9a-f]+_bg\.wasm: el servidor respondió HTTP 404 Not Found\.$/);
    assert.equal(await byTestId(page, 'crash-reload').textContent(), 'Reintentar');
    assert.equal(await byTestId(page, 'crash-copy').textContent(), 'Copiar informe');
    await screenshot(page, 'crash-no-wasm-es');

    const live = await open('?lang=es&scenario=localhost');
    await crash(live.page, 'podscope_test_panic');
    await byTestId(live.page, 'crash-panel').waitFor({ state: 'visible' });
    assert.equal(await live.page.locator('#crash-title').textContent(), 'podscope dejó de funcionar');
    assert.equal(await byTestId(live.page, 'crash-reset').textContent(), 'Restablecer');
    await live.page.evaluate(() => { window.podscopeBeforeReset = true; });
    await byTestId(live.page, 'crash-reset').click();
    await live.page.waitForFunction(() => !window.podscopeBeforeReset
      && document.querySelector('[data-testid="pod-diagram"]'), null, { timeout: 15_000 });
    assert.match(live.page.url(), /[?&]lang=es/);
    assert.doesNotMatch(live.page.url(), /localhost/);
    assert.equal(await live.page.evaluate(() => document.documentElement.lang), 'es');
  });
});
