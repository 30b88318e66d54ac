// Packet-Tracer-style stepping: the diagram is re-derived from the first N events of the trace,
// so stepping back past a write takes the file out of both container boxes and stepping forward
// puts it back; the scrubber and Reset move the same position; the event log lists every kind of
// event and its filter chips hide one kind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp, runLine } from './app.mjs';

const DEBIAN = 'debian-container';
const WRITE = "echo 'Hello from the debian container' > /pod-data/index.html";

/** `{ shown, total }` from the playback bar's `step N of M`. */
async function step(page) {
  // The live app's bar only: the pre-rendered copies carry one too until the app replaces them.
  const text = await page.locator('body:not(:has([data-prerender])) .controls .control-step').textContent();
  const match = /step (\d+) of (\d+)/.exec(text ?? '');
  assert.ok(match, `no 'step N of M' in ${JSON.stringify(text)}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** The files each container box lists, `{ container: ['INODE PATH', …] }`. */
function diagramFiles(page) {
  return byTestId(page, 'pod-diagram').evaluate((svg) => Object.fromEntries(
    Array.from(svg.querySelectorAll('[data-testid^="container-"]')).map((box) => [
      box.dataset.testid.slice('container-'.length),
      Array.from(box.querySelectorAll('.file')).map((f) => f.textContent.trim()),
    ]),
  ));
}

/** Moves the timeline scrubber to `n` events shown, and waits for the bar to say so. */
async function scrub(page, n) {
  await page.locator('.controls input.scrubber').fill(String(n));
  await page.waitForFunction((want) => document.querySelector('.controls .control-step')
    ?.textContent.startsWith(`step ${want} of`), n);
}

/** Stops the clock and shows the whole trace. */
async function pauseAtEnd(page) {
  const { total } = await step(page);
  await scrub(page, total);
  await page.waitForFunction(() => document.querySelector('[data-testid="pause"]')?.disabled);
}

describe('stepping through the trace', () => {
  let server;
  let browser;
  const sessions = [];
  const open = async (query) => {
    const session = await openApp(browser, server, query);
    sessions.push(session);
    return session.page;
  };
  /** Every page of this file must run without a console error. */
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

  test('step-back past the write removes the file from both containers; step-forward restores it', async () => {
    const page = await open('?scenario=shared-volume');
    await runLine(page, DEBIAN, WRITE);
    await pauseAtEnd(page);
    const written = await diagramFiles(page);
    const nginxFile = written['nginx-container'].find((f) => f.endsWith(' /usr/share/nginx/html/index.html'));
    const debianFile = written[DEBIAN].find((f) => f.endsWith(' /pod-data/index.html'));
    assert.ok(nginxFile && debianFile, `index.html is not in both boxes: ${JSON.stringify(written)}`);
    assert.equal(nginxFile.split(' ')[0], debianFile.split(' ')[0], 'one inode, seen at two paths');

    const hasIndex = (files) => Object.values(files).some((list) => list.some((f) => f.endsWith('/index.html')));
    const diagram = byTestId(page, 'pod-diagram');
    let withFile = await diagram.textContent();
    let { shown, total } = await step(page);
    while (hasIndex(await diagramFiles(page))) {
      assert.ok(shown > 0, 'stepped back to the start and the file is still drawn');
      withFile = await diagram.textContent();
      await byTestId(page, 'step-back').click();
      await page.waitForFunction((want) => document.querySelector('.controls .control-step')
        ?.textContent.startsWith(`step ${want} of`), shown - 1);
      ({ shown } = await step(page));
    }
    const withoutFile = await diagram.textContent();
    assert.ok(shown < total, 'the file went away without a step back');
    console.log(`screenshot: ${await screenshot(page, 'stepping-before-write')}`);
    await byTestId(page, 'step-forward').click();
    await page.waitForFunction((want) => document.querySelector('.controls .control-step')
      ?.textContent.startsWith(`step ${want} of`), shown + 1);
    assert.ok(hasIndex(await diagramFiles(page)), 'step-forward did not bring the file back');
    assert.equal(await diagram.textContent(), withFile);
    assert.notEqual(withoutFile, withFile);
    console.log(`screenshot: ${await screenshot(page, 'stepping-after-write')}`);
    noErrors();
  });

  test('the scrubber and reset move the shown position', async () => {
    const page = await open('?scenario=shared-volume');
    await runLine(page, DEBIAN, WRITE);
    await pauseAtEnd(page);
    const { total } = await step(page);
    const atEnd = await diagramFiles(page);
    await scrub(page, 0);
    assert.deepEqual(Object.values(await diagramFiles(page)).flat(), []);
    await scrub(page, total);
    assert.deepEqual(await diagramFiles(page), atEnd);
    await byTestId(page, 'reset').click();
    await page.waitForFunction(() => document.querySelector('.controls .control-step')?.textContent.startsWith('step 0 of'));
    assert.equal(await byTestId(page, 'step-back').isDisabled(), true, 'step-back at the start');
    assert.equal(await byTestId(page, 'pause').isDisabled(), true, 'reset pauses');
    assert.equal(await byTestId(page, 'play').isEnabled(), true);
    noErrors();
  });

  test('the event log lists every kind, a click jumps to an event, a filter hides its kind', async () => {
    const page = await open('?scenario=shared-volume');
    for (const line of ['apt-get update', 'apt-get install -y curl', WRITE, 'curl localhost']) {
      await runLine(page, DEBIAN, line);
    }
    await pauseAtEnd(page);
    const events = byTestId(page, 'event-log').locator('[data-testid="event"]');
    const kinds = async () => new Set(await events.evaluateAll((all) => all.map((e) => e.dataset.kind)));
    assert.deepEqual([...(await kinds())].sort(), ['file', 'http', 'k8s', 'process', 'tcp']);

    const http = events.and(page.locator('[data-kind="http"]')).first();
    const seq = Number(await http.getAttribute('data-seq'));
    await http.click();
    await page.waitForFunction((want) => document.querySelector('.controls .control-step')
      ?.textContent.startsWith(`step ${want} of`), seq + 1);
    assert.equal(await http.getAttribute('aria-pressed'), 'true');

    const chip = byTestId(page, 'event-log').locator('.filter-chip[data-kind="tcp"]');
    await chip.click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="event"][data-kind="tcp"]'));
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    assert.deepEqual([...(await kinds())].sort(), ['file', 'http', 'k8s', 'process']);
    console.log(`screenshot: ${await screenshot(page, 'stepping-event-log-no-tcp')}`);
    await chip.click();
    await page.locator('[data-testid="event"][data-kind="tcp"]').first().waitFor();
    noErrors();
  });

});
