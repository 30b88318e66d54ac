// Pasting a multi-line command into the web terminal feeds it line by line, as a terminal
// feeds bash: the first line after the prompt, the others after PS2 (`> `), the output once
// the command is complete — the lines of a here-document included. `exit` then ends the shell
// visibly before the next line opens a new one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp, runLine, showTerminal } from './app.mjs';

const DEBIAN = 'debian-container';
const PASTE = 'cat > /pod-data/index.html <<EOF\n<h1>Hello from $HOSTNAME</h1>\nEOF\nfor i in 1 2\ndo\n  echo "n=$i"\ndone\n';

/** Pastes `text` into terminal `id`'s input as a clipboard paste event. */
async function paste(page, id, text) {
  const input = await showTerminal(page, id);
  await input.focus();
  await input.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('pasting into the web terminal', () => {
  let server;
  let browser;
  let session;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    session = await openApp(browser, server, '?scenario=shared-volume');
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.stop();
  });

  test('each pasted line is entered with its prompt; the loop and the file come out right', async () => {
    const { page } = session;
    await paste(page, DEBIAN, PASTE);
    const output = byTestId(page, `terminal-output-${DEBIAN}`);
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="terminal-output-${id}"]`)?.textContent.includes('n=2'),
      DEBIAN,
    );
    const text = await output.innerText();
    for (const row of ['> <h1>Hello from $HOSTNAME</h1>', '> EOF', '> do', '>   echo "n=$i"', '> done', 'n=1', 'n=2']) {
      assert.ok(text.includes(row), `missing row ${JSON.stringify(row)} in:\n${text}`);
    }
    await runLine(page, DEBIAN, 'cat /pod-data/index.html');
    assert.ok((await output.innerText()).includes('<h1>Hello from two-containers</h1>'));
    console.log(`screenshot: ${await screenshot(page, 'terminal-paste')}`);
  });

  test('exit ends the shell visibly, and the next line runs in a new one', async () => {
    const { page } = session;
    await runLine(page, DEBIAN, 'exit 3');
    const output = byTestId(page, `terminal-output-${DEBIAN}`);
    const text = await output.innerText();
    assert.ok(text.includes('command terminated with exit code 3'), text);
    assert.ok(text.includes('# bash ended; the next line opens a new shell: kubectl exec -it two-containers -c debian-container -- bash'), text);
    await runLine(page, DEBIAN, 'echo $?');
    assert.ok((await output.innerText()).trimEnd().endsWith('0'));
    console.log(`screenshot: ${await screenshot(page, 'terminal-exit')}`);
  });
});
