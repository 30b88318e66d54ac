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
//
// Only the screens a visit most likely shows are live markup: English, and the page's own
// scenario (every scenario's poster on embed.html, where ?scenario= picks). The rest wait in
// <template data-prerender-later>, which the parser reads but never styles or lays out, and
// web/first-screen.js takes out the chosen one once <body> is parsed. With all 22 screens
// live, index.html spent ~70 ms parsing and styling them before the app could start (desktop,
// medians of 15 in one run: interactive 373 -> 328 ms with the rest in templates).
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
  /** `chosen` as markup: the blocks `live` picks as they are, the others in templates. */
  const markup = (chosen, live) => chosen
    .map((b) => (live(b) ? b.html : `<template data-prerender-later>${b.html}</template>`)).join('\n');
  const withScreens = (chosen, live) => (blocks.length === 0 ? html
    : html.replace(/<body>[\s\S]*<\/body>/, () =>
      `<body>\n${markup(chosen, live)}\n${status}\n${noscript}\n</body>`));
  /** Live on a page whose default scenario is `id`: its English screens. */
  const ownScenario = (id) => (b) => b.lang === 'en' && b.id === id;
  const posters = blocks.filter((b) => b.embedPoster);
  const app = blocks.filter((b) => !b.embedPoster);
  // The stacked posters of narrow, tall frames live on embed.html only (marked on its <html>).
  const wide = blocks.filter((b) => !(b.embedPoster && b.narrow));
  const withDefaults = (base, defaults) => base.replace(/(<meta charset="utf-8">)/,
    `$1\n  <meta name="podscope-defaults" content="${defaults}">`);
  await writeFile(join(dir, 'index.html'), withScreens(wide, ownScenario('shared-volume')));
  await writeFile(join(dir, EMBED_PAGE), withDefaults(withScreens(posters, (b) => b.lang === 'en'), 'embed=1')
    .replace(/<html\b/, '<html data-narrow-posters'));
  for (const id of SCENARIO_PAGES) {
    const own = withDefaults(withScreens(app, ownScenario(id)), `scenario=${id}`)
      .replace(/(<link rel="alternate" type="application\/json\+oembed" href=")oembed\/[a-z-]+\.json"/,
        `$1oembed/${id}.json"`);
    await writeFile(join(dir, `${id}.html`), own);
  }
  return [EMBED_PAGE, ...SCENARIO_PAGES.map((id) => `${id}.html`)];
}
