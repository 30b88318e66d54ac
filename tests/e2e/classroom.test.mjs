// The classroom: presenter mode at projector sizes (screenshots; caption and diagram type sizes
// measured), the diagram's smallest text at 1280×800 in every mode, every keyboard shortcut
// (and none while a terminal has focus), a lesson solved through the UI ticking every task, a
// wrong attempt showing the matching hint, the seed changing the expected values, tour
// questions, and the printable handout (also as a PDF).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, openRecordedPage, OUT_DIR, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp, podscopeBin, runLine, showTerminal } from './app.mjs';

/** The smallest rendered size (CSS px) of any visible text in the pod diagram. */
function smallestDiagramText(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="pod-diagram"]');
    const scale = svg.getScreenCTM().a;
    let min = Infinity;
    for (const t of svg.querySelectorAll('text, tspan')) {
      if (!t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return min;
  });
}

/** The element's bounding box and whether its text is clipped. */
function box(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      top: r.top, bottom: r.bottom, left: r.left, right: r.right,
      clipped: el.scrollWidth > el.clientWidth + 1,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      vw: innerWidth, vh: innerHeight,
    };
  }, selector);
}

/** `shown` of the playback bar's `step N of M`. */
async function shown(page) {
  const text = await page.locator('.controls .control-step').textContent();
  return Number(/step (\d+) of/.exec(text)[1]);
}

/** A lesson's values for `seed`, from the native CLI (`podscope lesson ID --seed S`). */
function cliLesson(id, seed, solution = false) {
  const args = ['lesson', id, '--seed', seed, ...(solution ? ['--solution'] : [])];
  const r = spawnSync(podscopeBin(), args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Types a solution script (`@terminal` lines switch) into the UI's terminals. */
async function typeScript(page, script) {
  let terminal = 'debian-container';
  for (const line of script.split('\n').filter(Boolean)) {
    if (line.startsWith('@')) terminal = line.slice(1);
    else await runLine(page, terminal, line);
  }
}

/** `{ id: done }` of every task on the panel. */
function ticks(page) {
  return page.locator('[data-testid^="task-"][data-done]').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.dataset.testid.slice(5), li.dataset.done === 'true'])));
}

describe('classroom', () => {
  let server;
  let browser;
  const sessions = [];
  const open = async (query, viewport) => {
    const session = await openApp(browser, server, query, viewport);
    sessions.push(session);
    return session.page;
  };
  const noErrors = () => assert.deepEqual(sessions.at(-1).errors, []);

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const s of sessions) await s.close();
    await browser?.close();
    await server?.stop();
  });

  for (const [width, height, minText] of [[1920, 1080, 18], [1024, 768, 12]]) {
    test(`presenter mode at ${width}×${height}: big type, only the essentials`, async () => {
      const page = await open('?scenario=shared-volume&profile=projector', { width, height });
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('presenter')));
      await page.keyboard.press('t'); // the tour starts, its caption shows
      await byTestId(page, 'tour-caption').waitFor();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('t');
      await page.waitForTimeout(300);
      const path = await screenshot(page, `presenter-${width}x${height}`);
      console.log(`screenshot: ${path}`);
      const caption = await box(page, '.tour-text');
      const eventCaption = await box(page, '[data-testid="event-caption"]');
      if (width === 1920) {
        assert.ok(caption.fontSize >= 28, `tour caption ${caption.fontSize}px`);
        assert.ok(eventCaption.fontSize >= 28, `event caption ${eventCaption.fontSize}px`);
      }
      const smallest = await smallestDiagramText(page);
      console.log(`presenter ${width}×${height}: smallest diagram text ${smallest.toFixed(1)}px, tour caption ${caption.fontSize}px`);
      assert.ok(smallest >= minText, `diagram text ${smallest.toFixed(1)}px < ${minText}px`);
      const step = await box(page, '.controls .control-step');
      assert.ok(!step.clipped && step.right <= step.vw && step.bottom <= step.vh, JSON.stringify(step));
      const controls = await box(page, '.controls');
      assert.ok(controls.bottom <= controls.vh, `controls end at ${controls.bottom}px of ${controls.vh}`);
      // Only the diagram, the caption, one terminal and the controls.
      for (const hidden of ['.info-panel', '.task-panel', '.app-header', '.scenario-bar', '.what-if']) {
        assert.equal(await page.locator(hidden).filter({ visible: true }).count(), 0, `${hidden} is shown`);
      }
      assert.equal(await page.locator('.terminal-pane:not([hidden])').count(), 1);
      // F leaves presenter mode.
      await page.keyboard.press('f');
      await page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
      noErrors();
    });
  }

  test('at 1280×800 the diagram text stays ≥ 12 px with the tour, the what-if box and Large text', async () => {
    const page = await open('?scenario=shared-volume', { width: 1280, height: 800 });
    const sizes = { plain: await smallestDiagramText(page) };
    await byTestId(page, 'tour-start').click();
    await byTestId(page, 'tour-caption').waitFor();
    sizes.tour = await smallestDiagramText(page);
    await page.locator('.what-if-list button').first().click();
    await byTestId(page, 'what-if-explanation').waitFor();
    sizes.whatIf = await smallestDiagramText(page);
    await byTestId(page, 'tour-start').click();
    await byTestId(page, 'tour-caption').waitFor();
    await page.locator('.what-if-list button').nth(2).click();
    await byTestId(page, 'what-if-explanation').waitFor();
    await byTestId(page, 'tour-start').click().catch(() => {});
    sizes.both = await smallestDiagramText(page);
    console.log(`screenshot: ${await screenshot(page, 'classroom-1280-both')}`);
    await byTestId(page, 'large-text').click();
    await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
    sizes.large = await smallestDiagramText(page);
    const controls = await box(page, '.controls');
    const step = await box(page, '.controls .control-step');
    assert.ok(!step.clipped && step.right <= controls.right, `the step counter is cut: ${JSON.stringify(step)}`);
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(pageHeight <= 800, `Large text makes the page ${pageHeight}px tall`);
    console.log(`screenshot: ${await screenshot(page, 'classroom-1280-large')}`);
    console.log(`1280×800 smallest diagram text: ${JSON.stringify(Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, +v.toFixed(1)])))}`);
    for (const [mode, px] of Object.entries(sizes)) assert.ok(px >= 12, `${mode}: ${px.toFixed(1)}px`);
    assert.ok(controls.bottom <= 800, `Large text pushes the controls to ${controls.bottom}px`);
    await byTestId(page, 'large-text').click();
    noErrors();
  });

  test('every shortcut works from the page, none while a terminal has focus', async () => {
    const page = await open('?scenario=shared-volume', { width: 1280, height: 800 });
    const body = page.locator('body');
    await body.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    const total = await shown(page);
    assert.ok(total > 5);
    await page.keyboard.press('Home');
    assert.equal(await shown(page), 0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /step 2 of/.test(document.querySelector('.control-step').textContent));
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /step 1 of/.test(document.querySelector('.control-step').textContent));
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('[data-testid="play"]').disabled);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => !document.querySelector('[data-testid="play"]').disabled);
    await page.keyboard.press('End');
    await page.keyboard.press('r');
    await page.waitForFunction(() => /step 0 of/.test(document.querySelector('.control-step').textContent));
    await page.keyboard.press('t');
    await byTestId(page, 'tour-caption').waitFor();
    const first = await byTestId(page, 'tour-caption').textContent();
    await page.keyboard.press('t');
    await page.waitForFunction((old) => document.querySelector('[data-testid="tour-caption"]').textContent !== old, first);
    await page.keyboard.press('?');
    await byTestId(page, 'shortcuts-dialog').waitFor();
    assert.equal(await page.locator('.shortcuts-table tr').count(), 7);
    await page.keyboard.press('Escape');
    await byTestId(page, 'shortcuts-dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    await page.keyboard.press('f');
    await page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
    // In a terminal every one of those keys is typing.
    await byTestId(page, 'tour-end').click();
    const input = await showTerminal(page, 'debian-container');
    await input.click();
    const before = await page.locator('.controls .control-step').textContent();
    for (const key of ['r', 'f', 't', '?', ' ', 'Home']) await page.keyboard.press(key);
    assert.equal(await input.inputValue(), 'rft? ');
    assert.equal(await page.locator('.controls .control-step').textContent(), before);
    assert.equal(await byTestId(page, 'shortcuts-dialog').count(), 0);
    assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('presenter'))));
    noErrors();
  });

  test('a lesson solved through the UI ticks every task and posts the score', async () => {
    const page = await open('?lesson=shared-volume&seed=alice', { width: 1280, height: 800 });
    await page.evaluate(() => {
      window.scores = [];
      window.addEventListener('message', (e) => { if (e.data?.type === 'podscope:score') window.scores.push(e.data); });
    });
    await byTestId(page, 'task-panel').waitFor();
    const before = await ticks(page);
    assert.equal(Object.keys(before).length, 5);
    assert.ok(Object.values(before).every((d) => !d));
    const script = cliLesson('shared-volume', 'alice', true);
    const seen = [];
    let terminal = 'debian-container';
    for (const line of script.split('\n').filter(Boolean)) {
      if (line.startsWith('@')) { terminal = line.slice(1); continue; }
      await runLine(page, terminal, line);
      seen.push(Object.values(await ticks(page)).filter(Boolean).length);
    }
    assert.deepEqual(Object.values(await ticks(page)), [true, true, true, true, true]);
    assert.equal(await byTestId(page, 'task-score').textContent(), '5/5 done');
    assert.ok(seen.some((n) => n > 0 && n < 5), `ticks came one by one: ${seen}`);
    await byTestId(page, 'task-check').click();
    assert.match(await byTestId(page, 'task-hint').textContent(), /Every task is done/);
    await page.waitForFunction(() => window.scores.some((s) => s.score.raw === 5));
    const last = await page.evaluate(() => window.scores.at(-1));
    assert.deepEqual(last.score, { raw: 5, max: 5, scaled: 1 });
    assert.equal(last.lesson, 'shared-volume');
    console.log(`screenshot: ${await screenshot(page, 'lesson-solved')}`);
    noErrors();
  });

  test('a wrong attempt shows the matching hint; Reset starts over', async () => {
    const page = await open('?lesson=shared-volume&seed=alice', { width: 1280, height: 800 });
    await byTestId(page, 'task-panel').waitFor();
    const brief = cliLesson('shared-volume', 'alice');
    const file = /put a page (\S+) saying/.exec(brief)[1];
    await runLine(page, 'debian-container', 'echo hi > /usr/share/nginx/html/' + file);
    await byTestId(page, 'task-check').click();
    assert.match(await byTestId(page, 'task-hint').textContent(), /debian-container/);
    await typeScript(page, 'apt-get update\napt-get install -y curl\ncurl localhost\n');
    await byTestId(page, 'task-check').click();
    assert.match(await byTestId(page, 'task-hint').textContent(), /In debian the volume is at \/pod-data/);
    await runLine(page, 'debian-container', `echo 'not the message' > /pod-data/${file}`);
    await byTestId(page, 'task-check').click();
    assert.match(await byTestId(page, 'task-hint').textContent(), /does not contain/);
    const t = await ticks(page);
    assert.deepEqual([t.curl, t.forbidden, t.write, t.fetch, t.reply], [true, true, false, false, false]);
    console.log(`screenshot: ${await screenshot(page, 'lesson-wrong-attempt')}`);
    await byTestId(page, 'task-reset').click();
    // Reset discards the work: it asks first.
    await byTestId(page, 'confirm-ok').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="task-score"]').textContent === '0/5 done');
    noErrors();
  });

  test('the seed changes the values the tasks ask for', async () => {
    const titles = async (seed) => {
      const page = await open(`?lesson=localhost&seed=${seed}`, { width: 1280, height: 800 });
      await byTestId(page, 'task-panel').waitFor();
      return page.locator('.task-title').allTextContents();
    };
    const seeds = ['alice', 'bob', 'carol', 'dave'];
    const all = [];
    for (const seed of seeds) {
      const got = await titles(seed);
      const cli = cliLesson('localhost', seed);
      for (const title of got) assert.ok(cli.includes(title), `${seed}: ${title} not in\n${cli}`);
      all.push(got.join('|'));
    }
    assert.ok(new Set(all).size > 1, 'every seed asked the same');
    noErrors();
  });

  test('a tour question waits for the answer, then reveals it against the real output', async () => {
    const page = await open('?scenario=localhost', { width: 1280, height: 800 });
    await byTestId(page, 'tour-start').click();
    for (let i = 0; i < 20; i += 1) {
      if (await byTestId(page, 'question').count()) break;
      await byTestId(page, 'tour-next').click();
    }
    await byTestId(page, 'question').waitFor();
    assert.match(await byTestId(page, 'question').textContent(), /curl localhost:8080/);
    await byTestId(page, 'question-option-1').click(); // 404: wrong
    const reveal = byTestId(page, 'question-reveal');
    await reveal.waitFor();
    assert.equal(await reveal.getAttribute('data-right'), 'false');
    assert.match(await reveal.textContent(), /Couldn't connect to server/);
    assert.match(await reveal.textContent(), /RST/);
    console.log(`screenshot: ${await screenshot(page, 'tour-question-revealed')}`);
    noErrors();
  });

  test('a short-answer question is checked against the real output (the inode)', async () => {
    const page = await open('?scenario=shared-volume', { width: 1280, height: 800 });
    await byTestId(page, 'tour-start').click();
    for (let i = 0; i < 20; i += 1) {
      if (await byTestId(page, 'question-input').count()) break;
      if (await byTestId(page, 'question').count()) await byTestId(page, 'question-option-1').click();
      await byTestId(page, 'tour-next').click();
    }
    await byTestId(page, 'question-input').waitFor();
    // debian's `ls -i /pod-data` printed the inode; nginx must show the same one.
    const debian = await byTestId(page, 'terminal-output-debian-container').textContent();
    const inode = /(\d+) index\.html/.exec(debian)[1];
    await byTestId(page, 'question-input').fill(inode);
    await byTestId(page, 'question-submit').click();
    const reveal = byTestId(page, 'question-reveal');
    await reveal.waitFor();
    assert.equal(await reveal.getAttribute('data-right'), 'true');
    assert.match(await reveal.textContent(), new RegExp(`Right: ${inode}`));
    noErrors();
  });

  test('a wide screen and a phone keep the diagram legible', async () => {
    for (const [width, height, large] of [[1920, 1080, false], [1920, 1080, true], [360, 740, false]]) {
      const page = await open('?scenario=shared-volume', { width, height });
      if (large) await byTestId(page, 'large-text').click();
      await byTestId(page, 'tour-start').click();
      await byTestId(page, 'tour-caption').waitFor();
      const px = await smallestDiagramText(page);
      const name = `classroom-${width}x${height}${large ? '-large' : ''}`;
      console.log(`screenshot: ${await screenshot(page, name)} (smallest diagram text ${px.toFixed(1)}px)`);
      if (width > 1000) assert.ok(px >= 12, `${name}: ${px.toFixed(1)}px`);
      const controls = await box(page, '.controls');
      if (width > 1000) assert.ok(controls.bottom <= height, `${name}: controls at ${controls.bottom}px`);
      if (large) await byTestId(page, 'large-text').click();
      noErrors();
    }
  });

  test('the handout prints every step of a tour, on A4 and Letter', async () => {
    const session = await openRecordedPage(browser, { width: 1280, height: 800 });
    sessions.push(session);
    const p = session.page;
    await p.goto(new URL('?print=shared-volume', server.url).href, { waitUntil: 'networkidle' });
    await byTestId(p, 'handout').waitFor();
    const steps = byTestId(p, 'handout-step');
    assert.equal(await steps.count(), 14);
    assert.equal(await p.locator('[data-testid="handout-step"] svg.pod-diagram').count(), 14);
    assert.ok((await byTestId(p, 'handout-command').count()) >= 12);
    console.log(`screenshot: ${await screenshot(p, 'handout')}`);
    for (const format of ['A4', 'Letter']) {
      const pdf = join(OUT_DIR, `handout-${format}.pdf`);
      await p.pdf({ path: pdf, format, printBackground: true });
      const png = join(OUT_DIR, `handout-${format}`);
      const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, png], { encoding: 'utf8' });
      assert.equal(r.status, 0, `pdftoppm: ${r.error ?? r.stderr}`);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)[1]);
      assert.ok(pages >= 4 && pages <= 7, `${format}: ${pages} pages`);
      console.log(`pdf: ${pdf} (${pages} pages), page 1: ${png}-1.png`);
    }
    noErrors();
  });
});
