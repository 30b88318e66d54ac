// The keyboard alone: the shared-volume lesson picked, solved and checked with nothing but keys
// (every Tab stop on the way shows a focus ring); the terminal, the tabs, the event list and
// the inspector work from the keyboard; the dialogs (Share, shortcuts, presenter mode, the
// manifest editor, the error panel) take the focus, keep it while modal, give it back and never
// trap it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { screenshot } from './helpers.mjs';
import { byTestId, podscopeBin, servedApp } from './app.mjs';

/** What has the focus: its data-testid, else tag and class, plus whether a ring shows. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: 'body', ring: false };
    const shows = (e) => {
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
    };
    // The command line draws its focus as an underline on the line around it.
    const ring = shows(el) || (el.classList.contains('terminal-input') && shows(el.closest('.terminal-line')));
    const id = el.dataset.testid ?? `${el.tagName.toLowerCase()}.${el.className}`;
    return { id, ring, tag: el.tagName };
  });
}

/**
 * Presses `key` until the focus is on the element `want` names (a data-testid, or a predicate
 * on `focused`), at most `max` times; asserts each stop on the way shows a focus ring.
 */
async function pressUntil(page, key, want, max = 60) {
  const matches = typeof want === 'function' ? want : (f) => f.id === want;
  const stops = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const f = await focused(page);
    stops.push(f.id);
    if (f.id !== 'body') assert.ok(f.ring, `no visible focus ring on ${f.id}`);
    if (matches(f)) return stops;
  }
  throw new Error(`${key} × ${max} never reached ${want}; stops: ${stops.join(', ')}`);
}

/** Types `line` where the focus is and presses Enter, waiting for terminal `id` to echo it. */
async function typeLine(page, id, line) {
  const prompts = `[data-testid="terminal-output-${id}"] .term-prompt`;
  const before = await page.locator(prompts).count();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length > n, { sel: prompts, n: before });
}

/** The lesson's solution for `seed`, from the native CLI (`@terminal` lines switch). */
function solution(seed) {
  const r = spawnSync(podscopeBin(), ['lesson', 'shared-volume', '--seed', seed, '--solution'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('@'))).filter((l) => l.trim());
}

describe('keyboard alone', () => {
  const app = servedApp();

  test('the shared-volume lesson: picked, solved and checked with the keyboard only', async () => {
    const { page, errors } = await app.open('?scenario=shared-volume&seed=alice');
    // Tab through the page to the lesson picker; pick the lesson by typing its first letter.
    const stops = await pressUntil(page, 'Tab', 'lesson-select');
    assert.equal(stops[0], 'skip-to-terminal', 'the first Tab stop is the skip link');
    await page.keyboard.type('S');
    await byTestId(page, 'task-panel').waitFor();
    assert.match(await page.locator('#task-panel-title').textContent(), /^Shared volume/);
    assert.equal((await focused(page)).id, 'task-check', 'the focus moves into the task panel');
    assert.equal(await byTestId(page, 'task-score').textContent(), '0/5 done');
    let terminal = null;
    for (const line of solution('alice')) {
      if (line.startsWith('@')) {
        const want = line.slice(1);
        if (want !== terminal) {
          // To the terminals' tab row (one Tab stop), arrows to the terminal, on to its command line.
          await pressUntil(page, 'Tab', (f) => f.id.startsWith('tab-') && f.id.endsWith('-container'));
          for (let i = 0; i < 4 && (await focused(page)).id !== `tab-${want}`; i += 1) {
            await page.keyboard.press('ArrowRight');
          }
          assert.equal((await focused(page)).id, `tab-${want}`);
          await pressUntil(page, 'Tab', `terminal-input-${want}`, 5);
          terminal = want;
        }
        continue;
      }
      await typeLine(page, terminal, line);
    }
    const done = await page.locator('[data-testid^="task-"][data-done]').evaluateAll(
      (items) => items.map((li) => li.dataset.done === 'true'),
    );
    assert.deepEqual(done, [true, true, true, true, true]);
    assert.equal(await byTestId(page, 'task-score').textContent(), '5/5 done');
    // Esc then Tab leaves the command line (Tab alone would complete); Shift+Tab back to Check.
    await page.keyboard.type('ech');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.notEqual((await focused(page)).tag, 'INPUT', 'Esc, Tab leaves the terminal');
    await pressUntil(page, 'Shift+Tab', 'task-check');
    await page.keyboard.press('Enter');
    assert.match(await byTestId(page, 'task-hint').textContent(), /Every task is done/);
    console.log(`screenshot: ${await screenshot(page, 'keyboard-lesson-solved')}`);
    assert.deepEqual(errors, []);
  });

  test('the event list and the inspector: arrows move, Enter opens a segment, the tabs follow the arrows', async () => {
    const { page, errors } = await app.open('?scenario=localhost');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (const line of ['apt-get update', 'apt-get install -y curl', 'curl -s localhost']) {
      await typeLine(page, 'debian-container', line);
    }
    await pressUntil(page, 'Tab', (f) => f.id === 'event');
    // End, then up until a TCP segment (a SYN, an ACK…) has the focus; Enter opens it.
    const label = () => page.evaluate(() => document.activeElement.querySelector('.event-label')?.textContent ?? '');
    await page.keyboard.press('End');
    for (let i = 0; i < 60 && !/^(SYN|ACK|PSH|FIN)/.test(await label()); i += 1) {
      await page.keyboard.press('ArrowUp');
    }
    assert.match(await label(), /^(SYN|ACK|PSH|FIN)/);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
    // Back to the Inspect tabs; → selects the Packet tab, whose panel shows the segment.
    await pressUntil(page, 'Shift+Tab', 'tab-events', 10);
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused(page)).id, 'tab-packet');
    assert.equal(await byTestId(page, 'tab-packet').getAttribute('aria-selected'), 'true');
    await page.locator('#panel-packet').waitFor({ state: 'visible' });
    assert.match(await byTestId(page, 'packet-inspector').textContent(), /Frame \d+ · \d+ ms · lo/);
    // Into the packet's sections: a summary opens and closes with Enter.
    await pressUntil(page, 'Tab', (f) => f.tag === 'SUMMARY', 10);
    const open = () => page.evaluate(() => document.activeElement.parentElement.open);
    const was = await open();
    await page.keyboard.press('Enter');
    assert.equal(await open(), !was);
    assert.deepEqual(errors, []);
  });

  test('dialogs take the focus, give it back, and never trap it', async () => {
    const { page, errors } = await app.open('?scenario=shared-volume');
    // Share: Enter opens it on the link (selected); Escape closes it back onto the button.
    await pressUntil(page, 'Tab', 'share');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'share-link');
    // Share holds the link only (the iframe code moved to the Embed dialog): Tab stays in its panel.
    await pressUntil(page, 'Tab', 'copy-link', 6);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.share-panel').count(), 0);
    assert.equal((await focused(page)).id, 'share');
    // The shortcuts dialog is modal: Tab stays on Close; Escape gives the focus back.
    await page.keyboard.press('?');
    await byTestId(page, 'shortcuts-dialog').waitFor();
    assert.equal((await focused(page)).id, 'shortcuts-close');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'shortcuts-close');
    await page.keyboard.press('Escape');
    await byTestId(page, 'shortcuts-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'share', null, { timeout: 2000 });
    // Presenter mode redraws the page; the focus stays on its switch, and Enter leaves again.
    await pressUntil(page, 'Tab', 'presenter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    assert.equal((await focused(page)).id, 'presenter');
    await pressUntil(page, 'Tab', (f) => f.id.startsWith('terminal-input-'));
    await pressUntil(page, 'Shift+Tab', 'presenter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
    assert.equal((await focused(page)).id, 'presenter');
    // The manifest editor: Tab goes in and out again (it does not swallow Tab).
    await pressUntil(page, 'Shift+Tab', 'scenario-custom');
    await page.keyboard.press('Enter');
    await pressUntil(page, 'Tab', 'tab-events');
    await page.keyboard.press('End');
    assert.equal((await focused(page)).id, 'tab-manifest');
    await pressUntil(page, 'Tab', (f) => f.tag === 'TEXTAREA', 10);
    await page.keyboard.press('Tab');
    assert.notEqual((await focused(page)).tag, 'TEXTAREA', 'Tab leaves the editor');
    assert.deepEqual(errors, []);
  });

  test('the error panel holds the focus among its buttons', async () => {
    const { page } = await app.open();
    await page.evaluate(() => { setTimeout(() => window.wasmBindings.podscope_test_panic()); });
    await byTestId(page, 'crash-panel').waitFor({ state: 'visible' });
    assert.equal((await focused(page)).id, 'crash-reload');
    const seen = new Set();
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      // Past the last button the focus goes to the browser's own controls (the body here).
      seen.add(await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'browser';
        return el.closest('[data-testid="crash-panel"]') ? el.dataset.testid : 'outside';
      }));
    }
    assert.ok(!seen.has('outside'), `Tab left the panel: ${[...seen]}`);
    assert.ok(seen.has('crash-copy') && seen.has('crash-reset'), [...seen].join(', '));
  });
});
