// The guided tours: for each scenario, Start, then Next to the last step. Each step shows a new
// caption, the tour types its commands so the terminals fill up, and nothing logs an error.
// Screenshots at the first, middle and last steps: target/e2e/tour-<scenario>-<step>.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { byTestId, openApp } from './app.mjs';

const SCENARIOS = ['shared-volume', 'localhost', 'docs-original'];

/**
 * `{ step, steps }` from the tour bar's progress text (`Step 2 of 5`, or `2 / 5`), or null when
 * the bar shows none.
 */
async function progress(page) {
  const bar = byTestId(page, 'tour-caption').locator('xpath=..');
  const match = /(\d+)\s*(?:of|\/)\s*(\d+)/i.exec((await bar.textContent()) ?? '');
  return match ? { step: Number(match[1]), steps: Number(match[2]) } : null;
}

/** Everything every terminal shows, as one string (for "did the tour type something?"). */
function allTerminalText(page) {
  return page.locator('[data-testid^="terminal-output-"]').evaluateAll((all) => all.map((e) => e.textContent).join('\n'));
}

/** Whether the tour can go on: Next is there, visible and enabled. */
async function canGoOn(page) {
  const next = byTestId(page, 'tour-next');
  return (await next.count()) > 0 && (await next.isVisible()) && (await next.isEnabled());
}

describe('guided tours', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const scenario of SCENARIOS) {
    test(`the ${scenario} tour runs from start to end`, async () => {
      const session = await openApp(browser, server, `?scenario=${scenario}`);
      try {
        const { page } = session;
        const typedAtStart = await allTerminalText(page);
        const start = byTestId(page, 'tour-start');
        await start.click();
        const caption = byTestId(page, 'tour-caption');
        await caption.waitFor({ state: 'visible' });
        const first = await progress(page);
        const captions = [(await caption.textContent()).trim()];
        const shots = [];
        const shoot = async (label) => shots.push(await screenshot(page, `tour-${scenario}-${label}`));
        await shoot('first');
        const middle = first ? Math.ceil(first.steps / 2) : 2;

        // Next until the tour says it is at its last step (or Next stops changing anything).
        for (let guard = 0; guard < 50; guard += 1) {
          const at = await progress(page);
          if (at && at.step >= at.steps) break;
          if (!(await canGoOn(page))) break;
          const before = captions.at(-1);
          await byTestId(page, 'tour-next').click();
          const changed = await page
            .waitForFunction(
              (old) => document.querySelector('[data-testid="tour-caption"]')?.textContent.trim() !== old,
              before,
              { timeout: at ? 10_000 : 3_000 },
            )
            .then(() => true, (err) => { if (at) throw err; return false; });
          if (!changed) break; // no progress text: an unchanged caption is the end
          if (await byTestId(page, 'question').count()) {
            // Predict, then reveal: Next again skips the question; the step runs and explains.
            await byTestId(page, 'tour-next').click();
            await byTestId(page, 'question-reveal').waitFor();
          }
          captions.push((await caption.textContent()).trim());
          if (captions.length === middle) await shoot('middle');
        }
        await shoot('last');
        for (const path of shots) console.log(`screenshot: ${path}`);

        const last = await progress(page);
        if (first) {
          assert.equal(first.step, 1, 'the tour starts at step 1');
          assert.equal(last.step, last.steps, 'Next reaches the last step');
          assert.equal(captions.length, first.steps, 'one caption per step');
        }
        assert.ok(captions.length >= 2, `the tour has ${captions.length} step(s)`);
        for (let i = 1; i < captions.length; i += 1) {
          assert.notEqual(captions[i], captions[i - 1], `step ${i + 1} repeats the caption of step ${i}`);
        }
        assert.ok(captions.every((c) => c.length > 10), `an empty caption: ${JSON.stringify(captions)}`);
        const typed = await allTerminalText(page);
        assert.ok(typed.trim().length > typedAtStart.trim().length, 'the tour typed nothing into any terminal');
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    });
  }
});
