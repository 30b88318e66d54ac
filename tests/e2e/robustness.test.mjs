// Abuse the explainer a little: a 200 KB paste, an endless loop, a broken manifest, an unknown
// scenario in the URL. Each gives a clear answer, the page stays responsive, and nothing logs a
// console error. Also the main screen as a 1920×1080 projector and a 1280×800 laptop show it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, OUT_DIR, startServer } from './helpers.mjs';
import { byTestId, openApp, runLine, showTerminal, terminalOutputLines } from './app.mjs';

const DEBIAN = 'debian-container';
/** The most characters a terminal line takes (`MAX_INPUT` in src/ui/terminal/input.rs). */
const MAX_INPUT = 65_536;
const STOP_MESSAGE =
  'podscope: stopped this command line: it ran too long or printed too much (as if you pressed Ctrl-C)';

/** Saves what the viewport shows (not the full page) as target/e2e/NAME.png. */
async function viewportShot(page, name) {
  await mkdir(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

/** Milliseconds the page takes to answer a trivial script: a frozen tab never answers. */
async function roundTrip(page) {
  const start = Date.now();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  return Date.now() - start;
}

describe('robustness', () => {
  let server;
  let browser;
  const sessions = [];
  const open = async (query, viewport) => {
    const session = await openApp(browser, server, query, viewport);
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

  test('a 200 KB paste is cut to the line limit with a message, runs, and the page stays responsive', async () => {
    const { page, errors } = await open('?scenario=shared-volume');
    const input = await showTerminal(page, DEBIAN);
    const paste = `echo ${'a'.repeat(200 * 1024 - 5)}`;
    await input.focus();
    await page.keyboard.insertText(paste);
    const note = byTestId(page, `terminal-${DEBIAN}`).locator('.terminal-note');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.textContent(), /limited to 65,536 characters.*rest of the paste was dropped/);
    assert.equal((await input.inputValue()).length, MAX_INPUT);

    const before = await byTestId(page, `terminal-output-${DEBIAN}`).locator('.term-prompt').count();
    await input.press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll(`[data-testid="terminal-output-debian-container"] .term-prompt`).length > n,
      before,
    );
    const lines = await terminalOutputLines(page, DEBIAN);
    assert.equal(lines.at(-1), 'a'.repeat(MAX_INPUT - 'echo '.length));
    assert.equal(await note.count(), 0, 'the note goes with the line');

    assert.ok((await roundTrip(page)) < 2_000, 'the page took over 2 s to draw a frame');
    await runLine(page, DEBIAN, 'echo still here');
    assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), 'still here');
    assert.deepEqual(errors, []);
  });

  test('an endless loop comes back with podscope\'s stop message and exit status 130', async () => {
    const { page, errors } = await open('?scenario=shared-volume');
    await runLine(page, DEBIAN, 'while true; do :; done');
    const lines = await terminalOutputLines(page, DEBIAN);
    assert.deepEqual(lines.slice(-2), ['^C', STOP_MESSAGE]);
    await runLine(page, DEBIAN, 'echo $?');
    assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), '130');
    assert.ok((await roundTrip(page)) < 2_000);
    assert.deepEqual(errors, []);
  });

  test('a broken manifest shows manifest-error with a line number and disables Apply', async () => {
    const { page, errors } = await open('?scenario=shared-volume');
    await byTestId(page, 'tab-manifest').click();
    const editor = byTestId(page, 'manifest-editor');
    await editor.waitFor({ state: 'visible' });
    const apply = byTestId(page, 'manifest-apply');
    assert.equal(await apply.isEnabled(), true, 'the scenario manifest is valid');
    const good = await editor.inputValue();
    const broken = good.replace(/^(\s*)image: /m, '$1imagee: ');
    assert.notEqual(broken, good, 'the manifest has no image: line to break');
    const badLine = broken.split('\n').findIndex((l) => l.includes('imagee:')) + 1;
    await editor.fill(broken);
    const error = byTestId(page, 'manifest-error').first();
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), new RegExp(`^line ${badLine}, column \\d+: .*imagee`));
    assert.equal(await apply.isDisabled(), true);
    await error.scrollIntoViewIfNeeded();
    await viewportShot(page, 'robustness-manifest-error');

    await editor.fill('kind: Pod\n  spec: [\n');
    await error.waitFor({ state: 'visible' });
    assert.match(await byTestId(page, 'manifest-error').first().textContent(), /line \d+/);
    assert.equal(await apply.isDisabled(), true);
    await editor.fill(good);
    await page.waitForFunction(() => !document.querySelector('[data-testid="manifest-error"]'));
    assert.equal(await apply.isEnabled(), true);
    assert.deepEqual(errors, []);
  });

  test('an unknown ?scenario= falls back to a working scenario', async () => {
    const { page, errors } = await open('?scenario=nope');
    const pressed = byTestId(page, 'scenario-select').locator('[aria-pressed="true"]');
    assert.equal(await pressed.count(), 1, 'exactly one scenario is chosen');
    assert.ok((await pressed.textContent()).trim().length > 0);
    assert.ok(await byTestId(page, 'container-nginx-container').isVisible());
    await runLine(page, DEBIAN, 'echo ok');
    assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), 'ok');
    assert.deepEqual(errors, []);
  });

  for (const [width, height] of [[1920, 1080], [1280, 800]]) {
    test(`the main screen at ${width}×${height}: no sideways scrolling, diagram and terminal in view`, async () => {
      const { page, errors } = await open('?scenario=shared-volume', { width, height });
      await runLine(page, DEBIAN, "echo 'Hello from the debian container' > /pod-data/index.html");
      await viewportShot(page, `main-${width}x${height}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
      for (const id of ['pod-diagram', `terminal-input-${DEBIAN}`]) {
        const box = await byTestId(page, id).boundingBox();
        assert.ok(box && box.y + Math.min(box.height, 40) <= height, `${id} starts below the fold (${JSON.stringify(box)})`);
      }
      assert.deepEqual(errors, []);
    });
  }
});
