// One stylesheet and one head script per page (scripts/bundle.mjs): every built page links
// exactly those two, the joined stylesheet holds each part's first rule and the joiner keeps the
// parts in page order, and a head script that throws is reported as uncaught while the scripts
// after it still run, as separate files would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle } from '../../scripts/bundle.mjs';
import { launchBrowser, ROOT } from './helpers.mjs';

const DIST = join(ROOT, 'dist');

describe('bundled head', () => {
  let browser;

  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('every page links one stylesheet and one script, and no part is left', async () => {
    const files = await readdir(DIST);
    const pages = files.filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 5, `index, embed and scenario pages: ${pages}`);
    let sheet = null;
    for (const name of pages) {
      const html = await readFile(join(DIST, name), 'utf8');
      const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]);
      const scripts = [...html.matchAll(/<script src="\.\/([^"]+)"/g)].map((m) => m[1]);
      assert.equal(sheets.length, 1, `${name}: ${sheets}`);
      assert.equal(scripts.length, 1, `${name}: ${scripts}`);
      assert.match(sheets[0], /^podscope-[0-9a-f]{16}\.css$/);
      assert.match(scripts[0], /^podscope-[0-9a-f]{16}\.js$/);
      sheet ??= sheets[0];
      assert.equal(sheets[0], sheet, 'all pages share the one stylesheet');
    }
    assert.deepEqual(files.filter((f) => /^(main|app|crash|start|first-screen)-/.test(f)), [], 'the parts are removed');
    // Each source stylesheet's first selector is in the joined one (Trunk minified the parts).
    const joinedCss = await readFile(join(DIST, sheet), 'utf8');
    for (const source of (await readdir(join(ROOT, 'style'))).filter((f) => f.endsWith('.css'))) {
      const css = (await readFile(join(ROOT, 'style', source), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      const selector = css.slice(0, css.indexOf('{')).trim().split(',')[0].trim().replace(/\s+/g, ' ');
      const squeezed = selector.replace(/\s*([>+~])\s*/g, '$1');
      assert.ok(joinedCss.includes(selector) || joinedCss.includes(squeezed), `${source}'s ${selector} is in ${sheet}`);
    }
  });

  test('a head script that throws is reported, and the next one still runs', async () => {
    const parts = {
      'a.css': 'p { color: red; }',
      'b.css': 'p { color: blue; }',
      'first.js': '(() => { window.order = ["first"]; throw new Error("first broke"); })();',
      'second.js': '(function () { window.order.push("second"); }());',
    };
    const page = `<head>\n  <link rel="stylesheet" href="./a.css">\n  <script src="./first.js"></script>\n`
      + `  <link rel="stylesheet" href="./b.css">\n  <script src="./second.js"></script>\n</head>`;
    const out = await bundle(page, async (name) => parts[name]);
    assert.deepEqual(out.removed, ['a.css', 'b.css', 'first.js', 'second.js']);
    const [css, js] = out.files;
    assert.equal(css.text, 'p { color: red; }\np { color: blue; }', 'the parts in page order');
    assert.equal(out.html, `<head>\n  <link rel="stylesheet" href="./${css.name}">\n  <script src="./${js.name}"></script>\n</head>`);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.setContent('<p>x</p>');
    await tab.addScriptTag({ content: js.text });
    assert.deepEqual(await tab.evaluate(() => window.order), ['first', 'second']);
    assert.deepEqual(errors, ['first broke']);
    await context.close();
    // A script that declares at its top level would change meaning inside a try block: refused.
    await assert.rejects(bundle(page, async (name) => (name === 'second.js' ? 'const x = 1;' : parts[name])),
      /second\.js declares at its top level/);
  });
});
