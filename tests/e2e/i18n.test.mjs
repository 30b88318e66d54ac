// The second language end to end: with `lang=es`, or with no `lang=` in a browser whose
// language is es-ES, the controls, a caption, a tour step and a lesson task are in Spanish and
// `<html lang>` says so, while the terminals print byte for byte what they print in English
// (bash, curl and nginx do not translate). `lang=en` wins over the browser; an unknown `lang=`
// means English, with no error. Screenshots in Spanish at 1280×800 and 360×740:
// target/e2e/i18n-es-<width>.png; nothing may stick out of its box (Spanish is longer).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { byTestId, runLine, terminalOutputLines } from './app.mjs';

/** Opens `query` in a fresh context whose browser language is `locale`; returns page + errors. */
async function open(browser, server, query, { locale = 'en-US', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(query, server.url).href, { waitUntil: 'networkidle' });
  await byTestId(page, 'pod-diagram').waitFor({ state: 'visible', timeout: 15_000 });
  return { page, errors, close: () => context.close() };
}

/** The Play button's accessible name and the header's subtitle. */
async function controls(page) {
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    play: await byTestId(page, 'play').getAttribute('aria-label'),
    tour: (await byTestId(page, 'tour-start').textContent()).trim(),
    subtitle: (await page.locator('.app-subtitle').textContent()).trim(),
  };
}

/** Elements whose content is wider than their box, and whether the page scrolls sideways. */
function overflow(page) {
  return page.evaluate(() => {
    const wide = [];
    for (const el of document.querySelectorAll('button, label, select, .tour-bar *, .app-header *, .controls *, .task-panel *, .event-caption')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('[hidden], .visually-hidden') || style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        wide.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    return { wide, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

describe('Spanish, end to end', () => {
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

  test('lang=es: controls, a caption, a tour step and a lesson task in Spanish; terminals unchanged', async () => {
    const es = await open(browser, server, '?scenario=shared-volume&lang=es');
    const en = await open(browser, server, '?scenario=shared-volume&lang=en', { locale: 'es-ES' });
    try {
      assert.deepEqual(await controls(es.page), {
        lang: 'es',
        play: 'Reproducir (Espacio)',
        tour: '▶ Visita guiada',
        subtitle: 'Dentro de un pod de Kubernetes: cómo hablan dos contenedores',
      });
      const english = await controls(en.page);
      assert.equal(english.lang, 'en', 'lang=en wins over an es-ES browser');
      assert.equal(english.play, 'Play (Space)');

      // Home goes to the first step (before every event); one step on shows the first caption.
      await byTestId(es.page, 'step-back').focus();
      await es.page.keyboard.press('Home');
      await es.page.waitForFunction(() => /^paso 0 de/.test(document.querySelector('.controls .control-step')?.textContent ?? ''));
      await byTestId(es.page, 'step-forward').click();
      const caption = byTestId(es.page, 'event-caption');
      await es.page.waitForFunction(() => /pidió al servidor de API/.test(document.querySelector('[data-testid="event-caption"]')?.textContent ?? ''));
      assert.match(await caption.textContent(), /^kubectl pidió al servidor de API el pod "two-containers"/);
      assert.match(await es.page.locator('.controls .control-step').textContent(), /^paso 1 de \d+$/);

      // The same lines in both languages print the same bytes.
      for (const line of ['ls -la /pod-data', 'cat /nope', 'apt-get install -y curl']) {
        await runLine(es.page, 'debian-container', line);
        await runLine(en.page, 'debian-container', line);
      }
      const esOut = await terminalOutputLines(es.page, 'debian-container');
      const enOut = await terminalOutputLines(en.page, 'debian-container');
      assert.ok(esOut.some((l) => l.includes('cat: /nope: No such file or directory')), esOut.join('\n'));
      assert.deepEqual(esOut, enOut, 'terminal output differs between languages');

      await byTestId(es.page, 'tour-start').click();
      const tourText = es.page.locator('[data-testid="tour-caption"] .tour-text');
      await tourText.waitFor({ state: 'visible' });
      assert.equal((await tourText.textContent()).trim(),
        'Este pod tiene dos contenedores, nginx y debian, y un volumen emptyDir, shared-data, montado en ambos.');
      assert.match(await es.page.locator('.tour-progress').textContent(), /^Volumen compartido: un archivo, dos rutas · paso 1 de 14$/);
      assert.equal((await byTestId(es.page, 'tour-next').textContent()).trim(), 'Siguiente ▶');
      assert.deepEqual(es.errors, []);
      assert.deepEqual(en.errors, []);
    } finally {
      await es.close();
      await en.close();
    }
  });

  test('a browser in es-ES gets Spanish lessons; an unknown lang= means English without an error', async () => {
    const es = await open(browser, server, '?lesson=localhost&seed=alice', { locale: 'es-ES' });
    const xx = await open(browser, server, '?scenario=localhost&lang=xx', { locale: 'es-ES' });
    try {
      assert.equal((await controls(es.page)).lang, 'es');
      await byTestId(es.page, 'task-panel').waitFor({ state: 'visible' });
      assert.equal((await byTestId(es.page, 'task-curl').locator('.task-title').textContent()).trim(),
        'Instala curl en debian-container');
      assert.match(await byTestId(es.page, 'task-refused').locator('.task-title').textContent(),
        /^Diagnostica: muestra por qué falla curl localhost:\d+ \(el SYN al puerto \d+ recibe un RST\)$/);
      assert.match(await byTestId(es.page, 'task-score').textContent(), /^0\/6 hechas$/);
      assert.equal((await byTestId(es.page, 'task-check').textContent()).trim(), 'Comprobar');
      await runLine(es.page, 'debian-container', 'apt-get update');
      await runLine(es.page, 'debian-container', 'apt-get install -y curl');
      await es.page.waitForFunction(() => document.querySelector('[data-testid="task-curl"]')?.dataset.done === 'true');
      assert.match(await byTestId(es.page, 'task-score').textContent(), /^1\/6 hechas$/);

      const english = await controls(xx.page);
      assert.equal(english.lang, 'en');
      assert.equal(english.play, 'Play (Space)');
      assert.deepEqual(xx.errors, []);
      assert.equal(await xx.page.locator('[role="alert"], .notice').filter({ hasText: 'lang' }).count(), 0,
        'an unknown lang= is not complained about');
      assert.deepEqual(es.errors, []);
    } finally {
      await es.close();
      await xx.close();
    }
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    test(`Spanish at ${viewport.width}×${viewport.height}: nothing sticks out`, async () => {
      const s = await open(browser, server, '?lesson=shared-volume&seed=alice&lang=es', { viewport });
      try {
        await runLine(s.page, 'debian-container', 'curl localhost');
        const { wide, page } = await overflow(s.page);
        console.log(`screenshot: ${await screenshot(s.page, `i18n-es-${viewport.width}`)}`);
        assert.equal(page, 0, 'the page scrolls sideways');
        assert.deepEqual(wide, [], 'text wider than its box');
        // A task panel that scrolls keeps Check and Reset in view.
        const hidden = await s.page.evaluate(() => {
          const panel = document.querySelector('.task-panel').getBoundingClientRect();
          return ['task-check', 'task-reset'].filter((id) => {
            const b = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
            return b.top < panel.top || b.bottom > panel.bottom + 1;
          });
        });
        assert.deepEqual(hidden, [], 'task buttons scrolled out of the panel');
        assert.deepEqual(s.errors, []);
      } finally {
        await s.close();
      }
    });
  }
});
