// A busybox container in the browser: its terminal is BusyBox's ash (the image has no bash),
// `ps` is BusyBox's, `nc` talks to nginx over the pod's loopback, and BusyBox's httpd serves in
// nginx's place, as the recordings of tests/busybox/*.yaml say the real ones do. The pods are
// the localhost scenario with images swapped for busybox, applied in the manifest editor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './helpers.mjs';
import { byTestId, runLine, servedApp, terminalOutputLines } from './app.mjs';

const BOX = 'debian-container';

/** Applies the localhost scenario's manifest after `edit` in the manifest editor. */
async function applyEdited(page, edit) {
  await byTestId(page, 'tab-manifest').click();
  const editor = byTestId(page, 'manifest-editor');
  await editor.waitFor({ state: 'visible' });
  const manifest = edit(await editor.inputValue());
  await editor.fill(manifest);
  await page.waitForFunction(() => !document.querySelector('[data-testid="manifest-apply"]')?.disabled);
  await byTestId(page, 'manifest-apply').click();
}

const busyboxClient = (yaml) => yaml.replace(/image: debian\S*/, 'image: busybox');

describe('a busybox container', () => {
  const app = servedApp();

  test('opens ash, runs BusyBox ps, and nc fetches the page from nginx', async () => {
    const { page, errors } = await app.open('?scenario=localhost');
    await applyEdited(page, busyboxClient);
    await byTestId(page, `tab-${BOX}`).click();
    const hint = byTestId(page, `terminal-hint-${BOX}`);
    await hint.waitFor();
    assert.match(await hint.textContent(), /-- sh[\s\S]*built-in shell \(ash\)/);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="terminal-${id}"] .term-input-prompt, [data-testid="terminal-${id}"]`)?.textContent.includes('/ # '), BOX, { timeout: 20_000 });

    await runLine(page, BOX, 'nosuch');
    await runLine(page, BOX, 'ps');
    await runLine(page, BOX, "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 80 | head -n 1");
    const lines = await terminalOutputLines(page, BOX);
    assert.ok(lines.includes('sh: nosuch: not found'), lines.join('\n'));
    assert.ok(lines.includes('PID   USER     COMMAND'), lines.join('\n'));
    assert.ok(lines.some((l) => /^\s+\d+ root {5}sh$/.test(l)), 'the terminal\'s shell is sh');
    assert.ok(lines.some((l) => l.startsWith('HTTP/1.1 200 OK')), lines.join('\n'));
    console.log(`screenshot: ${await screenshot(page, 'busybox-terminal')}`);
    assert.deepEqual(errors, []);
  });

  test('serves with httpd as the main process in nginx\'s place', async () => {
    const { page, errors } = await app.open('?scenario=localhost');
    const httpd = 'command: ["sh", "-c", "mkdir -p /www && echo hello from httpd > /www/index.html && httpd -f -v -p 80 -h /www"]';
    await applyEdited(page, (yaml) => {
      const edited = busyboxClient(yaml).replace(/image: nginx\S*/, `image: busybox\n    ${httpd}`);
      assert.match(edited, /httpd -f/);
      return edited;
    });
    await byTestId(page, `tab-${BOX}`).click();
    await page.waitForFunction((id) => document.querySelector(`[data-testid="terminal-${id}"]`)?.textContent.includes('/ # '), BOX, { timeout: 20_000 });
    await runLine(page, BOX, 'wget -qO- localhost');
    await runLine(page, BOX, "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc localhost 80 | head -n 1");
    const lines = await terminalOutputLines(page, BOX);
    assert.ok(lines.includes('hello from httpd'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('HTTP/1.1 200 OK')), lines.join('\n'));
    await runLine(page, 'kubectl', 'kubectl logs two-containers -c nginx-container');
    const logs = await terminalOutputLines(page, 'kubectl');
    assert.ok(logs.some((l) => /^\[::ffff:127\.0\.0\.1\]:\d+: response:200$/.test(l)), logs.join('\n'));
    console.log(`screenshot: ${await screenshot(page, 'busybox-httpd')}`);
    assert.deepEqual(errors, []);
  });
});
