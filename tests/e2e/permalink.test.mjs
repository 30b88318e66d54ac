// Permalinks and embeds: the address carries the whole session (#v1.…), so opening it in a
// fresh page replays every command and lands on the same step; a cut or hostile link opens the
// default scenario with a notice; the release build works from a sub-path; an embed inside
// sandbox="allow-scripts" served cross-origin with Access-Control-Allow-Origin: * (as GitHub
// Pages serves) runs with no console errors, at 640x400 and 320x200.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openRecordedPage, ROOT, screenshot, startCorsServer, startServer } from './helpers.mjs';
import { byTestId, openApp, runLine, terminalOutputLines } from './app.mjs';

const DEBIAN = 'debian-container';

/** `step N of M` from the playback bar. */
async function step(page) {
  const text = await page.locator('.controls .control-step').textContent();
  const match = /step (\d+) of (\d+)/.exec(text ?? '');
  assert.ok(match, `no 'step N of M' in ${JSON.stringify(text)}`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** Waits until the address bar's fragment holds a session and returns the whole address. */
async function sessionAddress(page) {
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  return page.evaluate(() => location.href);
}

describe('permalinks and embeds', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a copied address replays the transcript and lands on the same step', async () => {
    const first = await openApp(browser, server, '?scenario=shared-volume');
    const { page } = first;
    await runLine(page, DEBIAN, "echo 'Hello from the debian container' > /pod-data/index.html");
    await runLine(page, DEBIAN, 'ls -l /pod-data');
    await runLine(page, 'kubectl', 'kubectl get pods');
    await byTestId(page, 'pause').click().catch(() => {});
    const total = (await step(page)).total;
    await page.locator('.scrubber').fill(String(total - 5));
    await page.waitForFunction((n) => /step (\d+)/.exec(document.querySelector('.control-step').textContent)[1] === String(n), total - 5);
    const address = await sessionAddress(page);
    const shownBefore = await step(page);
    const debianBefore = await terminalOutputLines(page, DEBIAN);
    assert.ok(debianBefore.some((l) => l.includes('index.html')), debianBefore.join('\n'));
    assert.deepEqual(first.errors, []);
    await first.close();

    const second = await openRecordedPage(browser);
    await second.page.goto(address, { waitUntil: 'networkidle' });
    await byTestId(second.page, 'pod-diagram').waitFor({ state: 'visible' });
    assert.deepEqual(await step(second.page), shownBefore);
    await byTestId(second.page, `tab-${DEBIAN}`).click();
    assert.deepEqual(await terminalOutputLines(second.page, DEBIAN), debianBefore);
    await byTestId(second.page, 'tab-kubectl').click();
    const kubectl = await terminalOutputLines(second.page, 'kubectl');
    assert.ok(kubectl.some((l) => /^two-containers\s+2\/2\s+Running/.test(l)), kubectl.join('\n'));
    assert.equal(await byTestId(second.page, 'link-notice').count(), 0);

    // Share shows the same link, ready to copy by hand if the clipboard is refused.
    await byTestId(second.page, 'share').click();
    const shared = await byTestId(second.page, 'share-link').inputValue();
    assert.ok(shared.includes('#v1.'), shared);
    await byTestId(second.page, 'copy-link').click();
    await second.page.waitForFunction(() => document.querySelector('[data-testid="share-status"]').textContent !== '');
    await screenshot(second.page, 'permalink-share');
    await byTestId(second.page, 'share').click();
    // Embed, beside Share, writes the snippet for the same state.
    await byTestId(second.page, 'embed').click();
    const snippet = await byTestId(second.page, 'embed-code').inputValue();
    assert.match(snippet, /^<iframe src="[^"]*embed=1[^"]*#v1\.[^"]*" title="podscope: [^"]+" loading="lazy" width="100%"/);
    assert.deepEqual(second.errors, []);
    await second.close();
  });

  test('cut, altered, newer and hostile links open the default scenario with a notice', async () => {
    const first = await openApp(browser, server, '?scenario=localhost');
    await runLine(first.page, 'kubectl', 'kubectl get pods');
    const good = (await sessionAddress(first.page)).split('#')[1];
    await first.close();
    const cases = [
      [good.slice(0, good.length - 7), /truncated/],
      [`v9.${good.slice(3)}`, /newer podscope/],
      ['v1.%%%%', /malformed/],
      [`v1.${'A'.repeat(140000)}`, /too long/],
      ['<img src=x onerror=alert(1)>', /malformed/],
    ];
    for (const [fragment, expected] of cases) {
      const s = await openRecordedPage(browser);
      await s.page.goto(`${server.url}#${fragment}`, { waitUntil: 'networkidle' });
      await byTestId(s.page, 'pod-diagram').waitFor({ state: 'visible' });
      const notice = await byTestId(s.page, 'link-notice').textContent();
      assert.match(notice, expected, fragment.slice(0, 40));
      assert.match(notice, /Showing the Shared volume scenario instead/);
      assert.equal(await s.page.locator('.scenario-button[aria-pressed="true"], [aria-checked="true"]').count() >= 0, true);
      assert.deepEqual(s.errors, [], fragment.slice(0, 40));
      await s.close();
    }
  });

  test('a WordPress secret after the state is accepted', async () => {
    const first = await openApp(browser, server, '?scenario=localhost');
    await runLine(first.page, 'kubectl', 'kubectl get pods');
    const address = await sessionAddress(first.page);
    await first.close();
    const s = await openRecordedPage(browser);
    await s.page.goto(`${address}?secret=Ab12Cd34Ef`, { waitUntil: 'networkidle' });
    await byTestId(s.page, 'pod-diagram').waitFor({ state: 'visible' });
    assert.equal(await byTestId(s.page, 'link-notice').count(), 0);
    await byTestId(s.page, 'tab-kubectl').click();
    const kubectl = await terminalOutputLines(s.page, 'kubectl');
    assert.ok(kubectl.some((l) => l.startsWith('two-containers')), kubectl.join('\n'));
    assert.deepEqual(s.errors, []);
    await s.close();
  });

  test('dist/ works from a sub-path', async () => {
    const root = await mkdtemp(join(tmpdir(), 'podscope-subpath-'));
    await symlink(join(ROOT, 'dist'), join(root, 'demos'));
    const sub = await startServer(root);
    try {
      const s = await openRecordedPage(browser);
      await s.page.goto(`${sub.url}demos/?scenario=localhost`, { waitUntil: 'networkidle' });
      await byTestId(s.page, 'pod-diagram').waitFor({ state: 'visible', timeout: 15_000 });
      assert.deepEqual(s.errors, []);
      await s.close();
    } finally {
      await sub.stop();
    }
  });

  test('an embed in sandbox="allow-scripts", cross-origin with ACAO *, at 640x400 and 320x200', async () => {
    const dist = await startCorsServer(join(ROOT, 'dist'));
    const hostDir = await mkdtemp(join(tmpdir(), 'podscope-host-'));
    const host = await startServer(hostDir);
    try {
      for (const [width, height, view] of [[640, 400, 'split'], [320, 200, 'diagram']]) {
        const src = `${dist.url}?embed=1&scenario=shared-volume&view=${view}&from=2&to=9&step=4`;
        await writeFile(join(hostDir, `host-${width}.html`), `<!DOCTYPE html><title>A blog post</title><link rel="icon" href="data:,">
<p>Before the embed.</p>
<iframe id="embed" sandbox="allow-scripts" src="${src}" title="podscope" width="${width}" height="${height}" style="border:1px solid #999"></iframe>`);
        const s = await openRecordedPage(browser, { width: width + 40, height: height + 80 });
        await s.page.goto(`${host.url}host-${width}.html`, { waitUntil: 'networkidle' });
        const frame = s.page.frameLocator('#embed');
        await frame.locator('[data-testid="pod-diagram"]').waitFor({ state: 'visible', timeout: 15_000 });
        await frame.locator('[data-testid="event-caption"]').waitFor({ state: 'visible' });
        if (view === 'split') {
          const text = await frame.locator('.controls .control-step').textContent();
          assert.match(text, /step 4 of \d+/);
          // Controls stay inside from..to.
          for (let i = 0; i < 8; i += 1) await frame.locator('[data-testid="step-forward"]').click();
          assert.match(await frame.locator('.controls .control-step').textContent(), /step 9 of/);
          await frame.locator('[data-testid="reset"]').click();
          assert.match(await frame.locator('.controls .control-step').textContent(), /step 2 of/);
        }
        await screenshot(s.page, `embed-${width}x${height}`);
        assert.deepEqual(s.errors, [], `${width}x${height}`);
        await s.close();
      }
    } finally {
      await dist.stop();
      await host.stop();
    }
  });
});
