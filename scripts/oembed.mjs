// Trunk post_build hook (Trunk.toml): writes oembed/<scenario>.json, the oEmbed document of every
// built-in scenario, into Trunk's staging folder with `podscope oembed` (the native CLI, so the
// titles and ids come from the same data as the app's; nothing is fetched). With
// PODSCOPE_SITE_URL (where dist/ will be served, e.g. https://you.github.io/podscope/) the
// documents' iframes and every page's discovery <link> use that absolute address, which
// WordPress needs; without it they are relative to the page. Release builds only.
//
//   node scripts/oembed.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if ((process.env.TRUNK_PROFILE ?? 'release') !== 'release') {
  // `trunk serve` rebuilds on every change: the native CLI is built for release builds only.
  console.log('oembed: debug build, no oembed/ documents');
  process.exit(0);
}
if (!dir) {
  console.error('oembed: no staging folder (run by Trunk, or pass it)');
  process.exit(2);
}
let site = process.env.PODSCOPE_SITE_URL ?? '';
if (site && !/^https?:\/\/[^\s"<>]+$/.test(site)) {
  console.error(`oembed: PODSCOPE_SITE_URL=${site} is not an http(s) address`);
  process.exit(2);
}
if (site && !site.endsWith('/')) site += '/';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = ['run', '--quiet', '--bin', 'podscope', '--', 'oembed', join(dir, 'oembed')];
if (site) args.push('--site', site);
// A native build on the machine's default toolchain: scripts/release.sh names the settings it
// made for wasm builds only (a nightly std rebuilt for size), and they are taken away here.
const env = { ...process.env };
for (const name of (process.env.PODSCOPE_RELEASE_ENV ?? '').split(' ')) delete env[name];
const run = spawnSync('cargo', args, { cwd: root, stdio: 'inherit', env });
if (run.status !== 0) {
  console.error(`oembed: podscope oembed failed (${run.status ?? run.error ?? run.signal})`);
  process.exit(1);
}
// Every page's discovery <link> (scripts/pages.mjs pointed each at its scenario's document):
// the document's own title, and its absolute address when PODSCOPE_SITE_URL is set.
const link = /<link rel="alternate" type="application\/json\+oembed" href="oembed\/([a-z-]+)\.json" title="[^"]*">/;
const pages = (await readdir(dir)).filter((name) => name.endsWith('.html'));
for (const name of pages) {
  const path = join(dir, name);
  const html = await readFile(path, 'utf8');
  const found = link.exec(html);
  if (!found) {
    console.error(`oembed: ${name} has no oEmbed discovery <link>`);
    process.exit(1);
  }
  const doc = JSON.parse(await readFile(join(dir, 'oembed', `${found[1]}.json`), 'utf8'));
  const title = doc.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  await writeFile(path, html.replace(link, () =>
    `<link rel="alternate" type="application/json+oembed" href="${site}oembed/${found[1]}.json" title="${title}">`));
}
