// The pages of a build beside index.html (scripts/prerender.mjs calls writePages once it has the
// first screens). Each is index.html with its own defaults and only the pre-rendered screens it
// can show, so a visit downloads one small page:
//
//   embed.html   what an embed's iframe loads (the Embed dialog, the oEmbed documents):
//                embed=1 by default, only the embed posters (wide, and stacked for a narrow,
//                tall frame);
//   ID.html      the full app opened on built-in scenario ID (Share and "Open in podscope" link
//                here), naming oembed/ID.json, so a link to it pasted into WordPress embeds ID;
//                the full app's screens only (switching scenario keeps the page);
//   index.html   everything but the stacked embed posters, for ?scenario= links, old
//                index.html?embed=1 embeds (their narrow, tall frames show the wide poster
//                reflowed) and the bare address.
//
// <meta name="podscope-defaults" content="QUERY"> carries a page's defaults; the URL's own
// parameters win (web/first-screen.js, src/ui/permalink.rs).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The built-in scenarios with a page of their own (src/sim/scenario.rs; custom has none). */
const SCENARIO_PAGES = ['shared-volume', 'localhost', 'docs-original'];
/** The embed's page (src/sim/session/embed.rs EMBED_PAGE). */
const EMBED_PAGE = 'embed.html';

/**
 * Writes index.html, embed.html and one page per built-in scenario into `dir`. `html` is
 * index.html without screens (a `<body>` to fill, ending in the status line when `blocks`
 * is not empty); `blocks` are the screens as { html, embedPoster }.
 */
export async function writePages(dir, html, blocks) {
  const status = '<p class="first-screen-status" role="status">Starting the simulation…</p>';
  // Without JavaScript the inert screen stays, under the page's own <noscript> message.
  const noscript = (/<noscript>[\s\S]*?<\/noscript>/.exec(html) ?? [''])[0];
  const withScreens = (chosen) => (blocks.length === 0 ? html
    : html.replace(/<body>[\s\S]*<\/body>/, () =>
      `<body>\n${chosen.map((b) => b.html).join('\n')}\n${status}\n${noscript}\n</body>`));
  const posters = blocks.filter((b) => b.embedPoster);
  const app = blocks.filter((b) => !b.embedPoster);
  // The stacked posters of narrow, tall frames live on embed.html only (marked on its <html>).
  const wide = blocks.filter((b) => !(b.embedPoster && b.narrow));
  const withDefaults = (base, defaults) => base.replace(/(<meta charset="utf-8">)/,
    `$1\n  <meta name="podscope-defaults" content="${defaults}">`);
  await writeFile(join(dir, 'index.html'), withScreens(wide));
  await writeFile(join(dir, EMBED_PAGE), withDefaults(withScreens(posters), 'embed=1')
    .replace(/<html\b/, '<html data-narrow-posters'));
  for (const id of SCENARIO_PAGES) {
    const own = withDefaults(withScreens(app), `scenario=${id}`)
      .replace(/(<link rel="alternate" type="application\/json\+oembed" href=")oembed\/[a-z-]+\.json"/,
        `$1oembed/${id}.json"`);
    await writeFile(join(dir, `${id}.html`), own);
  }
  return [EMBED_PAGE, ...SCENARIO_PAGES.map((id) => `${id}.html`)];
}
