// Trunk post_build hook (Trunk.toml): finishes index.html in Trunk's staging folder.
//
// 1. Names the lazily loaded YAML parser module (podscope-yaml-HASH.js / _bg.wasm, which Trunk
//    builds but never starts) in <meta name="podscope-yaml">, for web/first-screen.js.
// 2. Release builds only: pre-renders the first screen. It serves the staging folder, opens the
//    app itself in headless Chromium once per scenario (?scenario=ID), waits until it is live
//    and copies what it drew into index.html as <div data-prerender="ID" inert>: the same
//    markup, classes and inline SVG the app renders, so the page paints the pod diagram before
//    any wasm has loaded and the app's first render (which replaces <body>) moves nothing.
//    data-testid attributes are left out, so tests only ever find the live app. Every screen
//    is drawn in each interface language (lang="…" on the block; web/first-screen.js picks).
// 3. Writes the pages beside index.html, each with the screens it can show (scripts/pages.mjs),
//    in every build (a debug build's have no screens).
//
//   node scripts/prerender.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, startServer } from '../tests/e2e/helpers.mjs';
import { writePages } from './pages.mjs';

const SCENARIOS = ['shared-volume', 'localhost', 'docs-original', 'custom'];
/** The interface languages (src/i18n): every screen is drawn in each, one language after the
 *  other, so gzip finds most of a screen's markup in the one before it (a screen is ~20 KB and
 *  gzip looks back 32 KB: twins side by side cost twice as much). */
const LANGS = ['en', 'es'];
/** Each first screen: the full app per scenario, and the embed's per built-in scenario (the
 *  poster load=lazy|click shows before any wasm is fetched, web/start.js). */
const LAYOUTS = [
  ...SCENARIOS.map((id) => ({ id, query: `?scenario=${id}`, mark: '', viewport: { width: 1280, height: 800 } })),
  // A phone held upright gets the stacked diagram (NARROW in src/ui/components/diagram_panel.rs):
  // its own copy, which style/first-screen.css shows under the same media condition.
  ...SCENARIOS.map((id) => ({ id, query: `?scenario=${id}`, mark: ' data-narrow', viewport: { width: 360, height: 740 } })),
  ...SCENARIOS.filter((id) => id !== 'custom').map((id) => ({
    id, query: `?embed=1&load=eager&scenario=${id}`, mark: ' data-embed-poster', viewport: { width: 640, height: 400 },
  })),
  // A narrow, tall frame (a phone-width column) gets the stacked embed: its own poster, only
  // on embed.html (scripts/pages.mjs), so index.html does not grow.
  ...SCENARIOS.filter((id) => id !== 'custom').map((id) => ({
    id, query: `?embed=1&load=eager&scenario=${id}`, mark: ' data-embed-poster data-narrow', viewport: { width: 360, height: 600 },
  })),
];
const SCREENS = LANGS.flatMap((lang) => LAYOUTS.map((screen) => ({ ...screen, lang })));
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('prerender: no staging folder (run by Trunk, or pass it)');
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

const files = await readdir(dir);
const yamlJs = files.find((f) => /^podscope-yaml(-[0-9a-f]+)?\.js$/.test(f));
const yamlWasm = files.find((f) => /^podscope-yaml(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!yamlJs || !yamlWasm) {
  console.error(`prerender: the podscope-yaml module is missing from ${dir} (found: ${files.join(', ')})`);
  process.exit(1);
}
const meta = `<meta name="podscope-yaml" content="./${yamlJs}" data-wasm="./${yamlWasm}">`;
html = html.replace(/<meta name="podscope-yaml"[^>]*>\n?/, '')
  .replace(/(<meta charset="utf-8">)/, `$1\n  ${meta}`);

const blocks = [];
if (release) {
  await writeFile(indexPath, html);
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    for (const { id, query, mark, viewport, lang } of SCREENS) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}${query}&lang=${lang}`, { waitUntil: 'load' });
      await page.waitForFunction(() => !document.querySelector('[data-prerender]')
        && document.querySelector('[data-testid="pod-diagram"]')
        && document.querySelector('[data-testid^="terminal-input-"]'), null, { timeout: 30_000 });
      if (errors.length) throw new Error(`prerender: ${query} threw: ${errors.join('; ')}`);
      const body = await page.evaluate(() => {
        const copy = document.body.cloneNode(true);
        for (const el of copy.querySelectorAll('script')) el.remove();
        for (const el of copy.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
        // Inputs keep what the app typed into them only as properties: carry the values over.
        const live = document.body.querySelectorAll('textarea, input');
        copy.querySelectorAll('textarea, input').forEach((el, i) => {
          if (el.tagName === 'TEXTAREA') el.textContent = live[i].value;
          else if (live[i].type === 'checkbox' || live[i].type === 'radio') {
            if (live[i].checked) el.setAttribute('checked', '');
          } else if (live[i].value) el.setAttribute('value', live[i].value);
        });
        // Hidden tabs take no room: keep their panels, leave out their content (a smaller page).
        for (const el of copy.querySelectorAll('[hidden]')) el.replaceChildren();
        // So do closed disclosures (About): their summary stays, the body is drawn only open.
        for (const el of copy.querySelectorAll('details:not([open]) > :not(summary)')) el.replaceChildren();
        return copy.innerHTML.trim();
      });
      // The end mark lets first-screen.css keep a block invisible until all of it has arrived:
      // a slow connection would otherwise paint half a block, then move it as the rest comes.
      blocks.push({ html: `<div data-prerender="${id}"${mark} lang="${lang}" inert aria-busy="true">${body}<i class="prerender-end" hidden></i></div>`,
        id, lang, embedPoster: mark.includes('data-embed-poster'), narrow: mark.includes('data-narrow') });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`prerender: ${SCREENS.length} first screens written into ${indexPath}`);
}
const pages = await writePages(dir, html, blocks);
console.log(`prerender: also ${pages.join(', ')} (scripts/pages.mjs)`);
