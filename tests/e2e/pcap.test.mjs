// Download pcap: after `curl localhost` in the localhost scenario, the file the page saves is
// byte for byte the capture `podscope shell --scenario localhost --pcap F` writes for the same
// lines, and Wireshark's dissector (tshark, which `scripts/setup.sh --test` installs) finds nothing malformed in it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, OUT_DIR, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp, runCli, runLine } from './app.mjs';

const LINES = ['apt-get update', 'apt-get install -y curl', 'curl localhost'];

/** Fails, naming the fix, when `tshark` cannot be run here: the dissector check never skips. */
function requireTshark() {
  const probe = spawnSync('tshark', ['--version'], { stdio: 'ignore' });
  assert.equal(probe.status, 0, `tshark cannot be run (${probe.error ?? `exit ${probe.status}`}): install it with \`scripts/setup.sh --test\``);
}

describe('Download pcap (localhost scenario)', () => {
  let server;
  let browser;
  let session;
  let scratch;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    session = await openApp(browser, server, '?scenario=localhost');
    scratch = await mkdtemp(join(tmpdir(), 'podscope-e2e-pcap-'));
    for (const line of LINES) await runLine(session.page, 'debian-container', line);
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test('the downloaded capture equals the CLI capture of the same lines', async () => {
    const { page } = session;
    await byTestId(page, 'tab-packet').click();
    const button = byTestId(page, 'download-pcap');
    await button.waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), 'podscope-lo.pcap');
    const saved = join(OUT_DIR, 'download.pcap');
    await download.saveAs(saved);
    const fromPage = await readFile(saved);

    const cliPcap = join(scratch, 'cli.pcap');
    runCli(LINES, ['--scenario', 'localhost', '--pcap', cliPcap]);
    const fromCli = await readFile(cliPcap);
    // A pcap header (24 bytes) and at least a three-way handshake, an HTTP exchange and a close.
    assert.ok(fromPage.length > 24 + 8 * 16, `only ${fromPage.length} bytes`);
    assert.equal(fromPage.readUInt32LE(0), 0xa1b2c3d4, 'pcap magic (microsecond, little-endian)');
    assert.ok(fromPage.equals(fromCli), `page ${fromPage.length} bytes, CLI ${fromCli.length} bytes: they differ`);

    requireTshark();
    const tshark = spawnSync('tshark', ['-r', saved, '-V'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    assert.equal(tshark.status, 0, tshark.stderr);
    assert.doesNotMatch(tshark.stdout, /Malformed/);
    const summary = spawnSync('tshark', ['-r', saved], { encoding: 'utf8' }).stdout;
    assert.match(summary, /GET \/ HTTP\/1\.1/);
    assert.match(summary, /HTTP\/1\.1 200 OK/);
  });

  test('the packet inspector dissects a segment picked in the event list', async () => {
    const { page } = session;
    await byTestId(page, 'tab-events').click();
    // The first segment to port 80 that carries data: curl's request.
    const segment = byTestId(page, 'event-log')
      .locator('[data-testid="event"][data-kind="tcp"]', { hasText: /→ :80 len \d+$/ })
      .first();
    await segment.click();
    await byTestId(page, 'tab-packet').click();
    const inspector = byTestId(page, 'packet-inspector');
    await inspector.locator('.inspector-frame').waitFor();
    const text = await inspector.textContent();
    assert.match(text, /Frame \d+/);
    assert.match(text, /GET \/ HTTP\/1\.1/);
    console.log(`screenshot: ${await screenshot(page, 'pcap-inspector')}`);
    assert.deepEqual(session.errors, []);
  });
});
