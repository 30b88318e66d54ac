// Never losing work, in Chromium against dist/: the full app saves its session to LocalStorage
// (`podscope.session`) as it changes and a reload, or the bare address on the next visit,
// replays it through the core (typed commands, their output, the step, an applied custom
// manifest). A damaged saved copy is set aside under `podscope.session.set-aside` with a
// notice and the default scenario opens; storage that throws or is full gives a notice, never a
// broken page; Reset asks; a scenario switch keeps the previous session one Undo away; a link
// wins over the saved session, which stays one Undo away.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './helpers.mjs';
import { byTestId, runLine, servedApp, terminalOutputLines } from './app.mjs';

const DEBIAN = 'debian-container';
const PHONE = { width: 360, height: 740 };

/** `step N of M` from the playback bar. */
async function step(page) {
  const text = await page.locator('.controls .control-step').textContent();
  const match = /step (\d+) of (\d+)/.exec(text ?? '');
  assert.ok(match, `no 'step N of M' in ${JSON.stringify(text)}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** Waits until the saved session differs from `before` and returns it. */
async function savedSession(page, before = null) {
  await page.waitForFunction(
    (prev) => {
      const now = localStorage.getItem('podscope.session');
      return now !== null && now.startsWith('v1.') && now !== prev;
    },
    before,
  );
  return page.evaluate(() => localStorage.getItem('podscope.session'));
}

/** Waits until the app is drawn after a navigation. */
async function drawn(page) {
  await byTestId(page, 'pod-diagram').waitFor({ state: 'visible', timeout: 20_000 });
}

/** The scenario button drawn pressed. */
async function pressedScenario(page) {
  return byTestId(page, 'scenario-select').locator('[aria-pressed="true"]').getAttribute('data-testid');
}

/** Pauses playback and waits until it has stopped. */
async function paused(page) {
  const pause = byTestId(page, 'pause');
  if (await pause.isEnabled()) await pause.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pause"]')?.disabled);
}

describe('never losing work', () => {
  const app = servedApp();

  test('a reload and the bare address restore typed commands, their output, the step and a custom manifest', async () => {
    const { page, errors } = await app.open('?scenario=shared-volume');
    await runLine(page, DEBIAN, "echo 'kept across reloads' > /pod-data/index.html");
    await runLine(page, DEBIAN, 'cat /pod-data/index.html');
    await byTestId(page, 'tab-manifest').click();
    const editor = byTestId(page, 'manifest-editor');
    await editor.waitFor({ state: 'visible' });
    const custom = (await editor.inputValue()).replaceAll('debian-container', 'client');
    await editor.fill(custom);
    const apply = byTestId(page, 'manifest-apply');
    await page.waitForFunction(() => !document.querySelector('[data-testid="manifest-apply"]')?.disabled);
    await apply.click();
    await byTestId(page, 'tab-client').waitFor();
    // Applying keeps the session before it one Undo away; let it go.
    assert.match(await byTestId(page, 'kept-notice').textContent(), /^The manifest was applied\. Your session \(Shared volume, 2 commands\) is kept/);
    await byTestId(page, 'kept-dismiss').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="container-client"]'), null, { timeout: 20_000 });
    // The new pod comes up on the kubelet's clock; type once its debian runs.
    await page.waitForFunction(() => /2\/2|Running/.test(document.body.textContent), null, { timeout: 20_000 });
    await runLine(page, 'client', 'echo typed into my own pod');
    await paused(page);
    for (let i = 0; i < 3; i += 1) await byTestId(page, 'step-back').click();
    const before = await step(page);
    const clientBefore = await terminalOutputLines(page, 'client');
    assert.ok(clientBefore.includes('typed into my own pod'), clientBefore.join('\n'));
    await byTestId(page, `tab-${DEBIAN}`).click();
    const debianBefore = await terminalOutputLines(page, DEBIAN);
    assert.ok(debianBefore.includes('kept across reloads'), debianBefore.join('\n'));
    await savedSession(page);

    const check = async (how) => {
      await drawn(page);
      assert.equal(await pressedScenario(page), 'scenario-custom', how);
      assert.deepEqual(await step(page), before, how);
      await byTestId(page, 'tab-client').click();
      assert.deepEqual(await terminalOutputLines(page, 'client'), clientBefore, how);
      await byTestId(page, `tab-${DEBIAN}`).click();
      assert.deepEqual(await terminalOutputLines(page, DEBIAN), debianBefore, how);
      await byTestId(page, 'tab-manifest').click();
      assert.equal(await byTestId(page, 'manifest-editor').inputValue(), custom, how);
      assert.equal(await byTestId(page, 'link-notice').count(), 0, how);
      assert.equal(await byTestId(page, 'kept-notice').count(), 0, how);
    };
    await page.reload({ waitUntil: 'networkidle' });
    await check('after a reload');
    // The next visit: the app's bare address, nothing in the query or the fragment.
    await page.goto(app.server.url, { waitUntil: 'networkidle' });
    await check('at the bare address');
    assert.deepEqual(errors, []);
  });

  test('a half-written manifest in the editor survives a reload', async () => {
    const { page, errors } = await app.open('?scenario=localhost');
    await byTestId(page, 'tab-manifest').click();
    const editor = byTestId(page, 'manifest-editor');
    await editor.waitFor({ state: 'visible' });
    const draft = `${await editor.inputValue()}\n# not applied yet: still thinking\n`;
    await editor.fill(draft);
    await page.waitForFunction(() => localStorage.getItem('podscope.session')?.startsWith('v1.'));
    await page.goto(app.server.url, { waitUntil: 'networkidle' });
    await drawn(page);
    await byTestId(page, 'tab-manifest').click();
    assert.equal(await byTestId(page, 'manifest-editor').inputValue(), draft);
    assert.equal(await pressedScenario(page), 'scenario-localhost');
    assert.deepEqual(errors, []);
  });

  test('a corrupt, truncated or other-version saved session is set aside and the default scenario opens', async () => {
    const first = await app.open('?scenario=localhost');
    await runLine(first.page, DEBIAN, 'ls /');
    const good = await savedSession(first.page);
    const middle = Math.floor(good.length / 2);
    const flipped = good.slice(0, middle) + (good[middle] === 'A' ? 'B' : 'A') + good.slice(middle + 1);
    const cases = [
      ['truncated', good.slice(0, good.length - 9), /it is cut short/],
      ['newer version', `v2.${good.slice(3)}`, /it was saved by a newer podscope \(session format 2; this one reads up to 1\)/],
      ['older version', `v0.${good.slice(3)}`, /it is damaged \(unknown version 0\)/],
      ['altered', flipped, /it is (damaged|cut short)/],
      ['not ours', '{"scenario":"localhost","commands":["ls"]}', /it is damaged/],
    ];
    for (const [name, raw, why] of cases) {
      const viewport = name === 'truncated' ? PHONE : undefined;
      const { page, errors } = await app.blankPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.addInitScript((value) => {
        // Only the page itself (the browser preview is a sandboxed frame), only on its first load.
        if (window === window.top && !sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('podscope.session', value);
          localStorage.setItem('podscope.scenario', '"localhost"');
        }
      }, raw);
      await page.goto(app.server.url, { waitUntil: 'networkidle' });
      await drawn(page);
      const notice = await byTestId(page, 'link-notice').textContent();
      assert.match(notice, /^Your saved session could not be restored: /, name);
      assert.match(notice, why, name);
      assert.match(notice, /set aside \(kept as podscope\.session\.set-aside/, name);
      assert.match(notice, /the Shared volume scenario opened/, name);
      assert.equal(await pressedScenario(page), 'scenario-shared-volume', name);
      assert.equal(await page.evaluate(() => localStorage.getItem('podscope.session.set-aside')), raw, name);
      // The fresh session replaces the damaged one; the damaged copy is only under set-aside.
      const now = await savedSession(page, raw);
      assert.notEqual(now, raw, name);
      assert.equal(await byTestId(page, 'crash-panel').count(), 0, name);
      await runLine(page, DEBIAN, 'echo still works');
      assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), 'still works', name);
      if (name === 'truncated') await screenshot(page, 'persist-set-aside-phone');
      if (name === 'newer version') await screenshot(page, 'persist-set-aside');
      assert.deepEqual(errors, [], name);
    }
  });

  test('storage that throws or is full gives a notice, never a broken page', async () => {
    const throwing = {
      'setItem throws': `Storage.prototype.setItem = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError'); };`,
      'storage is full': `Storage.prototype.setItem = function () {
        throw new DOMException('Quota exceeded', 'QuotaExceededError'); };`,
      'localStorage throws': `Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
    };
    const said = {
      'setItem throws': /does not let podscope save your work here \(its storage is blocked\)/,
      'storage is full': /storage for the site is full/,
      'localStorage throws': /does not let podscope save your work here/,
    };
    for (const [name, script] of Object.entries(throwing)) {
      const { page, errors } = await app.blankPage();
      await page.addInitScript(script);
      await page.goto(`${app.server.url}?scenario=shared-volume`, { waitUntil: 'networkidle' });
      await drawn(page);
      await runLine(page, DEBIAN, 'echo typed anyway');
      assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), 'typed anyway', name);
      const notice = byTestId(page, 'link-notice');
      await notice.waitFor({ state: 'visible' });
      assert.match(await notice.textContent(), said[name], name);
      assert.match(await notice.textContent(), /Share makes a link that keeps it\./, name);
      assert.equal(await byTestId(page, 'crash-panel').count(), 0, name);
      if (name === 'storage is full') await screenshot(page, 'persist-storage-full');
      // Switching and undoing still work with nowhere to save.
      await byTestId(page, 'scenario-localhost').click();
      await byTestId(page, 'kept-undo').click();
      assert.equal((await terminalOutputLines(page, DEBIAN)).at(-1), 'typed anyway', name);
      assert.deepEqual(errors, [], name);
    }
  });

  for (const [label, viewport] of [['desktop', undefined], ['phone', PHONE]]) {
    test(`Reset asks before discarding, Cancel keeps everything, Undo brings it back (${label})`, async () => {
      const { page, errors } = await app.open('?scenario=shared-volume', viewport);
      await runLine(page, DEBIAN, 'echo precious > /pod-data/index.html');
      await runLine(page, DEBIAN, 'cat /pod-data/index.html');
      const lines = await terminalOutputLines(page, DEBIAN);
      await byTestId(page, 'reset-session').click();
      const dialog = byTestId(page, 'confirm-dialog');
      await dialog.waitFor({ state: 'visible' });
      assert.match(await dialog.textContent(), /Your session \(Shared volume, 2 commands\) is discarded and the pod starts over/);
      // The safe answer has the focus.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'confirm-cancel');
      await screenshot(page, `persist-reset-confirm-${label}`);
      await byTestId(page, 'confirm-cancel').click();
      assert.equal(await dialog.count(), 0);
      assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);
      await byTestId(page, 'reset-session').click();
      await page.keyboard.press('Escape');
      assert.equal(await dialog.count(), 0);
      assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);

      await byTestId(page, 'reset-session').click();
      await byTestId(page, 'confirm-ok').click();
      assert.equal(await byTestId(page, `terminal-output-${DEBIAN}`).locator('.term-prompt').count(), 0);
      const kept = byTestId(page, 'kept-notice');
      assert.match(await kept.textContent(), /The pod started over\. Your session \(Shared volume, 2 commands\) is kept/);
      await byTestId(page, 'kept-undo').click();
      assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);
      assert.deepEqual(errors, []);
    });
  }

  test('a scenario switch keeps the previous session one Undo away, across a reload too', async () => {
    const { page, errors } = await app.open('?scenario=shared-volume');
    await runLine(page, DEBIAN, 'echo before the switch > /pod-data/index.html');
    await runLine(page, DEBIAN, 'ls /pod-data');
    await paused(page);
    const before = await step(page);
    const lines = await terminalOutputLines(page, DEBIAN);
    await byTestId(page, 'scenario-localhost').click();
    assert.equal(await pressedScenario(page), 'scenario-localhost');
    const kept = byTestId(page, 'kept-notice');
    assert.match(await kept.textContent(), /^You switched scenario\. Your session \(Shared volume, 2 commands\) is kept\./);
    await screenshot(page, 'persist-undo-switch');
    // A reload (the address is ?scenario=localhost) still offers it.
    await page.waitForFunction(() => localStorage.getItem('podscope.session.kept')?.startsWith('v1.'));
    await page.reload({ waitUntil: 'networkidle' });
    await drawn(page);
    assert.match(await kept.textContent(), /Your earlier session \(Shared volume, 2 commands\) is still kept/);
    await byTestId(page, 'kept-undo').click();
    assert.equal(await pressedScenario(page), 'scenario-shared-volume');
    assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);
    assert.deepEqual(await step(page), before);
    // The fresh Localhost pod held nothing, so nothing is offered back.
    assert.equal(await kept.count(), 0);
    await page.waitForFunction(() => localStorage.getItem('podscope.session.kept') === null);
    assert.deepEqual(errors, []);
  });

  test('a what-if and a tour keep the session they replace one Undo away', async () => {
    const { page, errors } = await app.open('?scenario=shared-volume');
    await runLine(page, DEBIAN, 'echo my work > /pod-data/index.html');
    const lines = await terminalOutputLines(page, DEBIAN);
    await page.locator('.what-if-list button').first().click();
    await byTestId(page, 'what-if-explanation').waitFor();
    const kept = byTestId(page, 'kept-notice');
    assert.match(await kept.textContent(), /^The what-if runs on a fresh pod\. Your session \(Shared volume, 1 command\) is kept\./);
    await byTestId(page, 'kept-undo').click();
    await byTestId(page, `tab-${DEBIAN}`).click();
    assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);
    await byTestId(page, 'tour-start').click();
    await byTestId(page, 'tour-caption').waitFor();
    assert.match(await kept.textContent(), /^The tour runs on a fresh pod\. Your session \(Shared volume, 1 command\) is kept\./);
    await byTestId(page, 'kept-undo').click();
    await byTestId(page, `tab-${DEBIAN}`).click();
    assert.deepEqual(await terminalOutputLines(page, DEBIAN), lines);
    assert.deepEqual(errors, []);
  });

  test('an embed stores nothing, whatever is typed into it', async () => {
    const { page, errors } = await app.open('?embed=1&scenario=shared-volume');
    await runLine(page, DEBIAN, 'echo typed into an embed');
    await paused(page);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.equal(await byTestId(page, 'link-notice').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('a link wins over the saved session, which stays one Undo away', async () => {
    const other = await app.open('?scenario=localhost');
    await runLine(other.page, DEBIAN, 'echo the link sender typed this');
    await paused(other.page);
    await other.page.waitForFunction(() => location.hash.startsWith('#v1.'));
    const link = await other.page.evaluate(() => location.href);

    const { page, errors } = await app.open('?scenario=shared-volume', PHONE);
    await runLine(page, DEBIAN, 'echo mine > /pod-data/index.html');
    const mine = await terminalOutputLines(page, DEBIAN);
    await savedSession(page);
    await page.goto(link, { waitUntil: 'networkidle' });
    await drawn(page);
    assert.equal(await pressedScenario(page), 'scenario-localhost');
    const theirs = await terminalOutputLines(page, DEBIAN);
    assert.equal(theirs.at(-1), 'the link sender typed this');
    const kept = byTestId(page, 'kept-notice');
    assert.match(await kept.textContent(), /^This link opened instead of the session you had saved\. Your session \(Shared volume, 1 command\) is kept/);
    await screenshot(page, 'persist-link-wins-phone');
    await byTestId(page, 'kept-undo').click();
    assert.equal(await pressedScenario(page), 'scenario-shared-volume');
    assert.deepEqual(await terminalOutputLines(page, DEBIAN), mine);
    assert.deepEqual(errors, []);
  });
});
