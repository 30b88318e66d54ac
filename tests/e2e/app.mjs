// Driving the explainer the way a person does (open a scenario, type lines into a terminal,
// read what the terminal shows) and running the same lines through the native CLI,
// `podscope shell`, so a test can compare the two.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { launchBrowser, openRecordedPage, ROOT, startServer } from './helpers.mjs';

/** Marks a prompt in a terminal row read from the page (never printed by a program). */
const PROMPT_MARK = '\u0001';

/**
 * Opens the explainer at `query` (e.g. `?scenario=localhost`) in a fresh recorded page and
 * waits until the pod diagram is drawn. Returns the session of `openRecordedPage`.
 */
export async function openApp(browser, server, query = '', viewport = undefined) {
  const session = await openRecordedPage(browser, viewport);
  await session.page.goto(new URL(query, server.url).href, { waitUntil: 'networkidle' });
  await session.page.locator('[data-testid="pod-diagram"]').waitFor({ state: 'visible', timeout: 15_000 });
  return session;
}

/**
 * Registers a suite's hooks: one static server of dist/ and one Chromium for the suite, and every
 * page opened through the returned handle closed at the end. `open(query, viewport)` opens the
 * app (as `openApp`), `blankPage()` a recorded page that has loaded nothing yet.
 */
export function servedApp() {
  const app = { server: null, browser: null, sessions: [] };
  const kept = (session) => { app.sessions.push(session); return session; };
  before(async () => {
    app.server = await startServer();
    app.browser = await launchBrowser();
  });
  after(async () => {
    for (const s of app.sessions) await s.close();
    await app.browser?.close();
    await app.server?.stop();
  });
  app.open = async (query = '?scenario=shared-volume', viewport = undefined) =>
    kept(await openApp(app.browser, app.server, query, viewport));
  app.blankPage = async () => kept(await openRecordedPage(app.browser));
  return app;
}

/** The locator of `[data-testid=ID]`. */
export function byTestId(page, id) {
  return page.locator(`[data-testid="${id}"]`);
}

/** Shows terminal `id`'s tab if its input is hidden behind another tab. */
export async function showTerminal(page, id) {
  const input = byTestId(page, `terminal-input-${id}`);
  if (!(await input.isVisible())) {
    await byTestId(page, `tab-${id}`).click();
    await input.waitFor({ state: 'visible' });
  }
  return input;
}

/** Number of command echoes (prompts) terminal `id`'s output shows. */
function echoCount(page, id) {
  return byTestId(page, `terminal-output-${id}`).locator('.term-prompt').count();
}

/**
 * Types `line` into terminal `id` and presses Enter, then waits until the terminal shows the
 * echo of one more command and the line has finished (a long loop runs over many frames).
 */
export async function runLine(page, id, line) {
  await typeLine(page, id, line);
  await page.waitForFunction(
    (testid) => !document.querySelector(`[data-testid="${testid}"]`)?.classList.contains('is-running'),
    `terminal-${id}`,
  );
}

/**
 * Types `line` into terminal `id` and presses Enter, then waits until the terminal shows the
 * echo of one more command; the line may still be running.
 */
export async function typeLine(page, id, line) {
  const input = await showTerminal(page, id);
  const before = await echoCount(page, id);
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction(
    ({ testid, n }) => document.querySelectorAll(`[data-testid="${testid}"] .term-prompt`).length > n,
    { testid: `terminal-output-${id}`, n: before },
  );
}

/**
 * Terminal `id`'s rows as the page draws them, each `{ echo, text }`: `echo` is the command
 * line after a prompt when the row holds one, `text` the program output on the row (for a row
 * that begins with a prompt, empty; output left without a newline precedes the prompt).
 */
export async function terminalRows(page, id) {
  const raw = await byTestId(page, `terminal-output-${id}`).evaluate((pre, mark) => {
    if (pre.childNodes.length === 0) return [];
    const text = Array.from(pre.childNodes)
      .map((n) => (n.nodeType === 1 && n.classList.contains('term-prompt') ? mark : n.textContent))
      .join('');
    return text.split('\n');
  }, PROMPT_MARK);
  return raw.map((row) => {
    const at = row.indexOf(PROMPT_MARK);
    return at < 0 ? { echo: null, text: row } : { echo: row.slice(at + 1), text: row.slice(0, at) };
  });
}

/**
 * The output lines of terminal `id`: every row's program text, leaving out the prompt rows
 * (a prompt row contributes only the unterminated output before its prompt, if any).
 */
export async function terminalOutputLines(page, id) {
  return (await terminalRows(page, id))
    .filter((row) => row.echo === null || row.text !== '')
    .map((row) => row.text);
}

/**
 * Text as a terminal shows it, one string per line: ANSI escape sequences removed, a carriage
 * return moves back to column 0 so later characters overwrite earlier ones (nginx ends its
 * error pages' lines in CRLF; curl's progress meter redraws with `\r`), backspace steps back.
 */
export function screenLines(text) {
  const clean = text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '');
  const lines = clean.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => {
    const cells = [];
    let col = 0;
    for (const c of line) {
      if (c === '\r') col = 0;
      else if (c === '\b') col = Math.max(0, col - 1);
      else if (c === '\t' || c >= ' ') cells[col++] = c;
    }
    return cells.join('');
  });
}

/** The native `podscope` binary: $PODSCOPE_BIN, else `debug/podscope` in Cargo's target dir. */
export function podscopeBin() {
  const bin = process.env.PODSCOPE_BIN
    ?? join(resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug', 'podscope');
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run \`cargo build --bin podscope\` first (or set PODSCOPE_BIN)`);
  }
  return bin;
}

/**
 * Runs `podscope shell ARGS` with `lines` on stdin and returns its stdout (the transcript:
 * `$ line`, output, `[exit N]` per line; `@NAME` lines switch container and print nothing).
 */
export function runCli(lines, args = []) {
  const result = spawnSync(podscopeBin(), ['shell', ...args], {
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`podscope shell exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Splits a CLI transcript of `lines` (started in `start`) into each terminal's output, as
 * `{ container: [screen lines] }`: for every command line the transcript must show `$ line`,
 * then its output up to `[exit N]`; that output is turned into screen lines (`screenLines`).
 * Also returns the commands each terminal ran, in order.
 */
export function cliOutputs(transcript, lines, start = 'debian-container') {
  const rows = transcript.split('\n');
  let at = 0;
  let current = start;
  const outputs = {};
  const commands = {};
  for (const line of lines) {
    if (line.startsWith('@')) {
      current = line.slice(1).trim();
      continue;
    }
    if (rows[at] !== `$ ${line}`) {
      throw new Error(`transcript row ${at} is ${JSON.stringify(rows[at])}, expected the echo of ${JSON.stringify(line)}`);
    }
    at += 1;
    const body = [];
    while (at < rows.length && !/^\[exit \d+\]$/.test(rows[at])) body.push(rows[at++]);
    if (at >= rows.length) throw new Error(`no [exit N] after ${JSON.stringify(line)}`);
    at += 1;
    const text = body.length ? `${body.join('\n')}\n` : '';
    (outputs[current] ??= []).push(...screenLines(text));
    (commands[current] ??= []).push(line);
  }
  return { outputs, commands };
}
