// Accessibility of the release build in Debian's headless Chromium: axe-core reports zero
// violations (any impact) in the normal, embed (?embed=1) and presenter (?profile=projector)
// views, each with the system in light and in dark colour scheme.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { launchBrowser, screenshot, startServer } from './helpers.mjs';
import { openApp } from './app.mjs';

const require = createRequire(import.meta.url);

/** The views people meet: full app, blog embed, classroom projector. */
const VIEWS = [
  { name: 'normal', query: '' },
  { name: 'embed', query: '?embed=1', viewport: { width: 640, height: 400 } },
  { name: 'presenter', query: '?profile=projector', viewport: { width: 1920, height: 1080 } },
];

/** axe-core's violations on `page`, one readable line per rule with the offending nodes. */
async function axeViolations(page, axeSource) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => globalThis.axe.run(document));
  return result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('accessibility (axe-core) in every view and colour scheme', () => {
  let server;
  let browser;
  let axeSource;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const view of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${view.name} view, ${colorScheme}: zero axe violations`, async () => {
        const session = await openApp(browser, server, view.query, view.viewport);
        try {
          await session.page.emulateMedia({ colorScheme });
          // Let a transition settle before axe measures colours.
          await session.page.waitForTimeout(300);
          console.log(`screenshot: ${await screenshot(session.page, `a11y-${view.name}-${colorScheme}`)}`);
          assert.deepEqual(await axeViolations(session.page, axeSource), []);
          assert.deepEqual(session.errors, []);
        } finally {
          await session.close();
        }
      });
    }
  }
});
