// The embed's layout and its links out: at 640x400, 320x200 and 360x740 the diagram, its caption
// and one row of controls lie inside the frame and nothing scrolls; "Open in podscope" opens the
// full app at the same state and links=0 removes it; the Embed dialog writes the snippet for the
// choices made, and a refused clipboard leaves it selected for a manual copy. The snippet, pasted
// into a page, gives the embed it describes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './helpers.mjs';
import { byTestId, servedApp } from './app.mjs';

/** The box of the first visible `selector`, or null. */
const box = (page, selector) => page.evaluate((sel) => {
  const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}, selector);

describe('embed layout and links', () => {
  const app = servedApp();

  for (const [width, height, view] of [[640, 400, 'split'], [320, 200, 'diagram'], [320, 200, 'split'], [360, 740, 'split']]) {
    test(`at ${width}x${height} (${view}) the diagram, caption and controls fit the frame`, async () => {
      const { page, errors } = await app.open(`?embed=1&scenario=localhost&view=${view}&load=eager`, { width, height });
      await screenshot(page, `embed-layout-${width}x${height}-${view}`);
      const fits = (b, what) => {
        assert.ok(b, `${what} is shown`);
        assert.ok(b.left >= 0 && b.top >= 0 && b.right <= width + 0.5 && b.bottom <= height + 0.5,
          `${what} inside ${width}x${height}: ${JSON.stringify(b)}`);
      };
      fits(await box(page, '[data-testid="pod-diagram"]'), 'the diagram');
      fits(await box(page, '[data-testid="event-caption"]'), 'the caption');
      fits(await box(page, '.diagram-panel .controls'), 'the controls');
      // One row: every visible control's top is the same (the presenter button no longer wraps).
      const tops = await page.$$eval('.diagram-panel .controls > *', (els) => els
        .filter((e) => e.getClientRects().length > 0).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
      assert.ok(Math.max(...tops) - Math.min(...tops) <= 2, `controls in one row: ${tops}`);
      for (const id of ['play', 'step-forward', 'reset']) fits(await box(page, `[data-testid="${id}"]`), id);
      for (const id of ['open-in-podscope', 'share', 'embed']) fits(await box(page, `[data-testid="${id}"]`), id);
      if (view === 'split') fits(await box(page, '.terminal-screen'), 'the terminal');
      assert.ok(await page.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight + 1), 'nothing scrolls');
      assert.deepEqual(errors, []);
    });
  }

  test('"Open in podscope" opens the full app at the same state; links=0 removes it', async () => {
    const { page, errors } = await app.open('?embed=1&scenario=localhost&view=diagram&load=eager&step=3', { width: 640, height: 400 });
    const link = byTestId(page, 'open-in-podscope');
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    assert.equal(opened.searchParams.get('scenario'), 'localhost');
    assert.match(opened.pathname, /\/localhost\.html$/, "the scenario's own page");
    for (const name of ['embed', 'view', 'load', 'step']) assert.equal(opened.searchParams.get(name), null, name);
    await popup.locator('[data-testid="pod-diagram"]').waitFor({ timeout: 20_000 });
    assert.equal(await popup.locator('.masthead').count(), 1, 'the full app, with its header');
    await popup.close();
    assert.deepEqual(errors, []);

    const bare = await app.open('?embed=1&scenario=localhost&links=0&load=eager', { width: 640, height: 400 });
    assert.equal(await byTestId(bare.page, 'open-in-podscope').count(), 0);
    assert.equal(await byTestId(bare.page, 'share').count(), 0);
    assert.equal(await byTestId(bare.page, 'embed').count(), 0);
  });

  test('the Embed dialog writes the chosen snippet; a refused clipboard leaves it selected', async () => {
    const s = await app.blankPage();
    await s.page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
      });
    });
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.goto(`${app.server.url}?scenario=docs-original`, { waitUntil: 'networkidle' });
    await byTestId(s.page, 'pod-diagram').waitFor({ timeout: 20_000 });
    const embed = byTestId(s.page, 'embed');
    assert.equal(await embed.getAttribute('aria-expanded'), 'false');
    assert.ok(await s.page.getByRole('button', { name: 'Embed' }).isVisible(), 'named Embed');
    await embed.click();
    await byTestId(s.page, 'embed-view').selectOption('terminal');
    await byTestId(s.page, 'embed-load').selectOption('click');
    await byTestId(s.page, 'embed-links').uncheck();
    const code = await byTestId(s.page, 'embed-code').inputValue();
    assert.match(code, /^<iframe src="[^"]*\?scenario=docs-original&amp;embed=1&amp;view=terminal&amp;load=click&amp;links=0" title="podscope: Docs original \(an interactive Kubernetes pod\)" loading="lazy" width="100%" height="360"/);
    await byTestId(s.page, 'copy-embed').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="embed-status"]').textContent !== '');
    assert.match(await byTestId(s.page, 'embed-status').textContent(), /did not allow copying here: the code is selected/);
    const selected = await s.page.evaluate(() => {
      const t = document.querySelector('[data-testid="embed-code"]');
      return document.activeElement === t && t.selectionStart === 0 && t.selectionEnd === t.value.length;
    });
    assert.ok(selected, 'the snippet is selected for Ctrl+C');
    await screenshot(s.page, 'embed-dialog-refused');

    // The snippet, pasted into a page, is the embed it says: a poster with Start, terminal only.
    const host = await app.blankPage();
    await host.page.setContent(`<!DOCTYPE html><title>post</title><p>Before.</p>${code}`);
    const frame = host.page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Start the podscope simulation: Docs original' }).click();
    await frame.locator('[data-testid^="terminal-input-"]').first().waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('[data-testid="pod-diagram"]').count(), 0, 'view=terminal');
    assert.equal(await frame.locator('[data-testid="open-in-podscope"]').count(), 0, 'links=0');
  });

  test('the Embed dialog works from the keyboard and speaks the interface language', async () => {
    const s = await app.blankPage();
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.goto(`${app.server.url}?scenario=localhost&lang=es`, { waitUntil: 'networkidle' });
    await byTestId(s.page, 'pod-diagram').waitFor({ timeout: 20_000 });
    const embed = byTestId(s.page, 'embed');
    assert.equal((await embed.textContent()).trim(), '</>Insertar');
    await embed.focus();
    await s.page.keyboard.press('Enter');
    const dialog = byTestId(s.page, 'embed-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-label'), 'Insertar este estado en una página');
    const focused = () => s.page.evaluate(() => document.activeElement?.dataset?.testid
      ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    // The app redraws after the key: wait for the focus to land (or fail after 5 s).
    const focusLands = (id) => s.page.waitForFunction((want) => document.activeElement?.dataset?.testid === want, id, { timeout: 5_000 });
    await focusLands('embed-view'); // opening puts the focus on the first choice
    const text = await dialog.textContent();
    for (const words of ['Muestra', 'Diagrama y terminal', 'Empieza', 'Al verse en pantalla', 'Tema',
      'Controles de reproducción', 'Copiar el código', 'HTML para tu página']) {
      assert.ok(text.includes(words), `Spanish: ${words}`);
    }
    assert.doesNotMatch(text, /Shows|Theme|Playback controls|Copy embed code/, 'no English left');
    assert.match(await byTestId(s.page, 'embed-code').inputValue(),
      / title="podscope: Localhost \(un pod de Kubernetes interactivo\)" /, 'the frame\'s title too');
    // Tab walks the dialog's controls and, past the last (Close), comes back to the first.
    const seen = [];
    for (let i = 0; i < 10; i += 1) {
      await s.page.keyboard.press('Tab');
      seen.push(await focused());
    }
    assert.ok(seen.includes('copy-embed') && seen.includes('embed-code'), seen.join(' '));
    const wrap = seen.indexOf('Cerrar');
    assert.ok(wrap >= 0, `Close is reached: ${seen.join(' ')}`);
    assert.equal(seen[wrap + 1], 'embed-view', 'Tab past Close wraps to the first choice');
    await s.page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'Cerrar', 'Shift+Tab from the first wraps to Close');
    await screenshot(s.page, 'embed-dialog-es');
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await focusLands('embed'); // Escape closes and gives the focus back to Embed
    assert.equal(await embed.getAttribute('aria-expanded'), 'false');
  });
});
