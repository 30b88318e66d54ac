// The lesson typed by hand: in the shared-volume scenario, debian installs curl, asks nginx for
// `/` (403: the volume is empty), writes index.html into its mount of the volume, asks again
// (the text), and nginx's container reads the same file at its own mount path.
//
// What the terminals show must be what `podscope shell` prints for the same lines. How the two
// are compared:
// - the CLI transcript is split per command: the row `$ LINE` must be there, the output is
//   everything up to the `[exit N]` row; `@nginx-container` switches container and prints
//   nothing. Each output is then turned into the lines a terminal shows (`screenLines`: ANSI
//   escapes removed, `\r` returns to column 0 so nginx's CRLF line ends leave no trace).
// - the page's `terminal-output-<container>` is read row by row; the rows that hold a prompt
//   (`.term-prompt`) are the command echoes: they are dropped from the output (only output
//   left unterminated before a prompt on the same row is kept), and the commands they echo must
//   be the lines typed.
// - per container, the list of output lines must be equal, in order, character for character.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { cliOutputs, openApp, runCli, runLine, terminalOutputLines, terminalRows } from './app.mjs';

const DEBIAN = 'debian-container';
const NGINX = 'nginx-container';
const HELLO = 'Hello from the debian container';
const LESSON = [
  'apt-get update',
  'apt-get install -y curl',
  'curl localhost',
  `echo '${HELLO}' > /pod-data/index.html`,
  'curl localhost',
  `@${NGINX}`,
  'cat /usr/share/nginx/html/index.html',
];

describe('the lesson typed by hand (shared-volume)', () => {
  let server;
  let browser;
  let session;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    session = await openApp(browser, server, '?scenario=shared-volume');
    const { page } = session;
    let terminal = DEBIAN;
    for (const line of LESSON) {
      if (line.startsWith('@')) {
        // Leave a picture of debian's terminal before switching tabs.
        console.log(`screenshot: ${await screenshot(page, 'lesson-by-hand-debian')}`);
        terminal = line.slice(1);
        continue;
      }
      await runLine(page, terminal, line);
    }
    console.log(`screenshot: ${await screenshot(page, 'lesson-by-hand-nginx')}`);
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.stop();
  });

  test('the first curl gets nginx 403 page, the second the text written into the volume', async () => {
    const rows = await terminalRows(session.page, DEBIAN);
    const curls = rows.flatMap((r, i) => (r.echo === 'curl localhost' ? [i] : []));
    assert.equal(curls.length, 2);
    const outputOf = (i) => {
      const next = rows.findIndex((r, j) => j > i && r.echo !== null);
      return rows.slice(i + 1, next < 0 ? undefined : next).map((r) => r.text);
    };
    assert.ok(outputOf(curls[0]).includes('<head><title>403 Forbidden</title></head>'), outputOf(curls[0]).join('\n'));
    assert.deepEqual(outputOf(curls[1]), [HELLO]);
  });

  test('each terminal shows exactly what `podscope shell` prints for the same lines', async () => {
    const transcript = runCli(LESSON);
    const { outputs, commands } = cliOutputs(transcript, LESSON);
    for (const id of [DEBIAN, NGINX]) {
      const rows = await terminalRows(session.page, id);
      assert.deepEqual(rows.filter((r) => r.echo !== null).map((r) => r.echo), commands[id], `${id}: the echoed commands`);
      assert.deepEqual(await terminalOutputLines(session.page, id), outputs[id], `${id}: the output`);
    }
    assert.ok(outputs[DEBIAN].length > 100, `debian printed only ${outputs[DEBIAN].length} lines`);
    assert.equal(outputs[NGINX].join('\n'), HELLO);
  });
});
